package com.onestepai.osai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.onestepai.osai.build.ApiCompatibilityGate;
import com.onestepai.osai.build.GeneratorSpec;
import com.onestepai.osai.build.JavadocText;
import com.onestepai.osai.build.SpecCompatibilityGate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java API gate ({@link ApiCompatibilityGate}) on code generated from edited copies of the
 * spec, with the generator, templates and options the build uses: what it stops and what it lets
 * through. The build runs the gate itself on openapi/osai.yaml (execution api-compatibility). The
 * tests edit the spec as a parsed tree, so they do not depend on its formatting or order.
 */
class ApiCompatibilityGateTest {
  static final Path PROJECT = PrismServer.projectDir();
  static final Path SPEC = PROJECT.resolve("openapi/osai.yaml");
  @TempDir Path dir;

  /** Generated sources by spec text: each spec is generated once for all tests. */
  @TempDir static Path generatedDir;

  static final Map<String, Path> GENERATED = new java.util.HashMap<>();

  static final YAMLMapper YAML = new YAMLMapper();

  /**
   * The spec as a tree: the tests edit it, never its text, so that they hold whatever its
   * formatting and order.
   */
  static ObjectNode spec() throws IOException {
    return (ObjectNode) YAML.readTree(SPEC.toFile());
  }

  static String text(JsonNode spec) throws IOException {
    return YAML.writeValueAsString(spec);
  }

  /** GET /Users with optional query parameters of these names added. */
  static String withQueries(ObjectNode spec, String... names) throws IOException {
    ObjectNode copy = spec.deepCopy();
    ArrayNode parameters = ((ObjectNode) copy.at("/paths/~1Users/get")).withArray("parameters");
    for (String name : names) {
      parameters
          .addObject()
          .put("name", name)
          .put("in", "query")
          .put("required", false)
          .put("description", "An invented filter.")
          .put("example", "x")
          .putObject("schema")
          .put("type", "string");
    }
    return text(copy);
  }

  /** The schema User renamed Account, and every reference to it. */
  static String withUserRenamed(ObjectNode spec) throws IOException {
    ObjectNode copy = spec.deepCopy();
    ObjectNode schemas = (ObjectNode) copy.at("/components/schemas");
    ObjectNode renamed = YAML.createObjectNode();
    schemas
        .fields()
        .forEachRemaining(
            e -> renamed.set(e.getKey().equals("User") ? "Account" : e.getKey(), e.getValue()));
    ((ObjectNode) copy.get("components")).set("schemas", renamed);
    assertTrue(replaceRefs(copy, "#/components/schemas/User", "#/components/schemas/Account") > 0);
    return text(copy);
  }

  static int replaceRefs(JsonNode node, String from, String to) {
    int replaced = 0;
    if (node.isObject() && node.has("$ref") && node.get("$ref").asText().equals(from)) {
      ((ObjectNode) node).put("$ref", to);
      replaced++;
    }
    for (JsonNode child : node) {
      replaced += replaceRefs(child, from, to);
    }
    return replaced;
  }

  /** Generates {@code spec} as the build does, and returns its Java sources. */
  static synchronized Path generate(String spec) throws Exception {
    Path sources = GENERATED.get(spec);
    if (sources == null) {
      sources = generate("spec" + GENERATED.size(), spec, generatedDir);
      GENERATED.put(spec, sources);
    }
    return sources;
  }

  static Path generate(String name, String spec, Path dir) throws Exception {
    Path file = dir.resolve(name + ".yaml");
    // As the build does (GeneratorSpec, before each generation): x-osai-internal left out, etc.
    JsonNode tree = YAML.readTree(spec);
    Files.writeString(
        file, com.onestepai.osai.build.GeneratorSpec.forGenerator(tree) ? text(tree) : spec);
    Path out = dir.resolve(name);
    Process generator =
        new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("openapi.generator.cli"),
                "generate",
                "-g",
                "java",
                "--library",
                "retrofit2",
                "-t",
                PROJECT.resolve("generator-config/templates").toString(),
                "-c",
                PROJECT.resolve("generator-config/osai-java.yaml").toString(),
                "-i",
                file.toString(),
                "-o",
                out.toString(),
                // As pom.xml's plugin configuration: interfaces, models and our supporting files.
                "--additional-properties",
                "sdkVersion=" + System.getProperty("osai.version"),
                "--global-property",
                "apis=,models=,supportingFiles=OsaiApis.java:package-info.java:OsaiVersion.java,"
                    + "apiTests=false,modelTests=false,apiDocs=false,modelDocs=false")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + ".log").toFile())
            .start();
    assertEquals(
        0, generator.waitFor(), () -> name + ": " + readQuietly(dir.resolve(name + ".log")));
    return out.resolve("src/main/java");
  }

  static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** The gate on released (published as osai-0.1.0.yaml) against current. */
  ApiCompatibilityGate.Verdict check(String released, String current, String version)
      throws Exception {
    Path releasedDir = Files.createDirectories(dir.resolve("released"));
    Files.writeString(releasedDir.resolve("osai-0.1.0.yaml"), released);
    return ApiCompatibilityGate.check(
        releasedDir,
        generate(released),
        generate(current),
        version,
        dir.resolve("report.md"),
        System.getProperty("java.class.path"));
  }

  @Test
  void theseTestsGenerateWhatTheBuildGenerates() throws Exception {
    // As the build: the spec as the generator reads it (GeneratorSpec, which adds the extensions
    // the Javadoc is written from).
    YAMLMapper yaml = new YAMLMapper();
    JsonNode spec = yaml.readTree(Files.readString(SPEC));
    GeneratorSpec.forGenerator(spec);
    Path generated = generate("javadoc", yaml.writeValueAsString(spec), dir);
    JavadocText.main(new String[] {generated.toString()});

    Map<String, String> ours = files(generated);
    assertFalse(ours.isEmpty());
    assertEquals(files(PROJECT.resolve("target/generated-sources/openapi/src/main/java")), ours);
  }

  @Test
  void theProjectApiMatchesItsLastRelease() throws Exception {
    ApiCompatibilityGate.Verdict verdict =
        ApiCompatibilityGate.check(
            PROJECT.resolve("openapi/released"),
            PROJECT.resolve("target/api-compat/released/src/main/java"),
            PROJECT.resolve("target/generated-sources/openapi/src/main/java"),
            System.getProperty("osai.version"),
            dir.resolve("report.md"),
            System.getProperty("java.class.path"));
    assertEquals(List.of(), verdict.breaks);
  }

  /** The build generates the released API from the spec SpecCompatibilityGate compares with. */
  @Test
  void bothGatesCompareWithTheSameReleasedSpec() throws IOException {
    Path released = Files.createDirectories(dir.resolve("released"));
    for (String name :
        List.of("osai-1.2.3.yaml", "osai-1.10.0.yaml", "osai-0.9.99.yaml", "osai-2.0.yaml")) {
      Files.writeString(released.resolve(name), name);
    }
    assertEquals(released.resolve("osai-1.10.0.yaml"), ApiCompatibilityGate.lastReleased(released));
    assertEquals(
        SpecCompatibilityGate.lastReleased(released), ApiCompatibilityGate.lastReleased(released));

    Path project = PROJECT.resolve("openapi/released");
    YAMLMapper yaml = new YAMLMapper();
    JsonNode releasedSpec =
        yaml.readTree(Files.readString(SpecCompatibilityGate.lastReleased(project)));
    GeneratorSpec.forGenerator(releasedSpec); // as the build's execution generator-spec-released
    assertEquals(
        releasedSpec,
        yaml.readTree(
            Files.readString(PROJECT.resolve("target/api-compat/released.generator.yaml"))));
  }

  @Test
  void renamingASchemaBreaksCallers() throws Exception {
    ObjectNode spec = spec();

    ApiCompatibilityGate.Verdict verdict =
        check(text(spec), withUserRenamed(spec), "0.1.1-SNAPSHOT");

    assertTrue(
        verdict.breaks.contains(
            "com.onestepai.osai.model.User: CLASS_REMOVED (breaks source and binary)"),
        verdict.breaks.toString());
    assertTrue(
        verdict.breaks.contains(
            "com.onestepai.osai.api.UsersApi.getCurrentUser(): METHOD_RETURN_TYPE_CHANGED"
                + " (breaks source and binary)"),
        verdict.breaks.toString());
    assertTrue(verdict.failsTheBuild());
    String report = Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8);
    assertTrue(report.contains("**breaking: the build fails**"), report);
  }

  @Test
  void aBreakIsAllowedInANewMajorVersion() throws Exception {
    ObjectNode spec = spec();

    ApiCompatibilityGate.Verdict verdict =
        check(text(spec), withUserRenamed(spec), "1.0.0-SNAPSHOT");

    assertNotEquals(List.of(), verdict.breaks);
    assertFalse(verdict.failsTheBuild());
  }

  /** The first optional parameter of an operation leaves the old signature as an overload. */
  @Test
  void addingTheFirstOptionalParameterKeepsCallersCompiling() throws Exception {
    ObjectNode spec = spec();

    ApiCompatibilityGate.Verdict verdict =
        check(text(spec), withQueries(spec, "fields"), "0.1.1-SNAPSHOT");

    assertEquals(List.of(), verdict.breaks);
  }

  /** A further one changes the full form's signature: the limit the README documents. */
  @Test
  void addingAnotherOptionalParameterBreaksCallersOfTheFullForm() throws Exception {
    ObjectNode spec = spec();

    ApiCompatibilityGate.Verdict verdict =
        check(withQueries(spec, "fields"), withQueries(spec, "fields", "expand"), "0.1.1");

    assertEquals(
        List.of(
            "com.onestepai.osai.api.UsersApi.getCurrentUser(java.lang.String): METHOD_REMOVED"
                + " (breaks source and binary)",
            "com.onestepai.osai.api.UsersApi.getCurrentUserAsync(java.lang.String):"
                + " METHOD_REMOVED (breaks source and binary)",
            "com.onestepai.osai.api.UsersApi.getCurrentUserWithResponse(java.lang.String):"
                + " METHOD_REMOVED (breaks source and binary)",
            "com.onestepai.osai.api.UsersApi.getCurrentUserWithResponseAsync(java.lang.String):"
                + " METHOD_REMOVED (breaks source and binary)"),
        sorted(verdict.breaks));
    assertTrue(verdict.failsTheBuild());
  }

  @Test
  void addingAnOperationAndAnOptionalPropertyIsCompatible() throws Exception {
    ObjectNode spec = spec();
    ObjectNode grown = spec.deepCopy();
    ObjectNode ping = ((ObjectNode) grown.get("paths")).putObject("/Users/Ping").putObject("get");
    ping.putArray("tags").add("Users");
    ping.put("operationId", "ping").put("summary", "Ping").put("description", "Ping.");
    ping.putObject("responses").putObject("204").put("description", "Pong.");
    ((ObjectNode) grown.at("/components/schemas/User/properties"))
        .putObject("nickname")
        .put("type", "string")
        .put("nullable", true)
        .put("description", "An invented property.");

    ApiCompatibilityGate.Verdict verdict = check(text(spec), text(grown), "0.1.1-SNAPSHOT");

    assertEquals(List.of(), verdict.breaks);
    String report = Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8);
    assertTrue(report.contains("com.onestepai.osai.api.UsersApi.ping(): NEW"), report);
    assertTrue(report.contains("com.onestepai.osai.model.User.getNickname(): NEW"), report);
  }

  static List<String> sorted(List<String> list) {
    List<String> sorted = new ArrayList<>(list);
    sorted.sort(null);
    return sorted;
  }

  static Map<String, String> files(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path f : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
        files.put(root.relativize(f).toString(), Files.readString(f));
      }
    }
    return files;
  }
}
