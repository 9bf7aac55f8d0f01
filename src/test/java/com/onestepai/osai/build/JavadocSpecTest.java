package com.onestepai.osai.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The extensions the generated Javadoc of an operation is written from. */
class JavadocSpecTest {
  static ObjectNode spec(String yaml) throws Exception {
    ObjectNode spec = (ObjectNode) new YAMLMapper().readTree(yaml);
    JavadocSpec.apply(spec);
    return spec;
  }

  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.isTextual() ? n.asText() : n.toString()));
    return texts;
  }

  @Test
  void paragraphsStayParagraphsAndProvenanceStaysOut() throws Exception {
    JsonNode op =
        spec(String.join(
                "\n",
                "paths:",
                "  /a:",
                "    post:",
                "      description: |",
                "        Creates an empty dataset",
                "        with the given name.",
                "",
                "        ## Retries",
                "        Not retried once sent.",
                "      x-osai-provenance: From the vendor's docs.",
                "      responses: {'200': {description: OK}}"))
            .at("/paths/~1a/post");
    assertEquals(
        List.of("Creates an empty dataset with the given name.", "Retries Not retried once sent."),
        texts(op.get("x-osai-doc")));
    assertFalse(op.get("x-osai-doc").toString().contains("vendor"));
    assertNull(op.get("x-osai-returns"), "OK says no more than the status");
  }

  @Test
  void eachDocumentedStatusNamesItsTypedException() throws Exception {
    JsonNode op =
        spec(String.join(
                "\n",
                "paths:",
                "  /a:",
                "    get:",
                "      responses:",
                "        '201': {description: The upload's id.}",
                "        '200': {description: Not this one.}",
                "        '400': {description: The name is missing.}",
                "        '401': {description: Unauthorized}",
                "        '403': {description: ''}",
                "        '404': {$ref: '#/components/responses/Missing'}",
                "        '409': {description: Taken.}",
                "        '422': {description: Invalid.}",
                "        '429': {description: Slow down.}",
                "        '418': {description: Teapot.}",
                "        '500': {description: Internal Server Error}",
                "        '503': {description: Service Unavailable}",
                "        4XX: {description: Any other.}",
                "        default: {description: Error}",
                "components:",
                "  responses:",
                "    Missing: {description: No such dataset.}"))
            .at("/paths/~1a/get");
    assertEquals("Not this one", op.get("x-osai-returns").asText(), "the lowest 2xx");
    String p = "com.onestepai.osai.";
    assertEquals(
        List.of(
            "{\"exception\":\""
                + p
                + "BadRequestException\","
                + "\"when\":\"if the server answers 400: The name is missing.\"}",
            "{\"exception\":\""
                + p
                + "UnauthorizedException\",\"when\":\"if the server answers 401\"}",
            "{\"exception\":\""
                + p
                + "PermissionDeniedException\","
                + "\"when\":\"if the server answers 403\"}",
            "{\"exception\":\""
                + p
                + "NotFoundException\","
                + "\"when\":\"if the server answers 404: No such dataset.\"}",
            "{\"exception\":\""
                + p
                + "ConflictException\","
                + "\"when\":\"if the server answers 409: Taken.\"}",
            "{\"exception\":\""
                + p
                + "UnexpectedStatusCodeException\","
                + "\"when\":\"if the server answers 418: Teapot.\"}",
            "{\"exception\":\""
                + p
                + "UnprocessableEntityException\","
                + "\"when\":\"if the server answers 422: Invalid.\"}",
            "{\"exception\":\""
                + p
                + "RateLimitException\","
                + "\"when\":\"if the server answers 429: Slow down.\"}",
            "{\"exception\":\""
                + p
                + "InternalServerException\","
                + "\"when\":\"if the server answers 500 or 503\"}"),
        texts(op.get("x-osai-throws")));
  }

  @Test
  void theReturnIsTheSuccessAnswersDescription() throws Exception {
    JsonNode op =
        spec(String.join(
                "\n",
                "paths:",
                "  /a:",
                "    post:",
                "      responses:",
                "        '200':",
                "          description: The upload's id, to pass to `finishUploading`.",
                "        '500': {description: Boom., $ref: x}"))
            .at("/paths/~1a/post");
    assertEquals(
        "the upload's id, to pass to `finishUploading`", op.get("x-osai-returns").asText());
    assertEquals(
        "if the server answers 500",
        op.at("/x-osai-throws/0/when").asText(),
        "a $ref outside components/responses has no description to show");
  }

  @Test
  void blankParameterDescriptionsLeaveTheTemplatesSentence() throws Exception {
    ObjectNode spec =
        spec(
            String.join(
                "\n",
                "paths:",
                "  /a/{id}:",
                "    parameters: [{name: id, in: path, description: ''}]",
                "    put:",
                "      parameters: [{name: q, in: query, description: ' '}, {name: r, in: query,"
                    + " description: Kept.}]",
                "      requestBody: {description: '', content: {}}",
                "      responses: {}"));
    assertFalse(spec.at("/paths/~1a~1{id}/parameters/0").has("description"));
    assertFalse(spec.at("/paths/~1a~1{id}/put/parameters/0").has("description"));
    assertEquals("Kept.", spec.at("/paths/~1a~1{id}/put/parameters/1/description").asText());
    assertFalse(spec.at("/paths/~1a~1{id}/put/requestBody").has("description"));
    assertTrue(spec.at("/paths/~1a~1{id}/put/x-osai-throws").isMissingNode());
  }
}
