package com.onestepai.osai;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;

/**
 * Prism ({@code @stoplight/prism-cli}, installed by {@code npm ci} in the build) mocking {@code
 * openapi/osai.yaml} on a free loopback port. Prism ignores the spec's server path, so the SDK's
 * base URL is Prism's root.
 */
public final class PrismServer implements AutoCloseable {
  private static final long START_TIMEOUT_SECONDS = 90;

  private final Process process;
  private final HttpUrl url;
  private final StringBuffer output = new StringBuffer();

  private PrismServer(Path spec) throws IOException, InterruptedException {
    Path projectDir = projectDir();
    Path prism = projectDir.resolve("node_modules/.bin/prism");
    if (!Files.isExecutable(prism)) {
      throw new IllegalStateException(
          prism + " is missing: run 'npm ci' in " + projectDir + " (the Maven build does).");
    }
    int port = freePort();
    process =
        new ProcessBuilder(
                prism.toString(),
                "mock",
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(port),
                spec.toAbsolutePath().toString())
            .directory(projectDir.toFile())
            .redirectErrorStream(true)
            .start();
    url = HttpUrl.get("http://127.0.0.1:" + port + "/");
    CountDownLatch listening = new CountDownLatch(1);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                  output.append(line).append('\n');
                  if (line.contains("Prism is listening")) {
                    listening.countDown();
                  }
                }
              } catch (IOException ignored) {
                // The process ended; close() or the start timeout reports it.
              }
            },
            "prism-output");
    reader.setDaemon(true);
    reader.start();
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
    if (!listening.await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      stop();
      throw new IllegalStateException(
          "Prism did not print 'Prism is listening' within "
              + START_TIMEOUT_SECONDS
              + " s:\n"
              + output);
    }
  }

  /** Starts Prism serving {@code spec} and returns once it is listening. */
  public static PrismServer start(Path spec) throws IOException, InterruptedException {
    return new PrismServer(spec);
  }

  /** Starts Prism serving {@code openapi/osai.yaml}. */
  public static PrismServer startWithProjectSpec() throws IOException, InterruptedException {
    return start(projectDir().resolve("openapi/osai.yaml"));
  }

  public static Path projectDir() {
    return Paths.get(System.getProperty("basedir", System.getProperty("user.dir")))
        .toAbsolutePath();
  }

  /** Prism's root URL: the base URL to give the SDK. */
  public HttpUrl url() {
    return url;
  }

  /** What Prism printed so far: its log of requests and violations. */
  public String output() {
    return output.toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private void stop() {
    if (process.isAlive()) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    stop();
  }
}
