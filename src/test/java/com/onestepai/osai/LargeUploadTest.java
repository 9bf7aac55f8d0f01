package com.onestepai.osai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.growth.api.UploadsApi;
import com.onestepai.osai.growth.model.UploadedImage;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * An upload four times larger than the heap works: a child JVM with {@code -Xmx64m} uploads 256 MB,
 * generated as it is read, through the generated {@code UploadsApi}, and the server counts what it
 * received.
 */
class LargeUploadTest {
  static final long SIZE = 256L * 1024 * 1024;

  @StartStop final MockWebServer server = new MockWebServer();

  @Test
  void anUploadLargerThanTheHeapWorks() throws Exception {
    server.setBodyLimit(0); // count the bytes, keep none
    server.enqueue(Fixtures.text(OsaiClientWireTest.JWT));
    server.enqueue(Fixtures.json(200, "{\"imageId\":\"i-big\",\"size\":" + SIZE + "}"));

    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx64m");
    command.add("-cp");
    command.add(classpath);
    command.add(Uploader.class.getName());
    command.add(server.url("/api").toString());
    File out = File.createTempFile("upload", ".out");
    try {
      Process process =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out).start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the upload did not finish within 120 s");
      }
      String output = Files.readString(out.toPath(), StandardCharsets.UTF_8).trim();
      assertEquals(0, process.exitValue(), output);
      assertEquals("uploaded i-big, " + SIZE + " bytes read by the SDK", output);
    } finally {
      assertTrue(out.delete() || !out.exists());
    }
    server.takeRequest(); // sign-in
    RecordedRequest upload = server.takeRequest();
    assertTrue(
        upload.getBodySize() > SIZE && upload.getBodySize() < SIZE + 4096,
        "the server received the file and the multipart framing: " + upload.getBodySize());
  }

  /** The child JVM: uploads 256 generated MB through the SDK. */
  static final class Uploader {
    public static void main(String[] args) throws Exception {
      long[] read = {0};
      InputStream generated =
          new InputStream() {
            @Override
            public int read() {
              return read[0] < SIZE ? (int) (read[0]++ & 0xff) : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
              if (read[0] >= SIZE) {
                return -1;
              }
              int n = (int) Math.min(len, SIZE - read[0]);
              for (int i = 0; i < n; i++) {
                b[off + i] = (byte) (read[0] + i);
              }
              read[0] += n;
              return n;
            }
          };
      try (OsaiClient client =
          OsaiClient.builder().accessToken(Fixtures.TOKEN).baseUrl(args[0]).build()) {
        UploadedImage image =
            client
                .api(UploadsApi.class)
                .uploadImage(
                    "d-1",
                    UploadFile.of(generated, SIZE, "big.bin", "application/octet-stream"),
                    Arrays.asList("c-1"),
                    null);
        System.out.println(
            "uploaded " + image.getImageId() + ", " + read[0] + " bytes read by the SDK");
      }
    }
  }
}
