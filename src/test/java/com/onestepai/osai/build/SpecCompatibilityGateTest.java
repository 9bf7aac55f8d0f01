package com.onestepai.osai.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.onestepai.osai.PrismServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate on edited copies of the spec: what it lets through and what it stops. (The build runs
 * the gate itself on openapi/osai.yaml before compiling.)
 */
class SpecCompatibilityGateTest {
  static final Path SPEC = PrismServer.projectDir().resolve("openapi/osai.yaml");

  @TempDir Path dir;

  static final YAMLMapper YAML = new YAMLMapper();

  /** The spec as a tree: the tests edit it, never its text (its formatting and order are free). */
  static ObjectNode spec() throws IOException {
    return (ObjectNode) YAML.readTree(SPEC.toFile());
  }

  /** The gate on the spec released as 1.2.3 and 1.10.0, against {@code edit} applied to it. */
  SpecCompatibilityGate.Verdict checkEdited(Consumer<ObjectNode> edit, String version)
      throws IOException {
    Path released = Files.createDirectories(dir.resolve("released"));
    ObjectNode spec = spec();
    Files.writeString(released.resolve("osai-1.2.3.yaml"), YAML.writeValueAsString(spec));
    // The last release: 1.10 > 1.2.
    Files.writeString(released.resolve("osai-1.10.0.yaml"), YAML.writeValueAsString(spec));
    ObjectNode edited = spec.deepCopy();
    edit.accept(edited);
    assertFalse(edited.equals(spec), "the edit applies");
    Path current = dir.resolve("osai.yaml");
    Files.writeString(current, YAML.writeValueAsString(edited));
    return SpecCompatibilityGate.check(released, current, version, dir.resolve("report.md"));
  }

  /** Renames the path {@code from}, keeping its place. */
  static void renamePath(ObjectNode spec, String from, String to) {
    ObjectNode paths = YAML.createObjectNode();
    spec.get("paths")
        .fields()
        .forEachRemaining(e -> paths.set(e.getKey().equals(from) ? to : e.getKey(), e.getValue()));
    spec.set("paths", paths);
  }

  /** A secured-less operation of {@code path} with {@code operationId} (or none) and no tags. */
  static ObjectNode operation(String operationId) {
    ObjectNode op = YAML.createObjectNode();
    if (operationId != null) {
      op.put("operationId", operationId);
    }
    op.putObject("responses").putObject("204").put("description", "Done.");
    return op;
  }

  @Test
  void theProjectSpecMatchesItsLastRelease() throws IOException {
    Path released =
        SpecCompatibilityGate.lastReleased(PrismServer.projectDir().resolve("openapi/released"));
    SpecCompatibilityGate.Verdict verdict =
        SpecCompatibilityGate.check(
            released.getParent(), SPEC, System.getProperty("osai.version"), dir.resolve("r.md"));
    assertEquals(List.of(), verdict.breaks);
  }

  /** OpenAPI 3.1 with nothing else changed is no change (issue 16: two operations were flagged). */
  @Test
  void raisingTheHeaderTo31AloneIsNotABreak() throws IOException {
    SpecCompatibilityGate.Verdict verdict =
        checkEdited(spec -> spec.put("openapi", "3.1.1"), "1.11.0");

    assertEquals(List.of(), verdict.breaks);
    assertFalse(verdict.failsTheBuild());
  }

  /** OpenAPI 3.2 is refused by its version and the conversion step, before anything else. */
  @Test
  void openApi32IsRefusedNamingTheVersion() throws IOException {
    IllegalArgumentException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> checkEdited(spec -> spec.put("openapi", "3.2.0"), "1.11.0"));

    assertTrue(
        refused.getMessage().contains("openapi: 3.2.0 is not supported")
            && refused.getMessage().contains("OpenApi3_1"),
        refused.getMessage());
  }

  /** A number union compares as the number it means: [integer, string] int32 is an int32. */
  @Test
  void aNumberUnionIsTheNumberItMeans() throws IOException {
    Path released = Files.createDirectories(dir.resolve("released"));
    String v30 =
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /Things:\n    get:\n"
            + "      operationId: getThing\n      tags: [Things]\n      responses:\n"
            + "        '200':\n          description: ok\n          content:\n"
            + "            application/json:\n              schema:\n"
            + "                type: object\n                properties:\n"
            + "                  count: {type: integer, format: int32}\n";
    Files.writeString(released.resolve("osai-1.0.0.yaml"), v30);
    Path current = dir.resolve("osai.yaml");
    Files.writeString(
        current,
        v30.replace("openapi: 3.0.3", "openapi: 3.1.1")
            .replace("type: integer, format: int32", "type: [integer, string], format: int32"));

    SpecCompatibilityGate.Verdict verdict =
        SpecCompatibilityGate.check(released, current, "1.1.0", dir.resolve("report.md"));

    assertEquals(List.of(), verdict.breaks);
  }

  @Test
  void removingAnOperationFailsTheBuildWithAReport() throws IOException {
    SpecCompatibilityGate.Verdict verdict =
        checkEdited(spec -> renamePath(spec, "/Users", "/UsersGone"), "1.11.0");

    assertEquals("osai-1.10.0.yaml", verdict.released.getFileName().toString());
    assertTrue(verdict.breaks.contains("removed: GET /Users"), verdict.breaks.toString());
    assertTrue(verdict.failsTheBuild());
    String report = Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8);
    assertTrue(report.contains("**breaking: the build fails**"), report);
    assertTrue(report.contains("/Users"), report);
  }

  @Test
  void renamingAnOperationIdIsBreakingForTheSdk() throws IOException {
    SpecCompatibilityGate.Verdict verdict =
        checkEdited(
            spec -> ((ObjectNode) spec.at("/paths/~1Users/get")).put("operationId", "getMe"),
            "1.10.1");

    assertEquals(
        List.of(
            "GET /Users: operation name getCurrentUser removed or renamed (a generated method)"),
        verdict.breaks);
    assertTrue(verdict.failsTheBuild());
  }

  @Test
  void aBreakingChangeIsAllowedInANewMajorVersion() throws IOException {
    SpecCompatibilityGate.Verdict verdict =
        checkEdited(
            spec -> ((ObjectNode) spec.at("/paths/~1Users/get")).put("operationId", "getMe"),
            "2.0.0-SNAPSHOT");

    assertFalse(verdict.breaks.isEmpty());
    assertFalse(verdict.failsTheBuild());
  }

  @Test
  void addingAnOperationIsCompatible() throws IOException {
    SpecCompatibilityGate.Verdict verdict =
        checkEdited(
            spec -> {
              ObjectNode ping =
                  operation("ping").put("summary", "Ping").put("description", "Ping.");
              ping.putArray("tags").add("Users");
              ((ObjectNode) spec.get("paths")).putObject("/Users/Ping").set("get", ping);
            },
            "1.10.1");

    assertEquals(List.of(), verdict.breaks);
    assertFalse(verdict.failsTheBuild());
  }

  /**
   * Swashbuckle writes no operationId and a minimal API no tags: the gate judges such an operation
   * by its derived name and default tag instead of failing with a NullPointerException.
   */
  @Test
  void operationsWithoutOperationIdOrTagsAreJudgedByTheirDerivedNames() throws IOException {
    ObjectNode spec = spec();
    ((ObjectNode) spec.get("paths")).putObject("/api/v1/System/Status").set("get", operation(null));
    Path released = Files.createDirectories(dir.resolve("released"));
    Files.writeString(released.resolve("osai-1.0.0.yaml"), YAML.writeValueAsString(spec));
    Path current = dir.resolve("osai.yaml");

    Files.writeString(current, YAML.writeValueAsString(spec));
    assertEquals(
        List.of(),
        SpecCompatibilityGate.check(released, current, "1.0.1", dir.resolve("r.md")).breaks);

    // The derived name getStatus is a generated method: a path that changes it is a break.
    renamePath(spec, "/api/v1/System/Status", "/api/v1/System/Health");
    Files.writeString(current, YAML.writeValueAsString(spec));
    List<String> breaks =
        SpecCompatibilityGate.check(released, current, "1.0.1", dir.resolve("r.md")).breaks;
    assertTrue(breaks.contains("removed: GET /api/v1/System/Status"), breaks.toString());
    assertTrue(
        breaks.contains(
            "GET /api/v1/System/Status: operation name getStatus removed or renamed (a generated"
                + " method; the name is derived from the path: give the operation an operationId"
                + " to keep it)"),
        breaks.toString());
  }
}
