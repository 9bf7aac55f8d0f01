package com.onestepai.osai.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the growth fixture: openapi/osai.yaml plus the invented operations of every fragment in
 * src/test/resources/growth ({@code widgets.yaml}, the shapes an ASP.NET API brings, ...): their
 * tags, paths and components, in file-name order. Derived at build time (pom.xml, execution
 * growth-fixture-spec), so the fixture follows every change to the spec with nothing to copy.
 *
 * <pre>
 * java -cp TEST_CLASSPATH GrowthFixtureSpec.java SPEC FRAGMENT_DIR OUTPUT
 * </pre>
 */
public final class GrowthFixtureSpec {
  private GrowthFixtureSpec() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: GrowthFixtureSpec SPEC FRAGMENT_DIR OUTPUT");
      System.exit(2);
    }
    YAMLMapper yaml = new YAMLMapper();
    ObjectNode spec = (ObjectNode) yaml.readTree(Paths.get(args[0]).toFile());
    for (Path file : fragments(Paths.get(args[1]))) {
      merge(spec, yaml.readTree(file.toFile()), file.toString());
    }

    Path output = Paths.get(args[2]);
    Files.createDirectories(output.getParent());
    Files.write(
        output,
        ("# GENERATED from "
                + args[0]
                + " and the fragments in "
                + args[1]
                + ": a test fixture, not the OSAI API.\n"
                + yaml.writeValueAsString(spec))
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * Adds {@code fragment}'s tags, paths and components to {@code spec}; a fragment's {@code
   * openapi} (3.1) raises the spec's. A path or component {@code spec} has already is refused,
   * naming {@code source}.
   */
  public static void merge(ObjectNode spec, JsonNode fragment, String source) {
    if (fragment.has("openapi")) {
      // A fragment in a later OpenAPI version (3.1) raises the fixture's version.
      spec.set("openapi", fragment.get("openapi"));
    }
    if (fragment.has("tags")) {
      ((ArrayNode) spec.withArray("tags")).addAll((ArrayNode) fragment.get("tags"));
    }
    putAll(spec.withObjectProperty("paths"), fragment.get("paths"), "path", source);
    JsonNode components = fragment.get("components");
    if (components != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = components.properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> kind = it.next();
        putAll(
            spec.withObjectProperty("components").withObjectProperty(kind.getKey()),
            kind.getValue(),
            kind.getKey(),
            source);
      }
    }
  }

  /** The fragments: every {@code *.yaml} in {@code dir}, by name. */
  public static List<Path> fragments(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".yaml"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private static void putAll(ObjectNode into, JsonNode from, String what, String fragment) {
    for (Iterator<Map.Entry<String, JsonNode>> it = from.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (into.has(field.getKey())) {
        throw new IllegalStateException(
            "The fixture's "
                + what
                + " "
                + field.getKey()
                + " is in openapi/osai.yaml or another fragment already: rename it in "
                + fragment
                + ".");
      }
      into.set(field.getKey(), field.getValue());
    }
  }
}
