package com.onestepai.osai;

import static com.onestepai.osai.Fixtures.TOKEN;
import static com.onestepai.osai.Fixtures.USER_JSON;
import static com.onestepai.osai.Fixtures.json;
import static com.onestepai.osai.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.model.User;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The async form as callers use it: their continuations, their ways of cancelling, and a client
 * closed under them. Every wait is on a latch or a future with a bound; nothing sleeps.
 */
@Timeout(30)
class AsyncFutureTest {
  static final String JWT = Fixtures.jwt("{\"sub\":\"async\"}");

  @StartStop final MockWebServer server = new MockWebServer();
  CountDownLatch canceled;

  /** A caller's client that counts down {@link #canceled} for each call OkHttp cancels. */
  OkHttpClient watched(int calls) {
    canceled = new CountDownLatch(calls);
    return new OkHttpClient.Builder()
        .eventListener(
            new EventListener() {
              @Override
              public void canceled(Call call) {
                canceled.countDown();
              }
            })
        .build();
  }

  OsaiClient.Builder builder() {
    return OsaiClient.builder().accessToken(TOKEN).baseUrl(server.url("/api").toString());
  }

  static MockResponse never() {
    return new MockResponse.Builder().headersDelay(60, TimeUnit.SECONDS).body(USER_JSON).build();
  }

  @Test
  void aTimedOutFuturesContinuationsDoNotRunOnTheWatchdogThread() throws Exception {
    server.enqueue(text(JWT));
    server.enqueue(never());
    server.enqueue(never());
    try (OsaiClient client = builder().timeout(300, TimeUnit.MILLISECONDS).build()) {
      CompletableFuture<String> firstThread = new CompletableFuture<>();
      CountDownLatch release = new CountDownLatch(1);
      // The caller's continuation blocks until the second call has timed out: if it ran on the
      // JVM's one Okio watchdog thread, no timeout could fire while it blocks.
      CompletableFuture<Object> first =
          client
              .users()
              .getCurrentUserAsync()
              .handle(
                  (user, failure) -> {
                    firstThread.complete(Thread.currentThread().getName());
                    try {
                      return release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                      throw new AssertionError(e);
                    }
                  });
      assertNotEquals("Okio Watchdog", firstThread.get(10, TimeUnit.SECONDS));

      CompletableFuture<User> second = client.users().getCurrentUserAsync();
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> second.get(10, TimeUnit.SECONDS));
      assertInstanceOf(OsaiIoException.class, e.getCause());
      release.countDown();
      assertEquals(true, first.get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void cancelWithoutInterruptCancelsTheHttpCall() throws Exception {
    server.enqueue(text(JWT));
    server.enqueue(never());
    try (OsaiClient client = builder().okHttpClient(watched(1)).build()) {
      CompletableFuture<User> future = client.users().getCurrentUserAsync();
      server.takeRequest(); // sign-in
      server.takeRequest(); // the /Users call is on the wire

      assertTrue(future.cancel(false)); // what Kotlin's CompletionStage.await() does

      assertTrue(canceled.await(10, TimeUnit.SECONDS), "OkHttp saw the call cancelled");
    }
  }

  @Test
  void orTimeoutCancelsTheHttpCall() throws Exception {
    server.enqueue(text(JWT));
    server.enqueue(never());
    server.enqueue(never());
    try (OsaiClient client = builder().okHttpClient(watched(2)).build()) {
      CompletableFuture<User> first =
          client.users().getCurrentUserAsync().orTimeout(100, TimeUnit.MILLISECONDS);
      CompletableFuture<User> second =
          client.users().getCurrentUserAsync().orTimeout(100, TimeUnit.MILLISECONDS);

      for (CompletableFuture<User> future : java.util.List.of(first, second)) {
        ExecutionException e =
            assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
        assertInstanceOf(TimeoutException.class, e.getCause());
      }
      assertTrue(canceled.await(10, TimeUnit.SECONDS), "OkHttp saw both calls cancelled");
    }
  }

  @Test
  void aClosedClientRefusesNewCallsInBothFormsAndLetsInFlightOnesFinish() throws Exception {
    CountDownLatch answer = new CountDownLatch(1);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            if (request.getUrl().encodedPath().endsWith("/SignIn")) {
              return text(JWT);
            }
            answer.await(10, TimeUnit.SECONDS);
            return json(200, USER_JSON);
          }
        });
    OsaiClient client = builder().build();
    com.onestepai.osai.api.UsersApi users = client.users(); // taken before close(), used after
    CompletableFuture<User> inFlight = users.getCurrentUserAsync();
    server.takeRequest(); // sign-in
    server.takeRequest(); // the call is on the wire, its answer held back

    client.close();
    answer.countDown();

    assertEquals("OneStep AI", inFlight.get(10, TimeUnit.SECONDS).getUserName());
    IllegalStateException blocking =
        assertThrows(IllegalStateException.class, users::getCurrentUser);
    assertEquals("OsaiClient is closed", blocking.getMessage());
    IllegalStateException async =
        assertThrows(IllegalStateException.class, users::getCurrentUserAsync);
    assertEquals("OsaiClient is closed", async.getMessage());
    assertThrows(IllegalStateException.class, client::users);
    assertEquals(2, server.getRequestCount(), "nothing was sent after close()");
  }

  @Test
  void aClosedClientThatNeverSignedInRefusesCallsTheSameWay() {
    OsaiClient client = builder().build();
    client.close();
    client.close(); // idempotent

    assertEquals(
        "OsaiClient is closed",
        assertThrows(IllegalStateException.class, () -> client.users().getCurrentUser())
            .getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void callsStartedBeforeCloseFinishEvenWhenTheyStillNeedASignInOrAreQueued() throws Exception {
    CountDownLatch answer = new CountDownLatch(1);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            answer.await(10, TimeUnit.SECONDS); // sign-in and the calls alike wait for close()
            return request.getUrl().encodedPath().endsWith("/SignIn")
                ? text(JWT)
                : json(200, USER_JSON);
          }
        });
    OsaiClient client = builder().build();
    // Seven calls to one host: five run (OkHttp's limit per host), two wait in its queue, and
    // all of them wait for the sign-in the first one started.
    java.util.List<CompletableFuture<User>> started = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      started.add(client.users().getCurrentUserAsync());
    }
    server.takeRequest(); // the sign-in is on the wire, its answer held back

    client.close();
    answer.countDown();

    for (CompletableFuture<User> call : started) {
      assertEquals("OneStep AI", call.get(10, TimeUnit.SECONDS).getUserName());
    }
  }

  @Test
  void anInterruptWhileWaitingForSignInIsAnIoFailureAndKeepsTheFlag() throws Exception {
    CountDownLatch answer = new CountDownLatch(1);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            answer.await(10, TimeUnit.SECONDS);
            return text(JWT);
          }
        });
    try (OsaiClient client = builder().build()) {
      CompletableFuture<Throwable> failure = new CompletableFuture<>();
      CompletableFuture<Boolean> flag = new CompletableFuture<>();
      Thread caller =
          new Thread(
              () -> {
                try {
                  client.users().getCurrentUser();
                } catch (Throwable t) {
                  failure.complete(t);
                }
                flag.complete(Thread.currentThread().isInterrupted());
              });
      caller.start();
      server.takeRequest(); // sign-in is on the wire: the caller waits for it

      caller.interrupt();

      assertInstanceOf(OsaiIoException.class, failure.get(10, TimeUnit.SECONDS));
      assertTrue(flag.get(10, TimeUnit.SECONDS), "the interrupt flag is kept");
      answer.countDown();
    }
  }
}
