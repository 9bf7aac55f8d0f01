package com.onestepai.osai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.growth.api.FilesApi;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.ResponseBody;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;

/**
 * A download four times larger than the heap works: a child JVM with {@code -Xmx64m} downloads 256
 * MB through the generated {@code FilesApi}, from a server that generates the bytes as it sends
 * them, and reports the byte count and the CRC-32 it read.
 */
class LargeDownloadTest {
  static final long SIZE = 256L * 1024 * 1024;
  static final int CHUNK = 64 * 1024;

  @StartStop final MockWebServer server = new MockWebServer();

  /** Chunk {@code n} of the file: a pattern that differs from chunk to chunk. */
  static byte[] chunk(long n, byte[] into) {
    for (int i = 0; i < into.length; i++) {
      into[i] = (byte) (i * 31 + n * 7);
    }
    return into;
  }

  static long expectedCrc() {
    CRC32 crc = new CRC32();
    byte[] bytes = new byte[CHUNK];
    for (long n = 0; n < SIZE / CHUNK; n++) {
      crc.update(chunk(n, bytes));
    }
    return crc.getValue();
  }

  @Test
  void aDownloadLargerThanTheHeapWorks() throws Exception {
    server.enqueue(Fixtures.text(OsaiClientWireTest.JWT));
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/octet-stream")
            .body(
                new MockResponseBody() {
                  @Override
                  public long getContentLength() {
                    return SIZE;
                  }

                  @Override
                  public void writeTo(BufferedSink sink) throws IOException {
                    byte[] bytes = new byte[CHUNK];
                    for (long n = 0; n < SIZE / CHUNK; n++) {
                      sink.write(chunk(n, bytes));
                    }
                    sink.flush();
                  }
                })
            .build());

    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx64m");
    command.add("-cp");
    command.add(classpath);
    command.add(Downloader.class.getName());
    command.add(server.url("/api").toString());
    File out = File.createTempFile("download", ".out");
    try {
      Process process =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out).start();
      long expected = expectedCrc();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the download did not finish within 120 s");
      }
      String output = Files.readString(out.toPath(), StandardCharsets.UTF_8).trim();
      assertEquals(0, process.exitValue(), output);
      assertEquals(SIZE + " bytes, CRC-32 " + Long.toHexString(expected), output);
    } finally {
      assertTrue(out.delete() || !out.exists());
    }
  }

  /** The child JVM: downloads through the SDK and prints what it read. */
  static final class Downloader {
    public static void main(String[] args) throws IOException {
      try (OsaiClient client =
          OsaiClient.builder().accessToken(Fixtures.TOKEN).baseUrl(args[0]).build()) {
        CRC32 crc = new CRC32();
        long count = 0;
        byte[] buffer = new byte[8192];
        try (ResponseBody body = client.api(FilesApi.class).downloadFile("big");
            InputStream in = body.byteStream()) {
          for (int read; (read = in.read(buffer)) != -1; ) {
            crc.update(buffer, 0, read);
            count += read;
          }
        }
        System.out.println(count + " bytes, CRC-32 " + Long.toHexString(crc.getValue()));
      }
    }
  }
}
