package com.onestepai.osai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes the growth fixture: openapi/osai.yaml plus the invented operation of
 * src/test/resources/growth/widgets.yaml (its tags, paths and component schemas). Derived at build
 * time (pom.xml, execution growth-fixture-spec), so the fixture follows every change to the spec
 * with nothing to copy.
 *
 * <pre>
 * java -cp TEST_CLASSPATH GrowthFixtureSpec.java SPEC FRAGMENT OUTPUT
 * </pre>
 */
public final class GrowthFixtureSpec {
  private GrowthFixtureSpec() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: GrowthFixtureSpec SPEC FRAGMENT OUTPUT");
      System.exit(2);
    }
    YAMLMapper yaml = new YAMLMapper();
    ObjectNode spec = (ObjectNode) yaml.readTree(Paths.get(args[0]).toFile());
    JsonNode fragment = yaml.readTree(Paths.get(args[1]).toFile());

    ((ArrayNode) spec.withArray("tags")).addAll((ArrayNode) fragment.get("tags"));
    putAll(spec.with("paths"), fragment.get("paths"), "path");
    putAll(
        spec.with("components").with("schemas"),
        fragment.get("components").get("schemas"),
        "schema");

    Path output = Paths.get(args[2]);
    Files.createDirectories(output.getParent());
    Files.write(
        output,
        ("# GENERATED from "
                + args[0]
                + " and "
                + args[1]
                + ": a test fixture, not the OSAI API.\n"
                + yaml.writeValueAsString(spec))
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static void putAll(ObjectNode into, JsonNode from, String what) {
    for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (into.has(field.getKey())) {
        throw new IllegalStateException(
            "The fixture's "
                + what
                + " "
                + field.getKey()
                + " is in openapi/osai.yaml now: rename it in src/test/resources/growth/widgets.yaml.");
      }
      into.set(field.getKey(), field.getValue());
    }
  }
}
