package com.onestepai.osai.build;

import japicmp.cmp.JApiCmpArchive;
import japicmp.cmp.JarArchiveComparator;
import japicmp.cmp.JarArchiveComparatorOptions;
import japicmp.filter.JavadocLikePackageFilter;
import japicmp.model.AccessModifier;
import japicmp.model.JApiBehavior;
import japicmp.model.JApiClass;
import japicmp.model.JApiCompatibility;
import japicmp.model.JApiCompatibilityChange;
import japicmp.model.JApiCompatibilityChangeType;
import japicmp.model.JApiField;
import japicmp.model.JApiParameter;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The Java API gate: the code generated from the last released spec against the code generated from
 * openapi/osai.yaml, compared by japicmp for source and binary compatibility. It catches what the
 * spec-level gate ({@code SpecCompatibilityGate}) cannot see because it is a fact of Java, not of
 * HTTP: a parameter added to a generated method, a renamed schema (a renamed class), a changed Java
 * type. Breaks are allowed when the project's major version is above the released spec's.
 *
 * <p>One exception to japicmp's rules: a method added to a generated API interface is not a break.
 * Callers get those interfaces from the client (Retrofit implements them); they do not implement
 * them, so adding an operation breaks nobody.
 *
 * <pre>
 * java -cp CLASSPATH ApiCompatibilityGate.java released RELEASED_DIR COPY
 *   copies the last released spec (the highest osai-X.Y.Z.yaml, as SpecCompatibilityGate picks it)
 *   to COPY, for the build to generate the released API from
 * java -cp CLASSPATH ApiCompatibilityGate.java check RELEASED_DIR OLD_SOURCES NEW_SOURCES VERSION REPORT
 *   compiles both generated source trees against CLASSPATH and compares them
 * </pre>
 */
public final class ApiCompatibilityGate {
  static final Pattern RELEASED = Pattern.compile("osai-(\\d+)\\.(\\d+)\\.(\\d+)\\.yaml");
  static final List<String> PACKAGES =
      Arrays.asList("com.onestepai.osai.api", "com.onestepai.osai.model");

  /** What the gate found. */
  public static final class Verdict {
    public final Path released;
    public final List<String> breaks;
    public final boolean allowedByMajorVersion;

    Verdict(Path released, List<String> breaks, boolean allowedByMajorVersion) {
      this.released = released;
      this.breaks = breaks;
      this.allowedByMajorVersion = allowedByMajorVersion;
    }

    public boolean failsTheBuild() {
      return !breaks.isEmpty() && !allowedByMajorVersion;
    }
  }

  private ApiCompatibilityGate() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 3 && args[0].equals("released")) {
      Path copy = Paths.get(args[2]);
      Files.createDirectories(copy.toAbsolutePath().getParent());
      Files.copy(lastReleased(Paths.get(args[1])), copy, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    if (args.length != 6 || !args[0].equals("check")) {
      System.err.println(
          "usage: ApiCompatibilityGate released RELEASED_DIR COPY\n"
              + "       ApiCompatibilityGate check RELEASED_DIR OLD_SOURCES NEW_SOURCES VERSION REPORT");
      System.exit(2);
    }
    Path report = Paths.get(args[5]);
    Verdict verdict =
        check(
            Paths.get(args[1]),
            Paths.get(args[2]),
            Paths.get(args[3]),
            args[4],
            report,
            System.getProperty("java.class.path"));
    if (verdict.failsTheBuild()) {
      System.err.println(
          "The Java API generated from openapi/osai.yaml breaks callers of the API generated from"
              + " the released "
              + verdict.released.getFileName()
              + ":\n  - "
              + String.join("\n  - ", verdict.breaks)
              + "\nRestore what callers rely on in the spec (the old parameters, schema names and"
              + " types), keep the old signature (an optional parameter added to an operation that"
              + " has none keeps it as an overload: README, \"Growing the API\"), or make this a"
              + " major release: raise the major version in pom.xml (now "
              + args[4]
              + ") above "
              + major(verdict.released)
              + ".\nReport: "
              + report);
      System.exit(1);
    }
    System.out.println(
        "Java API compatibility with "
            + verdict.released.getFileName()
            + ": "
            + (verdict.breaks.isEmpty() ? "compatible" : "breaking, allowed by the major version")
            + " (report: "
            + report
            + ")");
  }

  /**
   * Compiles the two generated source trees and compares their API packages.
   *
   * @param classpath what the generated code compiles against (Retrofit, Moshi, JSpecify and the
   *     hand-written layer)
   */
  public static Verdict check(
      Path releasedDir,
      Path oldSources,
      Path newSources,
      String projectVersion,
      Path report,
      String classpath)
      throws IOException {
    Path released = lastReleased(releasedDir);
    Path work = Files.createTempDirectory("osai-api-compat");
    try {
      Path oldJar = compile(oldSources, classpath, work.resolve("old"));
      Path newJar = compile(newSources, classpath, work.resolve("new"));
      List<String> changes = new ArrayList<>();
      List<String> breaks = compare(oldJar, newJar, classpath, changes);
      boolean allowed = Integer.parseInt(projectVersion.split("\\.")[0]) > major(released);
      Verdict verdict = new Verdict(released, breaks, allowed);
      writeReport(verdict, changes, projectVersion, report);
      return verdict;
    } finally {
      delete(work);
    }
  }

  /** The breaks, as "class.member: CHANGE (breaks ...)"; every change goes to {@code changes}. */
  static List<String> compare(Path oldJar, Path newJar, String classpath, List<String> changes) {
    JarArchiveComparatorOptions options = new JarArchiveComparatorOptions();
    for (String p : PACKAGES) {
      options.getFilters().getIncludes().add(new JavadocLikePackageFilter(p, false));
    }
    options.setAccessModifier(AccessModifier.PROTECTED);
    options.getClassPathEntries().addAll(Arrays.asList(classpath.split(File.pathSeparator)));
    List<JApiClass> classes =
        new JarArchiveComparator(options)
            .compare(
                new JApiCmpArchive(oldJar.toFile(), "released"),
                new JApiCmpArchive(newJar.toFile(), "current"));
    List<String> breaks = new ArrayList<>();
    for (JApiClass type : classes) {
      String name = type.getFullyQualifiedName();
      String status = type.getChangeStatus().name();
      if (!status.equals("UNCHANGED")) {
        changes.add(name + ": " + status);
      }
      record(name, type, breaks);
      if (status.equals("NEW") || status.equals("REMOVED")) {
        continue; // the class line says it all
      }
      record(name + " (superclass)", type.getSuperclass(), breaks);
      type.getInterfaces().forEach(i -> record(name + " (interfaces)", i, breaks));
      List<JApiBehavior> members = new ArrayList<>(type.getConstructors());
      members.addAll(type.getMethods());
      for (JApiBehavior member : members) {
        if (member.getName().startsWith("access$")) {
          continue; // javac's synthetic accessors for the nested Builder
        }
        if (!member.getChangeStatus().name().equals("UNCHANGED")) {
          changes.add(name + "." + signature(member) + ": " + member.getChangeStatus());
        }
        record(name + "." + signature(member), member, breaks);
      }
      for (JApiField field : type.getFields()) {
        record(name + "." + field.getName(), field, breaks);
      }
    }
    return breaks;
  }

  private static void record(String where, JApiCompatibility element, List<String> breaks) {
    for (JApiCompatibilityChange change : element.getCompatibilityChanges()) {
      // Callers do not implement the generated API interfaces (the client does): a new operation
      // adds methods to them, and breaks nobody.
      if (change.getType() == JApiCompatibilityChangeType.METHOD_ADDED_TO_INTERFACE) {
        continue;
      }
      List<String> broken = new ArrayList<>();
      if (!change.isSourceCompatible()) {
        broken.add("source");
      }
      if (!change.isBinaryCompatible()) {
        broken.add("binary");
      }
      if (!broken.isEmpty()) {
        breaks.add(
            where + ": " + change.getType() + " (breaks " + String.join(" and ", broken) + ")");
      }
    }
  }

  private static String signature(JApiBehavior member) {
    return member.getName()
        + member.getParameters().stream()
            .map(JApiParameter::getType)
            .collect(Collectors.joining(", ", "(", ")"));
  }

  /** Compiles every .java file under {@code sources} into a jar. */
  static Path compile(Path sources, String classpath, Path work) throws IOException {
    List<String> files;
    try (Stream<Path> all = Files.walk(sources)) {
      files =
          all.filter(f -> f.toString().endsWith(".java"))
              .map(Path::toString)
              .sorted()
              .collect(Collectors.toList());
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no generated sources under " + sources);
    }
    Path classes = Files.createDirectories(work.resolve("classes"));
    List<String> args =
        new ArrayList<>(
            Arrays.asList(
                "--release",
                "8",
                "-proc:none",
                "-nowarn",
                "-Xlint:-options",
                "-encoding",
                "UTF-8",
                "-classpath",
                classpath,
                "-d",
                classes.toString()));
    args.addAll(files);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac.run(null, null, null, args.toArray(new String[0])) != 0) {
      throw new IllegalStateException("the generated sources under " + sources + " do not compile");
    }
    Path jar = work.resolve("api.jar");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar));
        Stream<Path> all = Files.walk(classes)) {
      for (Path f : (Iterable<Path>) all.filter(Files::isRegularFile).sorted()::iterator) {
        out.putNextEntry(new ZipEntry(classes.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
    return jar;
  }

  /** The highest osai-X.Y.Z.yaml in {@code dir}: the same choice as SpecCompatibilityGate's. */
  public static Path lastReleased(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> RELEASED.matcher(f.getFileName().toString()).matches())
          .max(Comparator.comparingLong(ApiCompatibilityGate::versionKey))
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

  static int major(Path released) {
    Matcher m = RELEASED.matcher(released.getFileName().toString());
    m.matches();
    return Integer.parseInt(m.group(1));
  }

  private static void writeReport(
      Verdict verdict, List<String> changes, String version, Path report) throws IOException {
    if (report.toAbsolutePath().getParent() != null) {
      Files.createDirectories(report.toAbsolutePath().getParent());
    }
    StringBuilder text = new StringBuilder();
    text.append("# Generated Java API against ")
        .append(verdict.released.getFileName())
        .append("\n\nProject version ")
        .append(version)
        .append(". Packages ")
        .append(String.join(", ", PACKAGES))
        .append(". Verdict: ")
        .append(
            verdict.breaks.isEmpty()
                ? "compatible"
                : verdict.allowedByMajorVersion
                    ? "breaking, allowed by the major version"
                    : "**breaking: the build fails**")
        .append("\n\n## Breaks\n\n");
    verdict.breaks.forEach(b -> text.append("- ").append(b).append('\n'));
    text.append("\n## Changes\n\n");
    changes.forEach(c -> text.append("- ").append(c).append('\n'));
    try (OutputStream out = Files.newOutputStream(report)) {
      out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(f);
      }
    }
  }
}
