package com.onestepai.osai.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The spec as the generator reads it: enum constant names in Java's constant case.
 * openapi-generator names enum constants from {@code x-enum-varnames} as they are written ({@code
 * BoundingBox}) and ignores NSwag's {@code x-enumNames} (OpenAPITools/openapi-generator #18055),
 * where an ASP.NET service described by NSwag writes its integer enums' C# names. Here each enum
 * with either gets {@code x-enum-varnames} in constant case ({@code BOUNDING_BOX}), {@code
 * x-enum-varnames} winning over {@code x-enumNames}, so that they read like the names the generator
 * makes itself ({@code RED}, {@code NUMBER_1}). An OpenAPI 3.1 document is first given its 3.0 form
 * ({@link OpenApi31}). Operations without an operationId or tags get the names {@link
 * OperationNames} derives; request bodies and JSON media types are read as {@link AspNetShapes}
 * says, and each operation gets the extensions its Javadoc is written from ({@link JavadocSpec}).
 * Operations marked {@code x-osai-internal: true} are left out: they stay in the spec (the spec
 * gate and the contract tests see them), but no public interface gets a method for them, since only
 * the SDK's own hand-written code calls them (sign-in: {@code internal.SignIn}). Nothing else
 * changes. Run by pom.xml (executions generator-spec*, compiled first by execution build-tools)
 * before each generation.
 *
 * <pre>
 * java -cp TEST_CLASSPATH com.onestepai.osai.build.GeneratorSpec SPEC OUTPUT   (OUTPUT may be SPEC)
 * </pre>
 */
public final class GeneratorSpec {
  private GeneratorSpec() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: GeneratorSpec SPEC OUTPUT");
      System.exit(2);
    }
    Path input = Paths.get(args[0]);
    String text = new String(Files.readAllBytes(input), StandardCharsets.UTF_8);
    YAMLMapper yaml = new YAMLMapper();
    JsonNode spec = yaml.readTree(text);
    Path output = Paths.get(args[1]);
    if (output.getParent() != null) {
      Files.createDirectories(output.getParent());
    }
    boolean changed;
    try {
      changed = forGenerator(spec);
    } catch (IllegalArgumentException refused) {
      System.err.println(input + ": " + refused.getMessage());
      System.exit(1);
      return;
    }
    // Unchanged specs are copied as they are, comments and all.
    String out = changed ? yaml.writeValueAsString(spec) : text;
    Files.write(output, out.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Rewrites {@code spec} in place as the generator reads it (everything this class does); true if
   * anything changed.
   *
   * @throws IllegalArgumentException for what {@link OpenApi31} refuses
   */
  public static boolean forGenerator(JsonNode spec) {
    boolean changed = spec.isObject() && OpenApi31.toOpenApi30((ObjectNode) spec);
    changed |= enumNames(spec);
    changed |= spec.isObject() && OperationNames.apply((ObjectNode) spec);
    changed |= spec.isObject() && AspNetShapes.apply((ObjectNode) spec);
    changed |= spec.isObject() && markInternal((ObjectNode) spec);
    changed |= spec.isObject() && JavadocSpec.apply((ObjectNode) spec);
    return changed;
  }

  /**
   * Marks each operation marked {@code x-osai-internal: true} with openapi-generator's own {@code
   * x-internal: true}, which the generator skips ("not generated since x-internal is set to true");
   * true if any. The operation stays in the document, so that Prism serves it and the contract
   * tests see it. The spec says {@code x-osai-internal}, not {@code x-internal}, because
   * documentation tools (Redocly, Stoplight) hide {@code x-internal} operations, and sign-in
   * belongs in the API's documentation: only the Java interfaces leave it out.
   */
  public static boolean markInternal(ObjectNode spec) {
    JsonNode paths = spec.get("paths");
    if (paths == null || !paths.isObject()) {
      return false;
    }
    boolean changed = false;
    for (JsonNode item : paths) {
      for (String method : OperationNames.METHODS) {
        JsonNode operation = item.get(method);
        if (operation != null
            && operation.isObject()
            && operation.path("x-osai-internal").asBoolean(false)
            && !operation.path("x-internal").asBoolean(false)) {
          ((ObjectNode) operation).put("x-internal", true);
          changed = true;
        }
      }
    }
    return changed;
  }

  /** Sets constant-case x-enum-varnames on every enum that names its values; true if any. */
  public static boolean enumNames(JsonNode node) {
    boolean changed = false;
    if (node.isObject()) {
      JsonNode names =
          node.has("x-enum-varnames") ? node.get("x-enum-varnames") : node.get("x-enumNames");
      if (names != null && names.isArray()) {
        ArrayNode constants = ((ObjectNode) node).putArray("x-enum-varnames");
        for (JsonNode name : names) {
          constants.add(constantCase(name.asText()));
        }
        changed = true;
      }
    }
    for (JsonNode child : node) {
      changed |= enumNames(child);
    }
    return changed;
  }

  /**
   * {@code BoundingBox}, {@code boundingBox}, {@code HTTPError}, {@code v2-beta} to {@code
   * BOUNDING_BOX}, ..., {@code HTTP_ERROR}, {@code V2_BETA}.
   */
  static String constantCase(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
          out.append('_');
        }
        continue;
      }
      boolean wordStart =
          i > 0
              && Character.isUpperCase(c)
              && (Character.isLowerCase(name.charAt(i - 1))
                  || Character.isDigit(name.charAt(i - 1))
                  || (i + 1 < name.length()
                      && Character.isUpperCase(name.charAt(i - 1))
                      && Character.isLowerCase(name.charAt(i + 1))));
      if (wordStart && out.length() > 0 && out.charAt(out.length() - 1) != '_') {
        out.append('_');
      }
      out.append(Character.toUpperCase(c));
    }
    return out.toString();
  }
}
