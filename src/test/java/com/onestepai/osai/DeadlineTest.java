package com.onestepai.osai;

import static com.onestepai.osai.Fixtures.TOKEN;
import static com.onestepai.osai.Fixtures.USER_JSON;
import static com.onestepai.osai.Fixtures.json;
import static com.onestepai.osai.Fixtures.status;
import static com.onestepai.osai.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.model.User;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.Call;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing outlives its deadline or its cancellation. These use real time, bounded: each waits on a
 * latch for a few seconds where the broken behaviour would take 20 or more.
 */
class DeadlineTest {
  static final String JWT = Fixtures.jwt("{\"sub\":\"deadline\"}");

  @StartStop final MockWebServer server = new MockWebServer();
  final CountDownLatch callEnded = new CountDownLatch(1);
  ExecutorService dispatcherThreads;

  @AfterEach
  void tearDown() {
    if (dispatcherThreads != null) {
      dispatcherThreads.shutdownNow();
    }
  }

  /** A caller's client whose listener counts down when a /Users call ends, however it ends. */
  OkHttpClient watched(Dispatcher dispatcher) {
    return new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .eventListener(
            new EventListener() {
              @Override
              public void callFailed(Call call, IOException e) {
                ended(call);
              }

              @Override
              public void callEnd(Call call) {
                ended(call);
              }

              private void ended(Call call) {
                if (call.request().url().encodedPath().endsWith("/Users")) {
                  callEnded.countDown();
                }
              }
            })
        .build();
  }

  @Test
  void cancellingAFutureStopsTheWaitBeforeARetry() throws Exception {
    server.enqueue(text(JWT));
    server.enqueue(status(503, "Retry-After", "20"));
    server.enqueue(json(200, USER_JSON));
    try (OsaiClient client =
        OsaiClient.builder()
            .accessToken(TOKEN)
            .baseUrl(server.url("/api").toString())
            .okHttpClient(watched(new Dispatcher()))
            .build()) {
      CompletableFuture<User> future = client.users().getCurrentUserAsync();
      server.takeRequest();
      server.takeRequest(); // the 503 was answered: the call now waits 20 s to retry

      future.cancel(true);

      assertTrue(callEnded.await(5, TimeUnit.SECONDS), "the call ended well before its 20 s wait");
      assertEquals(2, server.getRequestCount(), "and was not retried");
    }
  }

  @Test
  void anAsyncCallsTimeoutCountsItsTimeInTheQueue() throws Exception {
    Dispatcher oneAtATime = new Dispatcher();
    oneAtATime.setMaxRequestsPerHost(1);
    server.enqueue(text(JWT));
    server.enqueue(
        new MockResponse.Builder().headersDelay(30, TimeUnit.SECONDS).body(USER_JSON).build());
    try (OsaiClient client =
        OsaiClient.builder()
            .accessToken(TOKEN)
            .baseUrl(server.url("/api").toString())
            .okHttpClient(watched(oneAtATime))
            .timeout(1, TimeUnit.SECONDS)
            .build()) {
      CompletableFuture<User> slow = client.users().getCurrentUserAsync();
      server.takeRequest(); // sign-in
      server.takeRequest(); // the slow call holds the host's only slot
      CompletableFuture<User> queued = client.users().getCurrentUserAsync();

      ExecutionException e =
          assertThrows(ExecutionException.class, () -> queued.get(5, TimeUnit.SECONDS));
      OsaiIoException timeout = assertInstanceOf(OsaiIoException.class, e.getCause());
      // Still queued, the call has sent no id; promoted as the deadline fired, it has one. Either
      // way the message names the id requestId() returns (they once disagreed under load).
      String id = timeout.requestId();
      assertEquals(
          "GET "
              + server.url("/api/Users")
              + " timed out: its timeout (1000 ms, counted from when it was enqueued) passed; 1"
              + " attempt made"
              + (id == null ? "" : " (request id " + id + ")"),
          timeout.getMessage());
      assertThrows(ExecutionException.class, () -> slow.get(5, TimeUnit.SECONDS));
    }
  }

  @Test
  void signInIsNotStarvedByACallersOneThreadDispatcher() throws Exception {
    dispatcherThreads = Executors.newFixedThreadPool(1);
    server.enqueue(text(JWT));
    server.enqueue(json(200, USER_JSON));
    try (OsaiClient client =
        OsaiClient.builder()
            .accessToken(TOKEN)
            .baseUrl(server.url("/api").toString())
            .okHttpClient(watched(new Dispatcher(dispatcherThreads)))
            .timeout(5, TimeUnit.SECONDS)
            .build()) {
      // The one dispatcher thread runs this call and waits in it for sign-in, which must run
      // elsewhere.
      User user = client.users().getCurrentUserAsync().get(10, TimeUnit.SECONDS);

      assertEquals("OneStep AI", user.getUserName());
    }
  }

  // Issue 17, item 15: the blocking form names the limit that fired, its value and the attempts.

  @Test
  void theBlockingFormNamesTheCallTimeout() {
    server.enqueue(text(JWT));
    server.enqueue(
        new MockResponse.Builder().headersDelay(30, TimeUnit.SECONDS).body(USER_JSON).build());
    try (OsaiClient client =
        OsaiClient.builder()
            .accessToken(TOKEN)
            .baseUrl(server.url("/api").toString())
            .timeout(1, TimeUnit.SECONDS)
            .build()) {
      OsaiIoException e =
          assertThrows(OsaiIoException.class, () -> client.users().getCurrentUser());

      assertEquals(
          "GET "
              + server.url("/api/Users")
              + " timed out: its timeout (1000 ms) passed; 1 attempt made (request id "
              + e.requestId()
              + ")",
          e.getMessage());
    }
  }

  @Test
  void theBlockingFormNamesTheReadTimeoutAndCountsTheAttempts() {
    server.enqueue(text(JWT));
    server.enqueue(
        new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body(USER_JSON).build());
    server.enqueue(
        new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body(USER_JSON).build());
    OsaiClient.Builder builder =
        OsaiClient.builder()
            .accessToken(TOKEN)
            .baseUrl(server.url("/api").toString())
            .readTimeout(200, TimeUnit.MILLISECONDS)
            .maxRetries(1);
    builder.sleeper = (nanos, canceled) -> {};
    try (OsaiClient client = builder.build()) {
      OsaiIoException e =
          assertThrows(OsaiIoException.class, () -> client.users().getCurrentUser());

      assertEquals(
          "GET "
              + server.url("/api/Users")
              + " timed out: readTimeout (200 ms) passed with the connection stalled; 2"
              + " attempts made (request id "
              + e.requestId()
              + ")",
          e.getMessage());
    }
  }

  @Test
  void theBlockingFormNamesTheSignInWait() {
    server.enqueue(new MockResponse.Builder().headersDelay(30, TimeUnit.SECONDS).body(JWT).build());
    try (OsaiClient client =
        OsaiClient.builder()
            .accessToken(TOKEN)
            .baseUrl(server.url("/api").toString())
            .timeout(1, TimeUnit.SECONDS)
            .build()) {
      OsaiIoException e =
          assertThrows(OsaiIoException.class, () -> client.users().getCurrentUser());

      assertTrue(
          e.getMessage()
              .contains(
                  "timed out: its timeout (1000 ms) passed while it waited for"
                      + " sign-in at "
                      + server.url("/api/")),
          e.getMessage());
    }
  }
}
