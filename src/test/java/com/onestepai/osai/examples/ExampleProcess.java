package com.onestepai.osai.examples;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an example program in a child JVM with the environment a user would set. */
final class ExampleProcess {
  static final boolean INHERIT = true;
  static final boolean CAPTURE = false;

  final int exitCode;
  final String stdout;
  final String stderr;

  private ExampleProcess(int exitCode, String stdout, String stderr) {
    this.exitCode = exitCode;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** Runs {@link PrintCurrentUser}. */
  static ExampleProcess run(String baseUrl, String token, boolean inherit, String... args)
      throws IOException, InterruptedException {
    return run(PrintCurrentUser.class, baseUrl, token, inherit, args);
  }

  static ExampleProcess run(
      Class<?> main, String baseUrl, String token, boolean inherit, String... args)
      throws IOException, InterruptedException {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(classpath);
    command.add(main.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("OSAI_URL");
    builder.environment().remove("OSAI_API_TOKEN");
    if (baseUrl != null) {
      builder.environment().put("OSAI_URL", baseUrl);
    }
    if (token != null) {
      builder.environment().put("OSAI_API_TOKEN", token);
    }
    if (inherit) {
      builder.inheritIO();
      Process process = builder.start();
      return new ExampleProcess(waitFor(process), "", "");
    }
    File out = File.createTempFile("example", ".out");
    File err = File.createTempFile("example", ".err");
    try {
      Process process = builder.redirectOutput(out).redirectError(err).start();
      int exit = waitFor(process);
      return new ExampleProcess(
          exit,
          Files.readString(out.toPath(), StandardCharsets.UTF_8),
          Files.readString(err.toPath(), StandardCharsets.UTF_8));
    } finally {
      out.delete();
      err.delete();
    }
  }

  private static int waitFor(Process process) throws InterruptedException {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("The example did not finish within 60 s");
    }
    return process.exitValue();
  }
}
