package com.onestepai.osai.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * SDK, a removed operation name or tag: those name generated methods, interfaces and accessors.
 * Names are compared as the generator sees them ({@link OperationNames}): an operation without an
 * operationId by its derived name, one without tags in the default tag. The markdown report is
 * written either way.
 *
 * <p>The build runs it before compiling (pom.xml, execution spec-compatibility), so that a removed
 * operation is reported here rather than as compile errors in code that calls it:
 *
 * <pre>
 * java -cp TEST_CLASSPATH com.onestepai.osai.build.SpecCompatibilityGate RELEASED_DIR SPEC VERSION REPORT
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
    } catch (IllegalArgumentException e) {
      System.err.println("Spec compatibility gate: " + e.getMessage());
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
    // changed is no change, and a union ASP.NET writes compares as the type it means. First, so
    // that an OpenAPI 3.2 document is refused by its version, not as unreadable.
    Path current30 = asOpenApi30(spec, report, "current");
    Path released30 = asOpenApi30(released, report, "released");
    readable(released);
    readable(spec);
    ChangedOpenApi diff = OpenApiCompare.fromLocations(released30.toString(), current30.toString());
    List<String> breaks = new ArrayList<>();
    for (Endpoint missing : diff.getMissingEndpoints()) {
      breaks.add("removed: " + missing.getMethod() + " " + missing.getPathUrl());
    }
    for (ChangedOperation changed : diff.getChangedOperations()) {
      if (changed.isIncompatible()) {
        breaks.add("changed incompatibly: " + changed.getHttpMethod() + " " + changed.getPathUrl());
      }
    }
    OpenAPI before = diff.getOldSpecOpenApi();
    OpenAPI after = diff.getNewSpecOpenApi();
    Map<String, String> oldNames = OperationNames.names(operations(before));
    Set<String> newNames = new TreeSet<>(OperationNames.names(operations(after)).values());
    Set<String> declared = new TreeSet<>();
    for (OperationNames.Operation op : operations(before)) {
      if (op.declared != null) {
        declared.add(op.declared);
      }
    }
    oldNames.forEach(
        (operation, name) -> {
          if (!newNames.contains(name)) {
            breaks.add(
                operation
                    + ": operation name "
                    + name
                    + " removed or renamed (a generated method"
                    + (declared.contains(name)
                        ? ")"
                        : "; the name is derived from the path: give the operation an"
                            + " operationId to keep it)"));
          }
        });
    Map<String, Set<String>> oldTags = tags(before);
    Map<String, Set<String>> newTags = tags(after);
    oldTags.forEach(
        (tag, operations) -> {
          if (!newTags.containsKey(tag)) {
            breaks.add(
                "tag "
                    + tag
                    + " removed or renamed (a generated interface and accessor; its operations: "
                    + String.join(", ", operations)
                    + ")");
          }
        });
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
    JsonNode read;
    try {
      read = yaml.readTree(spec.toFile());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          spec + " is not a YAML or JSON document: " + e.getOriginalMessage(), e);
    }
    if (!read.isObject()) {
      throw new IllegalArgumentException(
          spec + " is not an OpenAPI document (no object at its top)");
    }
    ObjectNode tree = (ObjectNode) read;
    try {
      OpenApi31.toOpenApi30(tree);
    } catch (IllegalArgumentException refused) {
      throw new IllegalArgumentException(spec + ": " + refused.getMessage(), refused);
    }
    Path dir = report.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path out = dir.resolve("openapi-compatibility-" + name + ".yaml");
    yaml.writeValue(out.toFile(), tree);
    return out;
  }

  /** Refuses a file that is not an OpenAPI document, naming it and what the parser said. */
  private static void readable(Path spec) {
    SwaggerParseResult parsed = new OpenAPIV3Parser().readLocation(spec.toString(), null, null);
    if (parsed.getOpenAPI() == null || parsed.getOpenAPI().getPaths() == null) {
      throw new IllegalArgumentException(
          spec
              + " is not an OpenAPI 3 document the compatibility gate can read"
              + (parsed.getMessages() == null || parsed.getMessages().isEmpty()
                  ? ""
                  : ": " + String.join("; ", parsed.getMessages())));
    }
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

  /** The operations as {@link OperationNames} sees them, in document and method order. */
  static List<OperationNames.Operation> operations(OpenAPI api) {
    List<OperationNames.Operation> operations = new ArrayList<>();
    api.getPaths()
        .forEach(
            (path, item) -> {
              for (String method : OperationNames.METHODS) {
                Operation op =
                    item.readOperationsMap()
                        .get(PathItem.HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)));
                if (op != null) {
                  operations.add(new OperationNames.Operation(method, path, op.getOperationId()));
                }
              }
            });
    return operations;
  }

  /** Each tag as the generator names its interface (the default for none), with its operations. */
  private static Map<String, Set<String>> tags(OpenAPI api) {
    Map<String, Set<String>> tags = new TreeMap<>();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, op) ->
                            tags.computeIfAbsent(
                                    OperationNames.tag(op.getTags()), t -> new TreeSet<>())
                                .add(method + " " + path)));
    return tags;
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
