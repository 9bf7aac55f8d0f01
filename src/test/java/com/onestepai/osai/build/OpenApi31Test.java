package com.onestepai.osai.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.onestepai.osai.PrismServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The OpenAPI 3.0 form of 3.1 documents, as the generator and the compatibility gate read it. */
class OpenApi31Test {
  static final YAMLMapper YAML = new YAMLMapper();

  static ObjectNode spec(String version, String schema) throws IOException {
    return (ObjectNode)
        YAML.readTree(
            "openapi: "
                + version
                + "\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
                + "    Thing:\n"
                + schema.replaceAll("(?m)^", "      "));
  }

  static JsonNode thing(ObjectNode spec) {
    return spec.at("/components/schemas/Thing");
  }

  static JsonNode converted(String schema) throws IOException {
    ObjectNode spec = spec("3.1.1", schema);
    assertTrue(OpenApi31.toOpenApi30(spec));
    assertEquals("3.0.3", spec.get("openapi").asText());
    return thing(spec);
  }

  @Test
  void numberUnionsBecomeTheirNumberType() throws IOException {
    JsonNode thing =
        converted(
            "type: object\nproperties:\n"
                + "  a: {type: [integer, string], format: int32, pattern: '^-?(?:0|[1-9]\\d*)$'}\n"
                + "  b: {type: [\"null\", integer, string], format: int64}\n"
                + "  c: {type: [number, string], format: decimal}\n"
                + "  d: {type: [string, number], format: double}\n");

    assertEquals(YAML.readTree("{type: integer, format: int32}"), thing.at("/properties/a"));
    assertEquals(
        YAML.readTree("{type: integer, format: int64, nullable: true}"), thing.at("/properties/b"));
    assertEquals(YAML.readTree("{type: number, format: decimal}"), thing.at("/properties/c"));
    assertEquals(YAML.readTree("{type: number, format: double}"), thing.at("/properties/d"));
  }

  @Test
  void nullUnionsBecomeNullable() throws IOException {
    JsonNode thing =
        converted(
            "type: object\nproperties:\n"
                + "  a: {type: [\"null\", string], format: uuid}\n"
                + "  b: {oneOf: [{type: \"null\"}, {$ref: '#/components/schemas/Other'}]}\n"
                + "  c: {anyOf: [{$ref: '#/components/schemas/Other'}, {type: \"null\"}]}\n"
                + "  d: {type: [array, \"null\"], items: {type: [integer, string], format: int32}}\n");

    assertEquals(
        YAML.readTree("{type: string, format: uuid, nullable: true}"), thing.at("/properties/a"));
    assertEquals(
        YAML.readTree("{nullable: true, allOf: [{$ref: '#/components/schemas/Other'}]}"),
        thing.at("/properties/b"));
    assertEquals(thing.at("/properties/b"), thing.at("/properties/c"));
    assertEquals(
        YAML.readTree("{type: array, nullable: true, items: {type: integer, format: int32}}"),
        thing.at("/properties/d"));
  }

  @Test
  void examplesConstAndContentMediaType() throws IOException {
    JsonNode thing =
        converted(
            "type: object\nproperties:\n"
                + "  a: {type: string, examples: [EUR, USD]}\n"
                + "  b: {type: string, const: fixed}\n"
                + "  c: {type: string, contentMediaType: application/octet-stream}\n"
                + "  d: {type: string, contentEncoding: base64}\n"
                + "  e: {type: integer, format: int32, exclusiveMinimum: 0}\n");

    assertEquals(YAML.readTree("{type: string, example: EUR}"), thing.at("/properties/a"));
    assertEquals(YAML.readTree("{type: string, enum: [fixed]}"), thing.at("/properties/b"));
    assertEquals(YAML.readTree("{type: string, format: binary}"), thing.at("/properties/c"));
    assertEquals(YAML.readTree("{type: string, format: byte}"), thing.at("/properties/d"));
    assertEquals(
        YAML.readTree("{type: integer, format: int32, minimum: 0, exclusiveMinimum: true}"),
        thing.at("/properties/e"));
  }

  @Test
  void propertiesNamedLikeKeywordsAreStillSchemas() throws IOException {
    JsonNode thing =
        converted(
            "type: object\nproperties:\n"
                + "  example: {type: [integer, string], format: int32}\n"
                + "  default: {type: [\"null\", string]}\n");

    assertEquals(YAML.readTree("{type: integer, format: int32}"), thing.at("/properties/example"));
    assertEquals(YAML.readTree("{type: string, nullable: true}"), thing.at("/properties/default"));
  }

  @Test
  void examplesAreDataAndStayAsWritten() throws IOException {
    JsonNode thing = converted("type: object\nexample: {type: [a, b], const: 1}\n");

    assertEquals(YAML.readTree("{type: [a, b], const: 1}"), thing.get("example"));
  }

  @Test
  void aOneOfOfObjectsKeepsItsOneOf() throws IOException {
    String schema = "oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]\n";
    assertEquals(YAML.readTree(schema), converted(schema));
  }

  @Test
  void aUnionTheGeneratorCannotTypeIsRefusedNamingTheProperty() throws IOException {
    ObjectNode spec =
        spec("3.1.1", "type: object\nproperties:\n  flag: {type: [string, boolean]}\n");

    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> OpenApi31.toOpenApi30(spec));
    assertTrue(
        refused.getMessage().contains("components.schemas.Thing.properties.flag")
            && refused.getMessage().contains("[\"string\",\"boolean\"]"),
        refused.getMessage());
  }

  @Test
  void openApi32IsRefusedNamingTheVersionAndTheStep() throws IOException {
    ObjectNode spec = spec("3.2.0", "type: string\n");

    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> OpenApi31.toOpenApi30(spec));
    assertTrue(
        refused.getMessage().contains("openapi: 3.2.0")
            && refused.getMessage().contains("OpenApiSpecVersion.OpenApi3_1"),
        refused.getMessage());
  }

  @Test
  void aTypelessNumberFormatIsItsNumberTypeInA30Document() throws IOException {
    ObjectNode spec =
        spec(
            "3.0.4",
            "type: object\nproperties:\n  id: {pattern: '^-?(?:0|[1-9]\\d*)$', format: int64}\n");

    assertTrue(OpenApi31.toOpenApi30(spec));
    assertEquals("3.0.4", spec.get("openapi").asText());
    assertEquals(YAML.readTree("{type: integer, format: int64}"), thing(spec).at("/properties/id"));
  }

  @Test
  void aByteStringAnswerThatIsNotJsonIsADownload() throws IOException {
    ObjectNode spec =
        (ObjectNode)
            YAML.readTree(
                "openapi: 3.1.1\ninfo: {title: t, version: '1'}\npaths:\n  /pic:\n    get:\n"
                    + "      responses:\n        '200':\n          description: ok\n"
                    + "          content:\n"
                    + "            image/png: {schema: {type: string, format: byte}}\n"
                    + "            application/json: {schema: {type: string, format: byte}}\n");

    OpenApi31.toOpenApi30(spec);

    JsonNode content = spec.at("/paths/~1pic/get/responses/200/content");
    assertEquals("binary", content.at("/image~1png/schema/format").asText());
    assertEquals("byte", content.at("/application~1json/schema/format").asText());
  }

  /** The shipped spec with a 3.1 header gives the generator exactly the 3.0 spec: the same Java. */
  @Test
  void theProjectSpecUnder31GivesTheGeneratorTheSameSpec() throws IOException {
    Path path = PrismServer.projectDir().resolve("openapi/osai.yaml");
    ObjectNode as30 = (ObjectNode) YAML.readTree(Files.readString(path));
    ObjectNode as31 = as30.deepCopy();
    as31.put("openapi", "3.1.1");

    assertFalse(OpenApi31.toOpenApi30(as30), "the 3.0 spec is left as it is");
    OpenApi31.toOpenApi30(as31);

    assertEquals(as30, as31);
  }
}
