package com.onestepai.osai.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

/**
 * x-osai-internal becomes openapi-generator's x-internal, on that operation only; the operation
 * stays in the document. (That the generator then skips it: GeneratedJavadocTest and the contract
 * tests, on the real generated UsersApi.)
 */
class GeneratorSpecTest {
  static final YAMLMapper YAML = new YAMLMapper();

  @Test
  void internalOperationsAreMarkedForTheGeneratorToSkipAndStayInTheDocument() throws Exception {
    JsonNode spec =
        YAML.readTree(
            String.join(
                "\n",
                "openapi: 3.0.3",
                "info: {title: t, version: '1'}",
                "paths:",
                "  /SignIn:",
                "    post: {operationId: signIn, tags: [U], x-osai-internal: true, responses: {'200': {description: ok}}}",
                "  /Users:",
                "    get: {operationId: getUser, tags: [U], responses: {'200': {description: ok}}}",
                "    put: {operationId: putUser, tags: [U], x-osai-internal: false, responses: {'204': {description: ok}}}",
                ""));

    assertTrue(GeneratorSpec.forGenerator(spec));

    assertTrue(spec.at("/paths/~1SignIn/post/x-internal").asBoolean(), spec.toString());
    assertEquals("signIn", spec.at("/paths/~1SignIn/post/operationId").asText());
    assertTrue(spec.at("/paths/~1Users/get/x-internal").isMissingNode(), spec.toString());
    assertTrue(spec.at("/paths/~1Users/put/x-internal").isMissingNode(), "false is not internal");
  }

  @Test
  void aSpecWithoutInternalOperationsIsUnchanged() throws Exception {
    JsonNode spec =
        YAML.readTree(
            "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /Users:\n"
                + "    get: {operationId: getUser, tags: [Users], responses: {'200': {description: ok}}}\n");
    JsonNode before = spec.deepCopy();

    assertFalse(GeneratorSpec.markInternal((ObjectNode) spec));
    assertEquals(before, spec);
  }
}
