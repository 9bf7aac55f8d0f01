package com.onestepai.osai;

import static com.onestepai.osai.Fixtures.USER_JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.growth.api.FilesApi;
import com.onestepai.osai.growth.model.FileInfo;
import com.onestepai.osai.growth.model.FileRequest;
import com.onestepai.osai.model.User;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.http.GET;

/**
 * Issue 19 item 2: the {@code ...WithResponse} forms give a successful answer's status, headers and
 * request id with its body, through the same call path as the plain forms (retries, deadline, typed
 * errors). {@code FilesApi} is the growth fixture's (shapes-answers.yaml).
 */
class WithResponseWireTest extends SignedInWireTest {
  static final String USER_ID = "Guid-Guid-Guid-Guid"; // Fixtures.USER_JSON's

  FilesApi files;

  @BeforeEach
  void api() {
    files = client.api(FilesApi.class);
  }

  @Test
  void aTwoHundredGivesItsStatusHeadersAndBody() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/json")
            .addHeader("ETag", "\"v7\"")
            .addHeader("X-RateLimit-Remaining", "41")
            .body(USER_JSON)
            .build());

    OsaiResponse<User> response = client.users().getCurrentUserWithResponse();

    assertEquals(200, response.statusCode());
    assertEquals("\"v7\"", response.headers().get("ETag"));
    assertEquals("41", response.headers().get("x-ratelimit-remaining"));
    assertNotNull(response.body());
    assertEquals(USER_ID, response.body().getId());
    RecordedRequest call = takeCall();
    assertEquals("GET", call.getMethod());
    assertEquals("/api/Users", call.getTarget());
  }

  @Test
  void aTwoHundredOneGivesItsStatusAndLocation() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(201)
            .addHeader("Content-Type", "application/json")
            .addHeader("Location", "/api/Files/f-9")
            .body("{\"fileId\":\"f-9\",\"name\":\"cat.png\"}")
            .build());

    OsaiResponse<FileInfo> created =
        files.createFileWithResponse(FileRequest.builder().name("cat.png").build());

    assertEquals(201, created.statusCode());
    assertEquals("/api/Files/f-9", created.headers().get("Location"));
    assertEquals("f-9", created.body().getFileId());
    assertEquals("POST", takeCall().getMethod());
  }

  @Test
  void theRequestIdIsTheServersWhenItNamesOne() {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .addHeader("X-Correlation-Id", "c-3")
            .addHeader("X-Request-Id", "req-2")
            .body(USER_JSON)
            .build());

    assertEquals("req-2", client.users().getCurrentUserWithResponse().requestId());
  }

  @Test
  void theRequestIdIsTheSdksOwnTraceparentOtherwise() throws Exception {
    server.enqueue(Fixtures.json(200, USER_JSON));

    OsaiResponse<User> response = client.users().getCurrentUserWithResponse();

    String sent = takeCall().getHeaders().get("traceparent");
    assertNotNull(sent);
    assertEquals(sent, response.requestId());
    assertTrue(response.toString().contains(sent), response.toString());
  }

  @Test
  void anErrorStatusStillThrowsTheTypedExceptionWithTheRequestId() throws Exception {
    server.enqueue(Fixtures.status(404, "Request-Id", "req-404"));
    NotFoundException blocking =
        assertThrows(NotFoundException.class, () -> client.users().getCurrentUserWithResponse());
    assertEquals("req-404", blocking.requestId());
    assertTrue(blocking.getMessage().endsWith("(request id req-404)"), blocking.getMessage());

    server.enqueue(Fixtures.status(409));
    ExecutionException async =
        assertThrows(
            ExecutionException.class,
            () ->
                files
                    .createFileWithResponseAsync(FileRequest.builder().name("x").build())
                    .get(5, TimeUnit.SECONDS));
    ConflictException conflict = assertInstanceOf(ConflictException.class, async.getCause());
    takeCall();
    assertEquals(server.takeRequest().getHeaders().get("traceparent"), conflict.requestId());
  }

  @Test
  void aRetriedCallGivesTheFinalAttemptsAnswer() throws Exception {
    OsaiClient retrying =
        client(
            b -> {
              b.maxRetries(2);
              b.sleeper = (nanos, canceled) -> {};
            });
    try {
      server.enqueue(Fixtures.status(503, "X-Request-Id", "attempt-1"));
      server.enqueue(Fixtures.status(502, "X-Request-Id", "attempt-2"));
      server.enqueue(
          new MockResponse.Builder()
              .addHeader("Content-Type", "application/json")
              .addHeader("X-Request-Id", "attempt-3")
              .addHeader("X-Attempt", "3")
              .body(USER_JSON)
              .build());

      OsaiResponse<User> response = retrying.users().getCurrentUserWithResponse();

      assertEquals(200, response.statusCode());
      assertEquals("attempt-3", response.requestId());
      assertEquals("3", response.headers().get("X-Attempt"));
      assertEquals(USER_ID, response.body().getId());
      assertEquals(4, server.getRequestCount(), "sign-in and three attempts");
    } finally {
      retrying.close();
    }
  }

  @Test
  void theAsyncFormCompletesWithTheWholeAnswer() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/json")
            .addHeader("ETag", "\"v8\"")
            .body(USER_JSON)
            .build());

    OsaiResponse<User> response =
        client.users().getCurrentUserWithResponseAsync().get(5, TimeUnit.SECONDS);

    assertEquals(200, response.statusCode());
    assertEquals("\"v8\"", response.headers().get("ETag"));
    assertEquals(USER_ID, response.body().getId());
    assertEquals(takeCall().getHeaders().get("traceparent"), response.requestId());
  }

  @Test
  void aVoidAnswerHasNoBodyButItsStatusAndHeaders() throws Exception {
    server.enqueue(
        new MockResponse.Builder().code(204).addHeader("X-Deleted", "f-1").body("").build());
    OsaiResponse<Void> deleted = files.deleteFileWithResponse("f-1");
    assertEquals(204, deleted.statusCode());
    assertEquals("f-1", deleted.headers().get("X-Deleted"));
    assertNull(deleted.body());
    assertEquals("DELETE", takeCall().getMethod());

    server.enqueue(new MockResponse.Builder().code(202).addHeader("X-Queued", "1").build());
    OsaiResponse<Void> async = files.deleteFileWithResponseAsync("f-2").get(5, TimeUnit.SECONDS);
    assertEquals(202, async.statusCode());
    assertEquals("1", async.headers().get("X-Queued"));
    assertNull(async.body());
  }

  @Test
  void anOptionalBodyIsNullWhenAbsentAndReadWhenSent() {
    server.enqueue(new MockResponse.Builder().code(204).addHeader("X-Lock", "none").build());
    OsaiResponse<FileInfo> unlocked = files.lockFileWithResponse("f-1");
    assertEquals(204, unlocked.statusCode());
    assertEquals("none", unlocked.headers().get("X-Lock"));
    assertNull(unlocked.body());

    server.enqueue(Fixtures.json(200, "{\"fileId\":\"f-1\",\"name\":\"cat.png\"}"));
    OsaiResponse<FileInfo> locked = files.lockFileWithResponse("f-1");
    assertEquals(200, locked.statusCode());
    assertEquals("cat.png", locked.body().getName());
  }

  @Test
  void aMissingBodyWhereOneIsRequiredIsStillInvalidData() {
    server.enqueue(new MockResponse.Builder().code(204).build());
    OsaiInvalidDataException e =
        assertThrows(
            OsaiInvalidDataException.class, () -> client.users().getCurrentUserWithResponse());
    assertTrue(e.getMessage().contains("with no body"), e.getMessage());
  }

  @Test
  void aFileAnswerIsStreamedAndTheCallerClosesIt() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    MockResponse held =
        AnswerShapesWireTest.held("application/octet-stream", "HEAD", release, "-TAIL")
            .newBuilder()
            .addHeader("Content-Disposition", "attachment; filename=\"cat.png\"")
            .build();
    server.enqueue(held);

    OsaiResponse<ResponseBody> response = files.downloadFileWithResponse("f-1");
    // The call returned while the server still holds the rest of the body.
    assertEquals(200, response.statusCode());
    assertEquals("attachment; filename=\"cat.png\"", response.headers().get("Content-Disposition"));
    try (ResponseBody body = response.body()) {
      assertEquals("HEAD", body.source().readUtf8(4));
      release.countDown();
      assertEquals("-TAIL", body.source().readUtf8());
    }

    // Closed, the connection serves the next call: an async download, the same way.
    CountDownLatch again = new CountDownLatch(1);
    server.enqueue(AnswerShapesWireTest.held("image/png", "PNG!", again, "-REST"));
    OsaiResponse<ResponseBody> thumbnail =
        files.getFileThumbnailWithResponseAsync("f-1").get(10, TimeUnit.SECONDS);
    try (ResponseBody body = thumbnail.body()) {
      assertEquals("image/png", body.contentType().toString());
      assertEquals("PNG!", body.source().readUtf8(4));
      again.countDown();
      assertEquals("-REST", body.source().readUtf8());
    }
    takeCall();
    assertEquals("/api/Files/f-1/Thumbnail", server.takeRequest(5, TimeUnit.SECONDS).getTarget());
  }

  /**
   * The call deadline of a download ends with its headers, for the WithResponse form too (as
   * AnswerShapesWireTest proves for the plain form): the deadline is 300 ms, and the body's second
   * half comes after 1 s.
   */
  @Test
  void aFileAnswerOutlivesTheCallDeadline() throws Exception {
    OsaiClient shortDeadline =
        client(b -> b.timeout(300, TimeUnit.MILLISECONDS).readTimeout(10, TimeUnit.SECONDS));
    try {
      FilesApi api = shortDeadline.api(FilesApi.class);
      for (boolean async : new boolean[] {false, true}) {
        CountDownLatch release = new CountDownLatch(1);
        server.enqueue(AnswerShapesWireTest.held("application/octet-stream", "A", release, "B"));
        OsaiResponse<ResponseBody> response =
            async
                ? api.downloadFileWithResponseAsync("f-1").get(10, TimeUnit.SECONDS)
                : api.downloadFileWithResponse("f-1");
        try (ResponseBody body = response.body()) {
          assertEquals("A", body.source().readUtf8(1));
          Thread.sleep(1_000); // past the deadline, with the body half read
          release.countDown();
          assertEquals("B", body.source().readUtf8(), async ? "async" : "blocking");
        }
      }
    } finally {
      shortDeadline.close();
    }
  }

  /** A method of the caller's own interface may return OsaiResponse too. */
  interface OwnUsersApi {
    @GET("Users")
    OsaiResponse<User> me();

    @GET("Users")
    CompletableFuture<OsaiResponse<User>> meAsync();

    @SuppressWarnings("rawtypes")
    @GET("Users")
    OsaiResponse raw();
  }

  @Test
  void aUserDeclaredMethodMayReturnTheWholeAnswer() throws Exception {
    server.enqueue(Fixtures.json(200, USER_JSON));
    server.enqueue(Fixtures.json(200, USER_JSON));
    OwnUsersApi own = client.api(OwnUsersApi.class);

    assertEquals(USER_ID, own.me().body().getId());
    assertEquals(200, own.meAsync().get(5, TimeUnit.SECONDS).statusCode());
  }

  @Test
  void aRawOsaiResponseIsRefusedWithWhatToWrite() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> client.api(OwnUsersApi.class).raw());
    assertEquals(
        "OsaiResponse return type must be parameterized as OsaiResponse<Foo>",
        e.getCause().getMessage(),
        e.toString());
    assertEquals(0, server.getRequestCount(), "nothing went out");
  }
}
