package com.onestepai.osai.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onestepai.osai.PrismServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lint's two tiers (.spectral.yaml), on a document written as Swashbuckle writes one: what only
 * documentation lacks is a warning, what makes the generated code wrong is an error. The build
 * fails on warnings for openapi/osai.yaml, and on errors only with -DallowLintWarnings.
 */
class LintTiersTest {
  static final Path PROJECT = PrismServer.projectDir();

  @TempDir Path dir;

  /**
   * {@code "severity rule"} of each finding, sorted; the exit code in {@code exit[0]}. Spectral's
   * report and log go to the test's temporary folder, never beside the spec (which may be the
   * shipped one).
   */
  List<String> lint(Path spec, String failSeverity, int[] exit) throws Exception {
    Path out = Files.createTempFile(dir, "spectral", ".json");
    Process spectral =
        new ProcessBuilder(
                PROJECT.resolve("node_modules/.bin/spectral").toString(),
                "lint",
                "--format",
                "json",
                "--output",
                out.toString(),
                "--fail-severity=" + failSeverity,
                "--ruleset",
                PROJECT.resolve(".spectral.yaml").toString(),
                spec.toString())
            .directory(PROJECT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(Files.createTempFile(dir, "spectral", ".log").toFile())
            .start();
    assertTrue(spectral.waitFor(120, TimeUnit.SECONDS), "spectral finished");
    exit[0] = spectral.exitValue();
    List<String> findings = new ArrayList<>();
    for (JsonNode finding : new ObjectMapper().readTree(out.toFile())) {
      findings.add(
          List.of("error", "warn", "info", "hint").get(finding.get("severity").asInt())
              + " "
              + finding.get("code").asText());
    }
    findings.sort(null);
    return findings;
  }

  static final String HEADER =
      "openapi: 3.0.3\n"
          + "info: {title: Vendor, version: '1', description: A vendor service.,"
          + " contact: {name: Vendor}}\n"
          + "servers: [{url: 'https://vendor.example'}]\n"
          + "security: [{bearerAuth: []}]\n"
          + "tags: [{name: Weather, description: Forecasts.}]\n"
          + "components:\n"
          + "  securitySchemes: {bearerAuth: {type: http, scheme: bearer}}\n"
          + "  schemas:\n"
          + "    Forecast: {type: object, properties: {summary: {type: string}}}\n";

  @Test
  void whatASwashbuckleDocumentLacksIsAWarning() throws Exception {
    Path spec = dir.resolve("vendor.yaml");
    Files.writeString(
        spec,
        HEADER
            + "paths:\n"
            + "  /api/v1/WeatherForecast:\n"
            + "    get:\n"
            + "      responses:\n"
            + "        '200':\n"
            + "          description: OK\n"
            + "          content:\n"
            + "            application/json:\n"
            + "              schema: {$ref: '#/components/schemas/Forecast'}\n",
        StandardCharsets.UTF_8);

    int[] exit = new int[1];
    List<String> findings = lint(spec, "error", exit);

    assertEquals(
        new TreeSet<>(
            List.of(
                "warn operation-description",
                "warn operation-operationId",
                "warn operation-tags",
                "warn osai-json-success-has-example",
                "warn osai-operation-summary",
                "warn osai-secured-operation-documents-401")),
        new TreeSet<>(findings),
        findings.toString());
    assertEquals(0, exit[0], "-DallowLintWarnings builds it");
    lint(spec, "warn", exit);
    assertEquals(1, exit[0], "the default build refuses it");
  }

  @Test
  void whatBreaksTheGeneratedCodeIsAnError() throws Exception {
    Path spec = dir.resolve("broken.yaml");
    String op =
        "      tags: [Weather]\n"
            + "      summary: S\n"
            + "      description: D.\n"
            + "      responses:\n"
            + "        '204': {description: Done.}\n"
            + "        '401': {description: No JWT.}\n";
    Files.writeString(
        spec,
        HEADER.replace(
                "    Forecast:",
                "    forecast_item: {type: object}\n    ForecastItem: {type: object}\n    Forecast:")
            + "paths:\n"
            // A path parameter the path does not have: Retrofit throws at call time.
            + "  /:\n"
            + "    get:\n"
            + "      operationId: getRoot\n"
            + "      parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n"
            + op
            // Two operationIds that are one Java method.
            + "  /a:\n"
            + "    get:\n"
            + "      operationId: GetThing\n"
            + op
            + "  /b:\n"
            + "    get:\n"
            + "      operationId: getThing\n"
            + op,
        StandardCharsets.UTF_8);

    int[] exit = new int[1];
    List<String> findings = lint(spec, "error", exit);

    assertTrue(findings.contains("error path-params"), findings.toString());
    assertEquals(
        2,
        findings.stream().filter(f -> f.equals("error osai-java-name-collisions")).count(),
        findings.toString());
    assertEquals(1, exit[0], "errors fail the build even with -DallowLintWarnings");
  }

  @Test
  void theShippedSpecHasNoFindingsAtAll() throws Exception {
    int[] exit = new int[1];
    assertEquals(List.of(), lint(PROJECT.resolve("openapi/osai.yaml"), "hint", exit));
    assertEquals(0, exit[0]);
  }
}
