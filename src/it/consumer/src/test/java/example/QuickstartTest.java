package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the quickstart in a JVM of its own, configured as a user would, against Prism. */
class QuickstartTest {
  @Test
  void theQuickstartPrintsTheUserFromPrism() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process prism = new ProcessBuilder(System.getProperty("prism.bin"), "mock", "-h", "127.0.0.1",
        "-p", Integer.toString(port), System.getProperty("osai.spec")).redirectErrorStream(true).start();
    try {
      CountDownLatch listening = new CountDownLatch(1);
      Thread reader = new Thread(() -> {
        try (BufferedReader lines = new BufferedReader(
            new InputStreamReader(prism.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = lines.readLine()) != null; ) {
            if (line.contains("Prism is listening")) {
              listening.countDown();
            }
          }
        } catch (Exception ignored) {
          // Prism ended.
        }
      });
      reader.setDaemon(true);
      reader.start();
      assertTrue(listening.await(90, TimeUnit.SECONDS), "Prism started");

      File out = File.createTempFile("quickstart", ".out");
      ProcessBuilder quickstart = new ProcessBuilder(
          Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
          Quickstart.class.getName())
          .redirectErrorStream(true)
          .redirectOutput(out);
      quickstart.environment().put("OSAI_URL", "http://127.0.0.1:" + port);
      quickstart.environment().put("OSAI_API_TOKEN", "consumer-it-token");
      Process run = quickstart.start();
      assertTrue(run.waitFor(60, TimeUnit.SECONDS), "the quickstart finished");
      String output = new String(Files.readAllBytes(out.toPath()), StandardCharsets.UTF_8);

      assertEquals(0, run.exitValue(), output);
      assertEquals("OneStep AI <onestepai@email.com>\n", output);
    } finally {
      prism.destroy();
      prism.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
