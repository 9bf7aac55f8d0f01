package com.onestepai.osai.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.BadRequestException;
import com.onestepai.osai.OsaiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The upload bracket: {@code finishUploading} is sent exactly once, whatever the block did, and
 * never when the start failed. The server is a dispatcher that answers by path and records every
 * call; a latch holds the finish's answer where a test needs the finish in flight.
 */
class DatasetUploadTest {
  static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1cGxvYWQifQ.c2lnbmF0dXJl"; // no exp

  static final String START = "POST /api/Datasets/d-1/StartUploading";
  static final String FINISH = "POST /api/Datasets/d-1/FinishUploading?datasetUploadId=u-1";

  @StartStop final MockWebServer server = new MockWebServer();
  final List<String> calls = new CopyOnWriteArrayList<>();
  final CountDownLatch finishArrived = new CountDownLatch(1);
  final CountDownLatch signInArrived = new CountDownLatch(1);
  volatile CountDownLatch signInAnswer = new CountDownLatch(0);
  volatile int startCode = 200;
  volatile int finishCode = 200;
  volatile CountDownLatch finishAnswer = new CountDownLatch(0);
  OsaiClient client;

  @BeforeEach
  void serverAndClient() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            String target = request.getTarget();
            if (target.endsWith("/Users/SignIn")) {
              signInArrived.countDown();
              if (!signInAnswer.await(5, TimeUnit.SECONDS)) {
                return json(500, "");
              }
              return new MockResponse.Builder().body(JWT).build();
            }
            calls.add(request.getMethod() + " " + target);
            if (target.contains("/StartUploading")) {
              return json(startCode, "\"u-1\"");
            }
            if (target.contains("/FinishUploading")) {
              finishArrived.countDown();
              if (!finishAnswer.await(5, TimeUnit.SECONDS)) {
                return json(500, "");
              }
              return json(finishCode, "");
            }
            return json(404, "");
          }
        });
    client =
        OsaiClient.builder()
            .accessToken("upload-test-token")
            .baseUrl(server.url("/api").toString())
            .maxRetries(0)
            .build();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  @Test
  void aBlockThatCompletesIsFinishedOnce() {
    try (DatasetUpload upload = DatasetUpload.start(client, "d-1")) {
      assertEquals("u-1", upload.id());
      assertEquals("d-1", upload.datasetId());
      assertEquals(List.of(START), calls, "not finished inside the block");
    }

    assertEquals(List.of(START, FINISH), calls);
  }

  @Test
  void aBlockThatThrowsIsFinishedAndAFailedFinishIsSuppressedOntoItsException() {
    finishCode = 400;
    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () -> {
              try (DatasetUpload upload = DatasetUpload.start(client, "d-1")) {
                throw new IllegalStateException("the block failed");
              }
            });

    assertEquals("the block failed", thrown.getMessage());
    assertEquals(1, thrown.getSuppressed().length);
    assertInstanceOf(BadRequestException.class, thrown.getSuppressed()[0]);
    assertEquals(List.of(START, FINISH), calls);
  }

  @Test
  void aFailedFinishAfterANormalBlockIsThrown() {
    finishCode = 400;
    assertThrows(
        BadRequestException.class,
        () -> {
          try (DatasetUpload upload = DatasetUpload.start(client, "d-1")) {
            assertEquals("u-1", upload.id());
          }
        });
    assertEquals(List.of(START, FINISH), calls);
  }

  @Test
  void anInterruptedThreadStillFinishesAndKeepsItsInterrupt() {
    try {
      try (DatasetUpload upload = DatasetUpload.start(client, "d-1")) {
        Thread.currentThread().interrupt();
      }
      assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept");
    } finally {
      Thread.interrupted();
    }
    assertEquals(List.of(START, FINISH), calls);
  }

  @Test
  void anInterruptWhileTheFinishIsInFlightDoesNotStopIt() throws Exception {
    finishAnswer = new CountDownLatch(1);
    DatasetUpload upload = DatasetUpload.start(client, "d-1");
    CompletableFuture<Boolean> closer = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                upload.close();
                closer.complete(Thread.currentThread().isInterrupted());
              } catch (RuntimeException e) {
                closer.completeExceptionally(e);
              }
            });
    thread.start();
    // The finish is at the server, which holds its answer: interrupt the closing thread now.
    assertTrue(finishArrived.await(5, TimeUnit.SECONDS), "the finish reached the server");
    thread.interrupt();
    finishAnswer.countDown();

    assertTrue(closer.get(5, TimeUnit.SECONDS), "close() returned normally, the interrupt kept");
    assertEquals(List.of(START, FINISH), calls);
  }

  @Test
  void closeTwiceSendsOneFinish() {
    DatasetUpload upload = DatasetUpload.start(client, "d-1");
    upload.close();
    upload.close();
    assertSame(upload.finishAsync(), upload.finishAsync());

    assertEquals(List.of(START, FINISH), calls);
  }

  @Test
  void closeFromTwoThreadsAtOnceSendsOneFinishAndBothWaitForIt() throws Exception {
    finishAnswer = new CountDownLatch(1);
    DatasetUpload upload = DatasetUpload.start(client, "d-1");
    CyclicBarrier together = new CyclicBarrier(2);
    // Two threads of their own: the common pool may have a single thread on a 2-core machine.
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<CompletableFuture<Void>> closers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        closers.add(
            CompletableFuture.runAsync(
                () -> {
                  try {
                    together.await(5, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    throw new AssertionError(e);
                  }
                  upload.close();
                },
                threads));
      }
      assertTrue(finishArrived.await(5, TimeUnit.SECONDS), "the finish reached the server");
      assertTrue(closers.stream().noneMatch(CompletableFuture::isDone), "both wait for the answer");
      finishAnswer.countDown();

      CompletableFuture.allOf(closers.toArray(new CompletableFuture<?>[0]))
          .get(5, TimeUnit.SECONDS);
    } finally {
      threads.shutdownNow();
    }
    assertEquals(List.of(START, FINISH), calls);
  }

  @Test
  void aFailedStartSendsNoFinish() {
    startCode = 400;
    assertThrows(BadRequestException.class, () -> DatasetUpload.start(client, "d-1"));
    CompletionException async =
        assertThrows(
            CompletionException.class, () -> DatasetUpload.startAsync(client, "d-1").join());
    assertInstanceOf(BadRequestException.class, async.getCause());

    assertEquals(List.of(START, START), calls);
  }

  @Test
  void theAsyncFormStartsAndFinishes() throws Exception {
    DatasetUpload upload = DatasetUpload.startAsync(client, "d-1").get(5, TimeUnit.SECONDS);
    upload.finishAsync().get(5, TimeUnit.SECONDS);
    upload.close(); // already finished: nothing more is sent

    assertEquals(List.of(START, FINISH), calls);
  }

  /**
   * Issue 17, item 1: the caller gave up while sign-in was slow; the start still reached the server
   * and locked the dataset, so the SDK finishes it.
   */
  @Test
  void aStartTheCallerCancelledIsFinishedByTheSdk() throws Exception {
    signInAnswer = new CountDownLatch(1);
    CompletableFuture<DatasetUpload> started = DatasetUpload.startAsync(client, "d-1");
    assertTrue(signInArrived.await(5, TimeUnit.SECONDS), "sign-in in flight");

    assertTrue(started.cancel(true));
    signInAnswer.countDown();

    assertTrue(finishArrived.await(5, TimeUnit.SECONDS), "the SDK sent the finish");
    assertEquals(List.of(START, FINISH), calls);
  }

  @Test
  void aStartThatTimedOutForTheCallerIsFinishedByTheSdk() throws Exception {
    signInAnswer = new CountDownLatch(1);
    CompletableFuture<DatasetUpload> started =
        DatasetUpload.startAsync(client, "d-1").orTimeout(10, TimeUnit.MILLISECONDS);
    ExecutionException gaveUp =
        assertThrows(ExecutionException.class, () -> started.get(5, TimeUnit.SECONDS));
    assertInstanceOf(TimeoutException.class, gaveUp.getCause());
    signInAnswer.countDown();

    assertTrue(finishArrived.await(5, TimeUnit.SECONDS), "the SDK sent the finish");
    assertEquals(List.of(START, FINISH), calls);
  }

  /**
   * Issue 17, item 8: a shutdown hook closes the client while the block runs. New calls are
   * refused, but the bracket's finish still goes out.
   */
  @Test
  void closingTheClientInsideTheBlockStillFinishes() {
    try (DatasetUpload upload = DatasetUpload.start(client, "d-1")) {
      client.close();
      assertThrows(IllegalStateException.class, () -> client.datasets().startUploading("d-2"));
    }

    assertEquals(List.of(START, FINISH), calls);
  }

  @Test
  void closingTheClientBeforeAnAsyncFinishStillFinishes() throws Exception {
    DatasetUpload upload = DatasetUpload.startAsync(client, "d-1").get(5, TimeUnit.SECONDS);
    client.close();

    upload.finishAsync().get(5, TimeUnit.SECONDS);

    assertEquals(List.of(START, FINISH), calls);
  }
}
