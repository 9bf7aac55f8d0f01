package com.onestepai.osai;

import static com.onestepai.osai.Fixtures.NOW_MILLIS;
import static com.onestepai.osai.Fixtures.TOKEN;
import static com.onestepai.osai.Fixtures.USER_JSON;
import static com.onestepai.osai.Fixtures.json;
import static com.onestepai.osai.Fixtures.jwt;
import static com.onestepai.osai.Fixtures.status;
import static com.onestepai.osai.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many threads, one session: sign-in is single-flight, shares its failure, and happens once per JWT
 * expiry however many calls are going on. Deterministic: a start barrier and latches order the
 * threads; the JWT's clock is injected and moved by the test, never slept on.
 */
class SessionConcurrencyTest {
  static final Pattern EXP = Pattern.compile("\"exp\":(\\d+)");

  @StartStop final MockWebServer server = new MockWebServer();
  final AtomicInteger signIns = new AtomicInteger();
  ExecutorService pool;

  @AfterEach
  void tearDown() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  OsaiClient client(AtomicLong clock) {
    // A pool as large as the thread count, as a caller running 200 threads would configure: each
    // thread keeps its connection instead of opening a new one per call.
    okhttp3.OkHttpClient pooled =
        new okhttp3.OkHttpClient.Builder()
            .connectionPool(new okhttp3.ConnectionPool(256, 1, TimeUnit.MINUTES))
            .build();
    OsaiClient.Builder builder =
        OsaiClient.builder()
            .accessToken(TOKEN)
            .baseUrl(server.url("/api").toString())
            .okHttpClient(pooled);
    builder.clock = clock::get;
    return builder.build();
  }

  /**
   * Returns once {@code count} threads wait in the session for a sign-in to land (their stacks are
   * in {@code Session.await}); fails after 10 s. A condition on the threads' state, not a guess at
   * how long they take to get there.
   */
  static void awaitSignInWaiters(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      long waiting =
          Thread.getAllStackTraces().values().stream()
              .filter(
                  stack ->
                      java.util.Arrays.stream(stack)
                          .anyMatch(
                              frame ->
                                  frame.getClassName().endsWith(".internal.Session")
                                      && frame.getMethodName().equals("await")))
              .count();
      if (waiting >= count) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(waiting + " of " + count + " callers wait for the sign-in");
      }
      Thread.sleep(1); // poll the condition; the outcome does not depend on the interval
    }
  }

  <T> List<T> runOnThreads(int threads, java.util.concurrent.Callable<T> task) throws Exception {
    pool = Executors.newFixedThreadPool(threads);
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      futures.add(
          pool.submit(
              () -> {
                start.await(10, TimeUnit.SECONDS);
                return task.call();
              }));
    }
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      results.add(future.get(60, TimeUnit.SECONDS));
    }
    return results;
  }

  @Test
  void sixtyFourColdThreadsShareOneSignIn() throws Exception {
    String jwt = jwt("cold", NOW_MILLIS / 1000, 3600);
    CountDownLatch allCalling = new CountDownLatch(64);
    AtomicInteger users = new AtomicInteger();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            if (request.getTarget().endsWith("/Users/SignIn")) {
              signIns.incrementAndGet();
              allCalling.await(10, TimeUnit.SECONDS); // answer once every thread has made its call
              return text(jwt);
            }
            users.incrementAndGet();
            return ("Bearer " + jwt).equals(request.getHeaders().get("Authorization"))
                ? json(200, USER_JSON)
                : status(401);
          }
        });

    try (OsaiClient client = client(new AtomicLong(NOW_MILLIS))) {
      List<String> ids =
          runOnThreads(
              64,
              () -> {
                allCalling.countDown();
                return client.users().getCurrentUser().getId();
              });

      assertEquals(64, ids.size());
      assertTrue(ids.stream().allMatch("Guid-Guid-Guid-Guid"::equals));
    }
    assertEquals(1, signIns.get(), "sign-ins");
    assertEquals(64, users.get(), "GET /Users");
  }

  @Test
  void aFailedSignInIsSharedByItsWaitersAndNotCached() throws Exception {
    AtomicInteger answer = new AtomicInteger(401);
    String jwt = jwt("retry", NOW_MILLIS / 1000, 3600);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            if (request.getTarget().endsWith("/Users/SignIn")) {
              signIns.incrementAndGet();
              if (answer.get() == 401) {
                // Fail only once all 16 callers wait for this sign-in: a latch counted down
                // before the call let a late caller arrive after the failure and sign in again.
                awaitSignInWaiters(16);
              }
              return answer.get() == 401 ? status(401) : text(jwt);
            }
            return json(200, USER_JSON);
          }
        });

    try (OsaiClient client = client(new AtomicLong(NOW_MILLIS))) {
      List<Throwable> failures =
          runOnThreads(
              16,
              () -> {
                try {
                  client.users().getCurrentUser();
                  return null;
                } catch (RuntimeException e) {
                  return e;
                }
              });
      failures.forEach(f -> assertInstanceOf(AccessTokenRejectedException.class, f));
      assertEquals(1, signIns.get(), "one sign-in, its failure shared by all 16 callers");

      answer.set(200);
      assertEquals("Guid-Guid-Guid-Guid", client.users().getCurrentUser().getId());
      assertEquals(2, signIns.get(), "the next call signed in again");
    }
  }

  /**
   * 200 threads make 50 calls each while the JWT expires every 2 s of the injected clock: after
   * every 1,000 finished calls the test moves the clock 2 s, between calls (a fair read-write lock
   * holds new calls back while it moves, so that no call is on the wire across a move). The server
   * mints JWTs from the same clock and answers 401 to an expired one. The client must replace each
   * JWT before using it expired: never a 401, one sign-in per expiry, 200 threads finding the JWT
   * stale at once after each move.
   */
  @Test
  void twoHundredThreadsSignInOncePerExpiry() throws Exception {
    AtomicLong clock = new AtomicLong(NOW_MILLIS);
    AtomicInteger rejected = new AtomicInteger();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            long nowSeconds = clock.get() / 1000;
            if (request.getTarget().endsWith("/Users/SignIn")) {
              signIns.incrementAndGet();
              return text(jwt("epoch-" + nowSeconds, nowSeconds, 2));
            }
            String bearer = request.getHeaders().get("Authorization");
            String payload = new String(Base64.getUrlDecoder().decode(bearer.split("\\.")[1]));
            Matcher exp = EXP.matcher(payload);
            if (!exp.find() || Long.parseLong(exp.group(1)) <= nowSeconds) {
              rejected.incrementAndGet();
              return status(401);
            }
            return json(200, USER_JSON);
          }
        });
    int threads = 200;
    int callsEach = 50;
    int moveEvery = 1000;
    AtomicInteger finished = new AtomicInteger();
    AtomicInteger moves = new AtomicInteger();
    ReentrantReadWriteLock calls = new ReentrantReadWriteLock(true);
    List<String> failureMessages = new CopyOnWriteArrayList<>();

    try (OsaiClient client = client(clock)) {
      runOnThreads(
          threads,
          () -> {
            for (int i = 0; i < callsEach; i++) {
              calls.readLock().lock();
              try {
                client.users().getCurrentUser();
              } catch (OsaiException e) {
                failureMessages.add(e.toString());
              } finally {
                calls.readLock().unlock();
              }
              int done = finished.incrementAndGet();
              if (done % moveEvery == 0 && done < threads * callsEach) {
                calls.writeLock().lock();
                try {
                  clock.addAndGet(2000);
                  moves.incrementAndGet();
                } finally {
                  calls.writeLock().unlock();
                }
              }
            }
            return null;
          });
    }
    assertEquals(List.of(), failureMessages, "failed calls");
    assertEquals(9, moves.get());
    assertEquals(0, rejected.get(), "calls sent with an expired JWT");
    assertEquals(moves.get() + 1, signIns.get(), "one sign-in at the start and one per expiry");
    System.out.printf(
        "200 threads x 50 calls: %d sign-ins for %d expiries, %d calls with an expired JWT%n",
        signIns.get(), moves.get(), rejected.get());
  }
}
