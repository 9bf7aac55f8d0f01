package com.onestepai.osai.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An OpenAPI 3.1 document as its OpenAPI 3.0 equivalent, which is what openapi-generator's Java
 * client and openapi-diff read reliably: the same Java comes out of a 3.1 document as out of the
 * 3.0 document a person would have written for it. Lint and Prism read the 3.1 document itself.
 *
 * <ul>
 *   <li>{@code openapi: 3.1.x} becomes {@code 3.0.3}; {@code webhooks}, {@code jsonSchemaDialect}
 *       and {@code components.pathItems} (nothing the SDK generates) are dropped.
 *   <li>{@code type: [X, "null"]} is {@code type: X, nullable: true}.
 *   <li>A number union as ASP.NET Core 10 writes every {@code int}, {@code long}, {@code double}
 *       and {@code decimal}: {@code type: [integer, string]} or {@code [number, string]} (with
 *       {@code format} and a numeric {@code pattern}) is the number type with its format ({@code
 *       Integer}, {@code Long}, {@code Float}, {@code Double}, {@code BigDecimal}); the pattern,
 *       which describes the string form, is dropped. The SDK's JSON reader reads a number from a
 *       JSON number or from a string holding one, and writes a number.
 *   <li>{@code oneOf}/{@code anyOf} with a {@code {type: "null"}} member: the member is dropped and
 *       the schema is nullable; a single {@code $ref} left becomes {@code allOf: [$ref]}, the
 *       nullable reference as a 3.0 document writes it.
 *   <li>A schema's {@code examples} array gives its {@code example} (the first); {@code const: v}
 *       is {@code enum: [v]}; {@code contentMediaType} on a string is {@code format: binary} (a
 *       file), {@code contentEncoding: base64} is {@code format: byte}; numeric {@code
 *       exclusiveMinimum}/{@code exclusiveMaximum} are the 3.0 boolean forms.
 * </ul>
 *
 * Any other union of types ({@code [string, boolean]}, say) is refused with an {@link
 * IllegalArgumentException} naming the schema: the generator would make an empty class of it.
 *
 * <p>Whatever the version, a numeric {@code format} with no {@code type} (ASP.NET Core 10 writing
 * its number union into an OpenAPI 3.0 document drops the type and keeps format and pattern) is
 * given its number type, and a {@code format: byte} string under a media type that is not JSON
 * (ASP.NET's {@code byte[]} answer as {@code image/png}) is {@code format: binary}, a download.
 *
 * <p>OpenAPI 3.2 is refused, naming the version and the conversion step (README, "OpenAPI 3.1").
 */
public final class OpenApi31 {
  private OpenApi31() {}

  /** The formats of a number type. */
  static final Set<String> INTEGER_FORMATS = new HashSet<>(Arrays.asList("int32", "int64"));

  static final Set<String> NUMBER_FORMATS =
      new HashSet<>(Arrays.asList("float", "double", "decimal"));

  /** Keywords whose values are data, not schemas: never rewritten. */
  private static final Set<String> DATA =
      new HashSet<>(Arrays.asList("example", "examples", "default", "enum", "const", "value"));

  /** Keywords whose values are maps of names (of properties, schemas, ...) to schemas. */
  private static final Set<String> NAME_MAPS =
      new HashSet<>(
          Arrays.asList(
              "properties",
              "patternProperties",
              "schemas",
              "$defs",
              "paths",
              "responses",
              "content",
              "headers",
              "parameters",
              "requestBodies",
              "securitySchemes",
              "callbacks"));

  /**
   * Rewrites {@code spec} in place into its OpenAPI 3.0 form; true if anything changed.
   *
   * @throws IllegalArgumentException for OpenAPI 3.2 or a union the generator cannot type
   */
  public static boolean toOpenApi30(ObjectNode spec) {
    String version = spec.path("openapi").asText("");
    if (version.startsWith("3.2") || version.matches("[4-9]\\..*")) {
      throw new IllegalArgumentException(
          "openapi: "
              + version
              + " is not supported: the generator, Prism and the compatibility gate read OpenAPI"
              + " 3.0 and 3.1. Emit the document as OpenAPI 3.1 (ASP.NET Core 11:"
              + " options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1 in AddOpenApi) and paste"
              + " that; see README, \"OpenAPI 3.1 and 3.2\".");
    }
    boolean v31 = version.startsWith("3.1");
    List<String> refused = new ArrayList<>();
    boolean changed = walk(spec, "", false, v31, refused);
    if (!refused.isEmpty()) {
      throw new IllegalArgumentException(
          "The spec has unions of types the generator cannot type (it would make empty classes of"
              + " them):\n  - "
              + String.join("\n  - ", refused)
              + "\nSupported: [X, \"null\"] (a nullable X), [integer, string] and [number, string]"
              + " (a number that may arrive as a string), oneOf/anyOf with {type: \"null\"}. Use"
              + " oneOf of schemas for anything else.");
    }
    if (v31) {
      spec.put("openapi", "3.0.3");
      spec.remove("webhooks");
      spec.remove("jsonSchemaDialect");
      if (spec.path("components").isObject()) {
        ((ObjectNode) spec.get("components")).remove("pathItems");
      }
      if (!spec.has("paths")) {
        spec.putObject("paths");
      }
      changed = true;
    }
    return changed;
  }

  /** Walks every node; {@code names}: the keys of this object are names, not keywords. */
  private static boolean walk(
      JsonNode node, String path, boolean names, boolean v31, List<String> refused) {
    boolean changed = false;
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      if (!names) {
        if (v31) {
          changed |= schema31(object, path, refused);
        }
        changed |= typelessNumber(object);
      } else if (path.endsWith(".content")) {
        changed |= rawBytes(object);
      }
      List<String> keys = new ArrayList<>();
      object.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        if (!names && (DATA.contains(key) || key.startsWith("x-"))) {
          continue;
        }
        changed |=
            walk(
                object.get(key),
                path.isEmpty() ? key : path + "." + key,
                !names && NAME_MAPS.contains(key),
                v31,
                refused);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        changed |= walk(node.get(i), path + "[" + i + "]", false, v31, refused);
      }
    }
    return changed;
  }

  /** The 3.1 schema keywords of {@code node}, if it is a schema, in their 3.0 form. */
  private static boolean schema31(ObjectNode node, String path, List<String> refused) {
    boolean changed = false;
    JsonNode type = node.get("type");
    if (type != null && type.isArray()) {
      Set<String> types = new LinkedHashSet<>();
      type.forEach(t -> types.add(t.asText()));
      boolean nullable = types.remove("null");
      String format = node.path("format").asText("");
      String single;
      if (types.size() == 1) {
        single = types.iterator().next();
      } else if (types.equals(set("integer", "string")) || types.equals(set("string", "integer"))) {
        single = NUMBER_FORMATS.contains(format) ? "number" : "integer";
      } else if (types.equals(set("number", "string")) || types.equals(set("string", "number"))) {
        single = "number";
      } else {
        refused.add(path + ": type " + type);
        return false;
      }
      if (types.size() > 1) {
        node.remove("pattern"); // the pattern of the string form
      }
      node.put("type", single);
      if (nullable) {
        node.put("nullable", true);
      }
      changed = true;
    }
    for (String union : new String[] {"oneOf", "anyOf"}) {
      JsonNode members = node.get(union);
      if (members == null || !members.isArray()) {
        continue;
      }
      ArrayNode kept = node.arrayNode();
      boolean nullMember = false;
      for (JsonNode member : members) {
        if (member.size() == 1 && "null".equals(member.path("type").asText())) {
          nullMember = true;
        } else {
          kept.add(member);
        }
      }
      if (!nullMember) {
        continue;
      }
      node.put("nullable", true);
      node.remove(union);
      if (kept.size() == 1 && kept.get(0).has("$ref")) {
        node.putArray("allOf").add(kept.get(0));
      } else if (kept.size() == 1) {
        node.setAll((ObjectNode) kept.get(0));
        node.put("nullable", true);
      } else if (kept.size() > 1) {
        node.set(union, kept);
      }
      changed = true;
    }
    JsonNode examples = node.get("examples");
    if (examples != null && examples.isArray()) {
      node.remove("examples");
      if (examples.size() > 0 && !node.has("example")) {
        node.set("example", examples.get(0));
      }
      changed = true;
    }
    if (node.has("const") && isSchema(node)) {
      node.putArray("enum").add(node.remove("const"));
      changed = true;
    }
    if (node.has("contentMediaType") || node.has("contentEncoding")) {
      JsonNode encoding = node.remove("contentEncoding");
      node.remove("contentMediaType");
      if (!node.has("format")) {
        node.put(
            "format", encoding != null && "base64".equals(encoding.asText()) ? "byte" : "binary");
      }
      if (!node.has("type")) {
        node.put("type", "string");
      }
      changed = true;
    }
    for (String bound : new String[] {"Minimum", "Maximum"}) {
      JsonNode exclusive = node.get("exclusive" + bound);
      if (exclusive != null && exclusive.isNumber()) {
        node.set(bound.toLowerCase(java.util.Locale.ROOT), exclusive);
        node.put("exclusive" + bound, true);
        changed = true;
      }
    }
    return changed;
  }

  /** {@code format: int32} (and the like) with no type, as ASP.NET Core 10 writes 3.0 numbers. */
  private static boolean typelessNumber(ObjectNode node) {
    if (node.has("type") || !node.path("format").isTextual() || !isSchema(node)) {
      return false;
    }
    for (String composite : new String[] {"$ref", "allOf", "oneOf", "anyOf", "properties"}) {
      if (node.has(composite)) {
        return false;
      }
    }
    String format = node.get("format").asText();
    if (INTEGER_FORMATS.contains(format)) {
      node.put("type", "integer");
    } else if (NUMBER_FORMATS.contains(format)) {
      node.put("type", "number");
    } else {
      return false;
    }
    node.remove("pattern");
    return true;
  }

  /**
   * {@code type: string, format: byte} under a media type that is not JSON ({@code image/png},
   * {@code application/octet-stream}: how ASP.NET describes a {@code byte[]} answer) is the raw
   * bytes, {@code format: binary} (a download), not base64 text: base64 is a JSON encoding.
   */
  private static boolean rawBytes(ObjectNode content) {
    boolean changed = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = content.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> media = it.next();
      JsonNode schema = media.getValue().path("schema");
      if (!media.getKey().contains("json")
          && schema.isObject()
          && "string".equals(schema.path("type").asText())
          && "byte".equals(schema.path("format").asText())) {
        ((ObjectNode) schema).put("format", "binary");
        changed = true;
      }
    }
    return changed;
  }

  /** Loosely: a node with a schema keyword (parameters and media types have none of these). */
  private static boolean isSchema(ObjectNode node) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      String name = it.next().getKey();
      if (name.equals("format")
          || name.equals("type")
          || name.equals("pattern")
          || name.equals("const")
          || name.equals("minimum")
          || name.equals("maximum")) {
        return !node.has("in") && !node.has("schema");
      }
    }
    return false;
  }

  private static Set<String> set(String... values) {
    return new LinkedHashSet<>(Arrays.asList(values));
  }
}
