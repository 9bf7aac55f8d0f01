package com.onestepai.osai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar's own R8/ProGuard rules ({@code META-INF/proguard/osai-sdk.pro}) keep what Moshi needs to
 * find the generated model adapters by name: the packaged jar and {@link ProguardProbe}, shrunk and
 * obfuscated by ProGuard 7.6.1 (R8 reads the same rules; R8 itself is not on Maven Central) with
 * only those rules and a keep for the probe's {@code main}, still read and write the models. The
 * same run without the SDK's rules fails, so the test can fail.
 */
class ProguardRulesIT {
  static final Path BUILD = Paths.get(System.getProperty("osai.buildDir"));
  static final Path JAR = BUILD.resolve(System.getProperty("osai.finalName") + ".jar");

  @TempDir Path work;

  @Test
  void theModelsStillReadAndWriteAfterShrinkingWithTheJarsRules() throws Exception {
    Run run = shrinkAndRun(true);

    assertEquals(0, run.exit, run.output);
    assertEquals(
        "ada 1\n"
            + "{\"id\":\"u-1\",\"userName\":\"ada\",\"colorMode\":1,\"theme\":\"dark\"}\n"
            + "{\"id\":\"c-1\",\"name\":null,\"color\":\"red\"}\n",
        run.output);
    assertTrue(run.renamed > 0, "ProGuard renamed classes: the rules were put to the test");
  }

  @Test
  void withoutTheJarsRulesMoshiCannotFindTheAdapters() throws Exception {
    Run run = shrinkAndRun(false);

    assertNotEquals(0, run.exit, run.output);
    assertTrue(run.output.contains("Failed to find the generated JsonAdapter class"), run.output);
  }

  static final class Run {
    final int exit;
    final String output;
    final long renamed;

    Run(int exit, String output, long renamed) {
      this.exit = exit;
      this.output = output;
      this.renamed = renamed;
    }
  }

  Run shrinkAndRun(boolean withSdkRules) throws Exception {
    Path jmods = Paths.get(System.getProperty("java.home"), "jmods");
    // ProGuard reads the JDK's classes from its jmods; a JDK without them (Temurin 25 ships none)
    // cannot run this check, which does not depend on the JDK: CI runs it on JDK 17.
    assumeTrue(Files.isDirectory(jmods), "no " + jmods + " to give ProGuard the JDK's classes");
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> libraries = new ArrayList<>();
    String testClasses = null;
    for (String entry : classpath.split(File.pathSeparator)) {
      if (entry.endsWith("test-classes")) {
        testClasses = entry;
      } else if (entry.endsWith(".jar")
          && !entry.contains("proguard")
          && Files.exists(Paths.get(entry))
          && !Files.isSameFile(Paths.get(entry), JAR)) { // the SDK jar is an input, not a library
        libraries.add(entry);
      }
    }
    Path rules = work.resolve("osai-sdk.pro");
    try (ZipFile jar = new ZipFile(JAR.toFile())) {
      Files.copy(jar.getInputStream(jar.getEntry("META-INF/proguard/osai-sdk.pro")), rules);
    }
    Path out = work.resolve("out.jar");
    List<String> config = new ArrayList<>();
    config.add("-injars '" + testClasses + "'(com/onestepai/osai/ProguardProbe.class)");
    config.add("-injars '" + JAR + "'(!META-INF/**)");
    config.add("-outjars '" + out + "'");
    for (String library : libraries) {
      config.add("-libraryjars '" + library + "'");
    }
    String javaHome = System.getProperty("java.home");
    config.add("-libraryjars '" + javaHome + "/jmods/java.base.jmod'(!**.jar;!module-info.class)");
    config.add(
        "-libraryjars '" + javaHome + "/jmods/java.logging.jmod'(!**.jar;!module-info.class)");
    config.add(
        "-keep class com.onestepai.osai.ProguardProbe { public static void main(java.lang.String[]); }");
    config.add(
        withSdkRules ? "-include '" + rules + "'" : "-keepattributes RuntimeVisibleAnnotations");
    config.add("-dontwarn");
    config.add("-dontnote");
    Path configFile = work.resolve("config.pro");
    Files.write(configFile, config, StandardCharsets.UTF_8);

    Run proguard = java(classpath, "proguard.ProGuard", "@" + configFile);
    assertEquals(0, proguard.exit, proguard.output);
    long renamed;
    try (ZipFile shrunk = new ZipFile(out.toFile())) {
      renamed =
          shrunk.stream()
              .filter(e -> e.getName().matches("com/onestepai/osai/model/\\w+\\$[a-z]\\.class"))
              .count();
    }
    String runtime =
        out
            + File.pathSeparator
            + libraries.stream().collect(Collectors.joining(File.pathSeparator));
    Run probe = java(runtime, "com.onestepai.osai.ProguardProbe");
    return new Run(probe.exit, probe.output, renamed);
  }

  Run java(String classpath, String main, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(classpath);
    command.add(main);
    command.addAll(List.of(args));
    Path log = Files.createTempFile(work, "java", ".out");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(main + " did not finish within 120 s");
    }
    return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), 0);
  }
}
