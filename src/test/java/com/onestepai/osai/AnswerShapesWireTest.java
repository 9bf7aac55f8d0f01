package com.onestepai.osai;

import static com.onestepai.osai.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.growth.api.FilesApi;
import com.onestepai.osai.growth.model.FileInfo;
import com.onestepai.osai.growth.model.FileRequest;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.RecordedRequest;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rows 14 to 16 of the README's OpenAPI shapes on the wire, through the generated {@code FilesApi}
 * of the growth fixture (src/test/resources/growth/shapes-answers.yaml): streamed binary answers,
 * answers without a body, several 2xx codes, JSON scalar answers.
 */
class AnswerShapesWireTest extends SignedInWireTest {
  FilesApi files;

  @BeforeEach
  void api() {
    files = client.api(FilesApi.class);
  }

  RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertTrue(request != null, "the server saw no request");
    return request;
  }

  /** A body that sends {@code head}, then holds the rest until {@code release} opens. */
  static MockResponse held(String contentType, String head, CountDownLatch release, String tail) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", contentType)
        .body(
            new MockResponseBody() {
              @Override
              public long getContentLength() {
                return head.length() + tail.length();
              }

              @Override
              public void writeTo(BufferedSink sink) throws IOException {
                sink.writeUtf8(head).flush();
                try {
                  if (!release.await(30, TimeUnit.SECONDS)) {
                    return; // a stalled body: the client gives up first
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
                sink.writeUtf8(tail).flush();
              }
            })
        .build();
  }

  static MockResponse noContent() {
    return new MockResponse.Builder().code(204).body("").build();
  }

  static String readUtf8(BufferedSource source, long count) throws IOException {
    return source.readUtf8(count);
  }

  // Row 14: binary answers.

  @Test
  void aDownloadIsStreamedNotBuffered() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server.enqueue(held("application/octet-stream", "HEAD", release, "TAIL-OF-THE-FILE"));

    try (ResponseBody body = files.downloadFile("f 1")) {
      // The call returned while the server still holds most of the body.
      assertEquals("application/octet-stream", body.contentType().toString());
      assertEquals(20, body.contentLength());
      assertEquals("HEAD", readUtf8(body.source(), 4));
      release.countDown();
      assertEquals("TAIL-OF-THE-FILE", body.source().readUtf8());
    }

    take();
    RecordedRequest download = take();
    assertEquals("GET", download.getMethod());
    assertEquals("/api/Files/f%201/Content", download.getTarget());
    assertEquals("Bearer " + OsaiClientWireTest.JWT, download.getHeaders().get("Authorization"));
  }

  @Test
  void anAsyncDownloadIsStreamedToo() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server.enqueue(held("image/png", "PNG!", release, "-REST"));

    try (ResponseBody body = files.getFileThumbnailAsync("f-1").get(10, TimeUnit.SECONDS)) {
      assertEquals("image/png", body.contentType().toString());
      assertEquals("PNG!", readUtf8(body.source(), 4));
      release.countDown();
      assertEquals("-REST", body.source().readUtf8());
    }
    take();
    assertEquals("/api/Files/f-1/Thumbnail", take().getTarget());
  }

  @Test
  void closingTheBodyReleasesTheConnectionForTheNextCall() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/octet-stream")
            .body(new Buffer().write(new byte[] {0, 1, 2, (byte) 0xFF}))
            .build());
    server.enqueue(json(200, "\"cat.png\""));

    try (ResponseBody body = files.downloadFile("f-1")) {
      assertEquals(
          okio.ByteString.of(new byte[] {0, 1, 2, (byte) 0xFF}), body.source().readByteString());
    }
    assertEquals("cat.png", files.getFileName("f-1"));

    take();
    RecordedRequest download = take();
    RecordedRequest next = take();
    assertEquals(download.getConnectionIndex(), next.getConnectionIndex(), "the same connection");
    assertEquals(download.getExchangeIndex() + 1, next.getExchangeIndex());
  }

  @Test
  void aFailedDownloadThrowsItsTypedException() {
    server.enqueue(json(404, "{\"title\":\"no such file\"}"));

    NotFoundException thrown =
        assertThrows(NotFoundException.class, () -> files.downloadFile("f-9"));
    assertEquals(404, thrown.statusCode());
  }

  /**
   * The call deadline covers the call up to the answer's headers only: a download that takes longer
   * than it completes. Here the deadline is 1 s, and the body's second half comes after 2 s.
   */
  @Test
  void theDeadlineStopsOnceTheHeadersAreIn() throws Exception {
    client.close();
    client =
        client(builder -> builder.timeout(1, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS));
    files = client.api(FilesApi.class);

    for (boolean async : new boolean[] {false, true}) {
      CountDownLatch release = new CountDownLatch(1);
      server.enqueue(held("application/octet-stream", "HEAD", release, "TAIL"));
      try (ResponseBody body =
          async
              ? files.downloadFileAsync("f-1").get(10, TimeUnit.SECONDS)
              : files.downloadFile("f-1")) {
        assertEquals("HEAD", readUtf8(body.source(), 4));
        Thread.sleep(2_000); // twice the deadline, with the body half read
        release.countDown();
        assertEquals("TAIL", body.source().readUtf8(), async ? "async" : "blocking");
      }
    }
  }

  /** After the headers, the read timeout guards each wait for more bytes. */
  @Test
  void aStalledDownloadFailsOnTheReadTimeout() throws Exception {
    client.close();
    client =
        client(
            builder ->
                builder.timeout(30, TimeUnit.SECONDS).readTimeout(300, TimeUnit.MILLISECONDS));
    files = client.api(FilesApi.class);
    CountDownLatch release = new CountDownLatch(1);
    server.enqueue(held("application/octet-stream", "HEAD", release, "TAIL"));

    try (ResponseBody body = files.downloadFile("f-1")) {
      assertEquals("HEAD", readUtf8(body.source(), 4));
      IOException thrown = assertThrows(IOException.class, () -> body.source().readUtf8());
      assertTrue(
          thrown instanceof SocketTimeoutException || thrown instanceof InterruptedIOException,
          thrown.toString());
    } finally {
      release.countDown();
    }
  }

  @Test
  void logsOfADownloadHoldNoBodyEvenAtBody() throws Exception {
    client.close();
    client = client(builder -> builder.logLevel(LogLevel.BODY).logger(logLines::add));
    files = client.api(FilesApi.class);
    CountDownLatch release = new CountDownLatch(1);
    server.enqueue(held("application/octet-stream", "SECRET-HEAD", release, "SECRET-TAIL"));

    try (ResponseBody body = files.downloadFile("f-1")) {
      // Were the logger reading the body, the call would not return before the server let go.
      assertEquals("SECRET-HEAD", readUtf8(body.source(), 11));
      release.countDown();
      assertEquals("SECRET-TAIL", body.source().readUtf8());
    }

    String log = String.join("\n", logLines);
    assertFalse(log.contains("SECRET"), log);
    assertTrue(log.contains("GET " + server.url("/api/Files/f-1/Content")), log);
    assertTrue(log.contains("Content-Type: application/octet-stream"), log);
    assertTrue(
        log.contains("<-- body not logged (a streamed download, left for the caller to read)"),
        log);
  }

  // Row 15: answers without a body, several 2xx codes.

  @Test
  void aVoidOperationCompletesWithNullOn204AndOnAnEmpty200() throws Exception {
    server.enqueue(noContent());
    server.enqueue(noContent());
    server.enqueue(new MockResponse.Builder().code(200).body("").build());
    server.enqueue(new MockResponse.Builder().code(200).body("").build());

    assertNull(files.deleteFile("f-1"));
    assertNull(files.deleteFileAsync("f-1").get(10, TimeUnit.SECONDS));
    assertNull(files.deleteFile("f-1"));
    assertNull(files.deleteFileAsync("f-1").get(10, TimeUnit.SECONDS));

    take();
    RecordedRequest delete = take();
    assertEquals("DELETE", delete.getMethod());
    assertEquals("/api/Files/f-1", delete.getTarget());
  }

  @Test
  void severalSuccessCodesAnswerTheSameModel() throws Exception {
    String body = "{\"fileId\":\"f-2\",\"name\":\"cat.png\",\"size\":9007199254740993}";
    server.enqueue(json(201, body));
    server.enqueue(json(200, body));

    FileInfo created = files.createFile(FileRequest.builder().name("cat.png").build());
    FileInfo found =
        files
            .createFileAsync(FileRequest.builder().name("cat.png").build())
            .get(10, TimeUnit.SECONDS);

    for (FileInfo info : new FileInfo[] {created, found}) {
      assertEquals("f-2", info.getFileId());
      assertEquals("cat.png", info.getName());
      assertEquals(Long.valueOf(9007199254740993L), info.getSize());
    }
    take();
    RecordedRequest create = take();
    assertEquals("POST", create.getMethod());
    assertEquals("{\"name\":\"cat.png\"}", create.getBody().utf8());
  }

  /** A 200-or-204 operation has a nullable result: null for a 204 and for an empty 200. */
  @Test
  void anOperationDocumenting204AnswersNullWithoutABody() throws Exception {
    server.enqueue(noContent());
    server.enqueue(noContent());
    server.enqueue(new MockResponse.Builder().code(200).body("").build());
    server.enqueue(json(200, "{\"fileId\":\"f-1\",\"name\":\"cat.png\",\"size\":3}"));

    assertNull(files.lockFile("f-1"));
    assertNull(files.lockFileAsync("f-1").get(10, TimeUnit.SECONDS));
    assertNull(files.lockFile("f-1"));
    FileInfo lock = files.lockFile("f-1");
    assertEquals("f-1", lock.getFileId());
    assertEquals(Long.valueOf(3), lock.getSize());
  }

  /** An operation that documents no body-less answer does not return null for one. */
  @Test
  void aModelOperationRefuses204() throws Exception {
    server.enqueue(noContent());
    server.enqueue(noContent());

    OsaiInvalidDataException thrown =
        assertThrows(
            OsaiInvalidDataException.class,
            () -> files.createFile(FileRequest.builder().name("a").build()));
    String expected =
        "POST "
            + server.url("/api/Files")
            + " answered HTTP 204 with no body (or JSON null) where FileInfo was expected"
            + " (request id 00-";
    assertTrue(thrown.getMessage().startsWith(expected), thrown.getMessage());
    ExecutionException async =
        assertThrows(
            ExecutionException.class,
            () ->
                files
                    .createFileAsync(FileRequest.builder().name("a").build())
                    .get(10, TimeUnit.SECONDS));
    assertEquals(OsaiInvalidDataException.class, async.getCause().getClass());
  }

  // Row 16: JSON scalar answers.

  @Test
  void jsonScalarsAtTopLevel() throws Exception {
    server.enqueue(json(200, "\"cat.png\""));
    server.enqueue(json(200, "42"));
    server.enqueue(json(200, "1.50"));
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "text/plain; charset=utf-8")
            .body(new Buffer().write(okio.ByteString.decodeHex("EFBBBF")).writeUtf8("42 cats"))
            .build());
    server.enqueue(json(200, "9007199254740993"));

    assertEquals("cat.png", files.getFileName("f-1"));
    assertEquals("42", files.getFileName("f-1"), "a JSON number read as a String is its text");
    assertEquals("1.50", files.getFileNameAsync("f-1").get(10, TimeUnit.SECONDS));
    assertEquals("42 cats", files.getFileName("f-1"), "text as it is, without the BOM");
    assertEquals(Long.valueOf(9007199254740993L), files.getFileSize("f-1"));
  }
}
