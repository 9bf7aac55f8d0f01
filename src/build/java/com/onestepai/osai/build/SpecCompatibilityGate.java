package com.onestepai.osai.build;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swagger.v3.oas.models.OpenAPI;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * The breaking-change gate: openapi/osai.yaml against the last released spec,
 * openapi/released/osai-X.Y.Z.yaml. A change that breaks callers fails the build unless the
 * project's major version is above the released one. Breaking is what openapi-diff calls
 * incompatible (a removed endpoint, a new required parameter, a narrowed type, ...) and, for this
 * SDK, a removed operationId or tag: those name generated methods, interfaces and accessors. The
 * markdown report is written either way.
 *
 * <p>The build runs it before compiling (pom.xml, execution spec-compatibility), so that a removed
 * operation is reported here rather than as compile errors in code that calls it:
 *
 * <pre>
 * java -cp TEST_CLASSPATH SpecCompatibilityGate.java RELEASED_DIR SPEC VERSION REPORT
 * </pre>
 */
public final class SpecCompatibilityGate {
  public static final Pattern RELEASED = Pattern.compile("osai-(\\d+)\\.(\\d+)\\.(\\d+)\\.yaml");

  /** What the gate found. */
  public static final class Verdict {
    final Path released;
    final List<String> breaks;
    final boolean allowedByMajorVersion;

    Verdict(Path released, List<String> breaks, boolean allowedByMajorVersion) {
      this.released = released;
      this.breaks = breaks;
      this.allowedByMajorVersion = allowedByMajorVersion;
    }

    boolean failsTheBuild() {
      return !breaks.isEmpty() && !allowedByMajorVersion;
    }
  }

  private SpecCompatibilityGate() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: SpecCompatibilityGate RELEASED_DIR SPEC PROJECT_VERSION REPORT");
      System.exit(2);
    }
    Path report = Paths.get(args[3]);
    Verdict verdict;
    try {
      verdict = check(Paths.get(args[0]), Paths.get(args[1]), args[2], report);
    } catch (IllegalArgumentException refused) {
      System.err.println(args[1] + ": " + refused.getMessage());
      System.exit(1);
      return;
    }
    if (verdict.failsTheBuild()) {
      System.err.println(
          "openapi/osai.yaml breaks compatibility with the released "
              + verdict.released.getFileName()
              + ":\n  - "
              + String.join("\n  - ", verdict.breaks)
              + "\nRestore what callers rely on, or make this a major release: raise the major version in"
              + " pom.xml (now "
              + args[2]
              + ") above "
              + major(verdict.released)
              + ".\nFull report: "
              + report);
      System.exit(1);
    }
    System.out.println(
        "Spec compatibility with "
            + verdict.released.getFileName()
            + ": "
            + (verdict.breaks.isEmpty() ? "compatible" : "breaking, allowed by the major version")
            + " (report: "
            + report
            + ")");
  }

  public static Verdict check(Path releasedDir, Path spec, String projectVersion, Path report)
      throws IOException {
    Path released = lastReleased(releasedDir);
    // Both in their OpenAPI 3.0 form, as the generator reads them: a 3.1 header with nothing else
    // changed is no change, and a union ASP.NET writes compares as the type it means.
    ChangedOpenApi diff =
        OpenApiCompare.fromLocations(
            asOpenApi30(released, report, "released").toString(),
            asOpenApi30(spec, report, "current").toString());
    List<String> breaks = new ArrayList<>();
    for (Endpoint missing : diff.getMissingEndpoints()) {
      breaks.add("removed: " + missing.getMethod() + " " + missing.getPathUrl());
    }
    for (ChangedOperation changed : diff.getChangedOperations()) {
      if (changed.isIncompatible()) {
        breaks.add("changed incompatibly: " + changed.getHttpMethod() + " " + changed.getPathUrl());
      }
    }
    for (String id :
        removed(operationIds(diff.getOldSpecOpenApi()), operationIds(diff.getNewSpecOpenApi()))) {
      breaks.add("operationId removed or renamed (a generated method): " + id);
    }
    for (String tag : removed(tags(diff.getOldSpecOpenApi()), tags(diff.getNewSpecOpenApi()))) {
      breaks.add("tag removed or renamed (a generated interface and accessor): " + tag);
    }
    if (diff.isIncompatible() && breaks.isEmpty()) {
      breaks.add("openapi-diff reports an incompatible change (see the report)");
    }
    boolean allowed = Integer.parseInt(projectVersion.split("\\.")[0]) > major(released);
    Verdict verdict = new Verdict(released, breaks, allowed);
    writeReport(diff, verdict, projectVersion, report);
    return verdict;
  }

  /** {@code spec} in its OpenAPI 3.0 form ({@link OpenApi31}), beside the report. */
  static Path asOpenApi30(Path spec, Path report, String name) throws IOException {
    YAMLMapper yaml = new YAMLMapper();
    ObjectNode tree = (ObjectNode) yaml.readTree(spec.toFile());
    OpenApi31.toOpenApi30(tree);
    Path dir = report.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path out = dir.resolve("openapi-compatibility-" + name + ".yaml");
    yaml.writeValue(out.toFile(), tree);
    return out;
  }

  public static Path lastReleased(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> RELEASED.matcher(f.getFileName().toString()).matches())
          .max(Comparator.comparingLong(SpecCompatibilityGate::versionKey))
          .orElseThrow(
              () -> new IllegalStateException("no released spec (osai-X.Y.Z.yaml) in " + dir));
    }
  }

  private static long versionKey(Path file) {
    Matcher m = RELEASED.matcher(file.getFileName().toString());
    m.matches();
    return Long.parseLong(m.group(1)) * 1_000_000_000_000L
        + Long.parseLong(m.group(2)) * 1_000_000L
        + Long.parseLong(m.group(3));
  }

  public static int major(Path released) {
    Matcher m = RELEASED.matcher(released.getFileName().toString());
    m.matches();
    return Integer.parseInt(m.group(1));
  }

  private static Set<String> operationIds(OpenAPI api) {
    Set<String> ids = new TreeSet<>();
    api.getPaths()
        .values()
        .forEach(item -> item.readOperations().forEach(op -> ids.add(op.getOperationId())));
    return ids;
  }

  private static Set<String> tags(OpenAPI api) {
    Set<String> tags = new TreeSet<>();
    api.getPaths()
        .values()
        .forEach(item -> item.readOperations().forEach(op -> tags.addAll(op.getTags())));
    return tags;
  }

  private static Set<String> removed(Set<String> before, Set<String> after) {
    Set<String> removed = new TreeSet<>(before);
    removed.removeAll(after);
    return removed;
  }

  private static void writeReport(ChangedOpenApi diff, Verdict verdict, String version, Path report)
      throws IOException {
    if (report.getParent() != null) {
      Files.createDirectories(report.getParent());
    }
    try (OutputStreamWriter out =
        new OutputStreamWriter(Files.newOutputStream(report), StandardCharsets.UTF_8)) {
      out.write("# openapi/osai.yaml against " + verdict.released.getFileName() + "\n\n");
      out.write(
          "Project version "
              + version
              + ". Verdict: "
              + (verdict.breaks.isEmpty()
                  ? (diff.isUnchanged() ? "unchanged" : "compatible")
                  : verdict.allowedByMajorVersion
                      ? "breaking, allowed by the major version"
                      : "**breaking: the build fails**")
              + "\n\n");
      for (String b : verdict.breaks) {
        out.write("- " + b + "\n");
      }
      out.write("\n");
      new MarkdownRender().render(diff, out);
    }
  }
}
