package com.onestepai.osai;

import static com.onestepai.osai.Fixtures.USER_JSON;
import static com.onestepai.osai.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.growth.api.UploadsApi;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.RecordedRequest;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import retrofit2.http.Body;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;

/**
 * How an upload fails (issue 17, items 5, 6, 7 and 12, and a file that changes size): the call's
 * own typed failure, the stream closed, nothing uncaught, nothing logged or read twice.
 */
class UploadFailuresWireTest extends SignedInWireTest {
  static final String ANSWER = "{\"imageId\":\"i-1\",\"size\":4}";
  static final String SECOND_JWT = Fixtures.jwt("{\"sub\":\"second\"}");

  /** A file sent as the whole body, as to a presigned URL. */
  interface Blobs {
    @PUT("Blobs/{name}")
    Void put(@Path("name") String name, @Body UploadFile file);

    @POST("Blobs/{name}")
    Void post(@Path("name") String name, @Body UploadFile file);
  }

  /** A stream that says whether it was closed. */
  static final class TrackedStream extends ByteArrayInputStream {
    volatile boolean closed;

    TrackedStream(String content) {
      super(content.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  static UploadFile stream(TrackedStream in) {
    return UploadFile.of(in, -1, "s.png", "image/png");
  }

  @Test
  void a401ToAStreamUploadIsUnauthorizedAndTheNextCallSignsInAgain() throws Exception {
    server.enqueue(json(401, "{\"title\":\"JWT expired\"}"));
    server.enqueue(Fixtures.text(SECOND_JWT));
    server.enqueue(json(200, USER_JSON));
    TrackedStream in = new TrackedStream("PIXELS");

    UnauthorizedException e =
        assertThrows(
            UnauthorizedException.class,
            () -> client.api(UploadsApi.class).uploadImage("d-1", stream(in), List.of("c"), null));

    assertFalse(e instanceof AccessTokenRejectedException, e.toString());
    assertEquals("JWT expired", e.problem().title());
    assertTrue(in.closed);
    assertEquals("OneStep AI", client.users().getCurrentUser().getUserName());
    takeCall(); // the upload, sent once
    assertTrue(server.takeRequest().getTarget().endsWith("/SignIn"), "signed in again");
    RecordedRequest next = server.takeRequest();
    assertEquals("/api/Users", next.getTarget());
    assertEquals("Bearer " + SECOND_JWT, next.getHeaders().get("Authorization"));
  }

  @Test
  void aStreamIsClosedWhenTheCallFailsBeforeSendingIt() throws Exception {
    client.close();
    client = client(builder -> builder.accessToken(() -> "short")); // sign-in cannot even start
    UploadsApi uploads = client.api(UploadsApi.class);

    TrackedStream blocking = new TrackedStream("PIXELS");
    assertThrows(
        OsaiException.class,
        () -> uploads.uploadImage("d-1", stream(blocking), List.of("c"), null));
    assertTrue(blocking.closed, "blocking");

    TrackedStream async = new TrackedStream("PIXELS");
    CompletableFuture<?> future =
        uploads.uploadImageAsync("d-1", stream(async), List.of("c"), null);
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
    assertInstanceOf(OsaiException.class, e.getCause());
    assertTrue(async.closed, "async");

    client.close();
    TrackedStream closed = new TrackedStream("PIXELS");
    assertThrows(
        IllegalStateException.class,
        () -> uploads.uploadImage("d-1", stream(closed), List.of("c"), null));
    assertTrue(closed.closed, "closed client");
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aThrowingProgressCallbackFailsTheBlockingCallTyped() {
    IllegalStateException boom = new IllegalStateException("progress bar gone");
    UploadFile file =
        UploadFile.of(new byte[20_000], "big.bin", "application/octet-stream")
            .withProgress(
                (sent, total) -> {
                  if (sent > 0) {
                    throw boom;
                  }
                });

    OsaiException e =
        assertThrows(
            OsaiException.class,
            () -> client.api(UploadsApi.class).uploadImage("d-1", file, List.of("c"), null));

    assertSame(boom, e.getCause());
    assertTrue(e.getMessage().contains("progress callback of UploadFile{big.bin"), e.getMessage());
  }

  @Test
  void aThrowingProgressCallbackFailsTheFutureAndNothingIsUncaught() throws Exception {
    List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    ExecutorService threads =
        new ThreadPoolExecutor(
            0,
            4,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            runnable -> {
              Thread thread = new Thread(runnable, "dispatcher");
              thread.setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
              return thread;
            });
    OkHttpClient http = new OkHttpClient.Builder().dispatcher(new Dispatcher(threads)).build();
    client.close();
    client = client(builder -> builder.okHttpClient(http));
    server.enqueue(Fixtures.text(OsaiClientWireTest.JWT));
    IllegalStateException boom = new IllegalStateException("progress bar gone");
    UploadFile file =
        UploadFile.of(new byte[20_000], "big.bin", "application/octet-stream")
            .withProgress(
                (sent, total) -> {
                  if (sent > 0) {
                    throw boom;
                  }
                });

    CompletableFuture<?> future =
        client.api(UploadsApi.class).uploadImageAsync("d-1", file, List.of("c"), null);
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));

    assertEquals(OsaiException.class, e.getCause().getClass());
    assertSame(boom, e.getCause().getCause());
    threads.shutdown(); // a task that threw ends its thread: its handler has run once this is over
    assertTrue(threads.awaitTermination(5, TimeUnit.SECONDS));
    assertEquals(List.of(), uncaught);
  }

  @Test
  void aFileSentAsTheBodyIsNeitherLoggedNorReadTwice() throws Exception {
    client.close();
    client = client(builder -> builder.logLevel(LogLevel.BODY).logger(logLines::add));
    Blobs blobs = client.api(Blobs.class);
    server.enqueue(new mockwebserver3.MockResponse.Builder().code(200).build());
    server.enqueue(new mockwebserver3.MockResponse.Builder().code(200).build());
    List<String> progress = new CopyOnWriteArrayList<>();
    UploadFile file =
        UploadFile.of("SECRET-PIXELS".getBytes(StandardCharsets.US_ASCII), "a.png", "image/png")
            .withProgress((sent, total) -> progress.add(sent + "/" + total));

    blobs.put("a.png", file);
    blobs.post("a.png", file);

    assertEquals("SECRET-PIXELS", takeCall().getBody().utf8());
    assertEquals("SECRET-PIXELS", takeNext("POST").getBody().utf8());
    assertEquals(List.of("0/13", "13/13", "0/13", "13/13"), progress, "read once per call");
    String log = String.join("\n", logLines);
    assertFalse(log.contains("SECRET-PIXELS"), log);
    assertTrue(log.contains("--> body not logged (a file upload, streamed)"), log);
  }

  @Test
  void aFileThatChangedSizeFailsOnceWithAClearMessage() throws Exception {
    AtomicInteger waits = new AtomicInteger();
    client.close();
    client =
        client(
            builder -> {
              builder.maxRetries(2);
              builder.sleeper = (nanos, canceled) -> waits.incrementAndGet();
            });
    Blobs blobs = client.api(Blobs.class);
    File dir = Files.createTempDirectory("upload").toFile();
    File file = new File(dir, "photo.bin");
    try {
      Files.write(file.toPath(), new byte[10]);
      UploadFile upload = UploadFile.of(file);
      Files.write(file.toPath(), new byte[4]); // shrunk before the call

      OsaiException shrunk = assertThrows(OsaiException.class, () -> blobs.put("p", upload));

      assertFalse(shrunk instanceof OsaiIoException, shrunk.toString());
      assertEquals(
          "photo.bin changed size after its UploadFile was made: 10 bytes then, 4 now. Make a"
              + " new UploadFile once the file is complete.",
          shrunk.getMessage());

      Files.write(file.toPath(), new byte[30]); // grown
      OsaiException grown = assertThrows(OsaiException.class, () -> blobs.put("p", upload));
      assertTrue(grown.getMessage().contains("10 bytes then, more now"), grown.getMessage());
      assertEquals(0, waits.get(), "not retried as if the network had failed");
    } finally {
      file.delete();
      dir.delete();
    }
  }
}
