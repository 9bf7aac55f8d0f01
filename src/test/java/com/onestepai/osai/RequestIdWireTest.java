package com.onestepai.osai;

import static com.onestepai.osai.Fixtures.USER_JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Issue 19 item 3: a W3C traceparent on every call, and the request id on errors. */
class RequestIdWireTest extends SignedInWireTest {
  private static final Pattern TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-00");

  @Test
  void everyCallSendsItsOwnTraceparentTheSameOnEachAttempt() throws Exception {
    OsaiClient retrying = client(b -> b.maxRetries(1));
    try {
      server.enqueue(Fixtures.status(503));
      server.enqueue(Fixtures.json(200, USER_JSON));
      server.enqueue(Fixtures.json(200, USER_JSON));
      retrying.users().getCurrentUser();
      retrying.users().getCurrentUserAsync().get(5, TimeUnit.SECONDS);

      String signIn = server.takeRequest().getHeaders().get("traceparent");
      String first = server.takeRequest().getHeaders().get("traceparent");
      String retried = server.takeRequest().getHeaders().get("traceparent");
      String second = server.takeRequest().getHeaders().get("traceparent");
      for (String id : new String[] {signIn, first, second}) {
        assertTrue(id != null && TRACEPARENT.matcher(id).matches(), String.valueOf(id));
      }
      assertEquals(first, retried, "a retry is the same call");
      assertNotEquals(first, second);
      assertNotEquals(signIn, first);
    } finally {
      retrying.close();
    }
  }

  @Test
  void aTraceparentTheCallersInstrumentationSetIsKept() throws Exception {
    String theirs = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    OkHttpClient instrumented =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain ->
                    chain.proceed(
                        chain.request().newBuilder().header("traceparent", theirs).build()))
            .build();
    OsaiClient traced = client(b -> b.okHttpClient(instrumented));
    try {
      server.enqueue(Fixtures.status(404));
      NotFoundException e =
          assertThrows(NotFoundException.class, () -> traced.users().getCurrentUser());

      RecordedRequest call = takeCall();
      assertEquals(
          java.util.Collections.singletonList(theirs), call.getHeaders().values("traceparent"));
      assertEquals(theirs, e.requestId());
    } finally {
      traced.close();
    }
  }

  @Test
  void theServersRequestIdWinsInItsOrder() throws Exception {
    server.enqueue(
        Fixtures.status(
            500, "X-Request-Id", "x-req-2", "Request-Id", "req-1", "X-Correlation-Id", "c-3"));
    InternalServerException e =
        assertThrows(InternalServerException.class, () -> client.users().getCurrentUser());
    assertEquals("req-1", e.requestId());
    assertTrue(e.getMessage().endsWith("(request id req-1)"), e.getMessage());

    server.enqueue(Fixtures.status(500, "X-Correlation-Id", "c-3"));
    assertEquals(
        "c-3",
        assertThrows(OsaiServiceException.class, () -> client.users().getCurrentUser())
            .requestId());
  }

  @Test
  void theProblemsTraceIdComesNextThenWhatWasSent() throws Exception {
    String traceId = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";
    server.enqueue(
        new MockResponse.Builder()
            .code(400)
            .addHeader("Content-Type", "application/problem+json")
            .body("{\"title\":\"Bad\",\"status\":400,\"traceId\":\"" + traceId + "\"}")
            .build());
    BadRequestException problem =
        assertThrows(BadRequestException.class, () -> client.users().getCurrentUser());
    assertEquals(traceId, problem.requestId());
    assertTrue(problem.getMessage().contains(traceId), problem.getMessage());

    server.enqueue(Fixtures.status(404));
    NotFoundException bare =
        assertThrows(NotFoundException.class, () -> client.users().getCurrentUser());
    takeCall();
    String sent = server.takeRequest().getHeaders().get("traceparent");
    assertEquals(sent, bare.requestId());
    assertTrue(bare.getMessage().endsWith("(request id " + sent + ")"), bare.getMessage());
  }

  @Test
  void anIoFailureAfterTheRequestWentOutNamesWhatWasSent() throws Exception {
    // OkHttp's own silent retry of a dropped connection off: each call is one request here.
    OsaiClient once =
        client(
            b ->
                b.okHttpClient(new OkHttpClient.Builder().retryOnConnectionFailure(false).build()));
    try {
      server.enqueue(
          new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
      OsaiIoException blocking =
          assertThrows(OsaiIoException.class, () -> once.users().getCurrentUser());
      String sent = takeCall().getHeaders().get("traceparent");
      assertEquals(sent, blocking.requestId());
      assertTrue(
          blocking.getMessage().endsWith("(request id " + sent + ")"), blocking.getMessage());

      server.enqueue(
          new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
      CompletionException async =
          assertThrows(CompletionException.class, () -> once.users().getCurrentUserAsync().join());
      OsaiIoException cause = (OsaiIoException) async.getCause();
      assertEquals(server.takeRequest().getHeaders().get("traceparent"), cause.requestId());
    } finally {
      once.close();
    }
  }

  @Test
  void aCallThatTimedOutWaitingForSignInSentNothingAndHasNoRequestId() {
    server.enqueue(Fixtures.json(200, USER_JSON));
    client.users().getCurrentUser(); // takes the sign-in answer queued for every test
    OsaiClient impatient = client(b -> b.timeout(300, TimeUnit.MILLISECONDS));
    try {
      server.enqueue(
          new MockResponse.Builder().headersDelay(30, TimeUnit.SECONDS).body("x").build());
      OsaiIoException e =
          assertThrows(OsaiIoException.class, () -> impatient.users().getCurrentUser());
      assertTrue(e.getMessage().contains("waited for sign-in"), e.getMessage());
      assertNull(e.requestId(), e.getMessage());
    } finally {
      impatient.close();
    }
  }

  @Test
  void aTimeoutNamesTheRequestId() throws Exception {
    OsaiClient impatient = client(b -> b.timeout(300, TimeUnit.MILLISECONDS));
    try {
      server.enqueue(
          new MockResponse.Builder().headersDelay(30, TimeUnit.SECONDS).body(USER_JSON).build());
      OsaiIoException e =
          assertThrows(OsaiIoException.class, () -> impatient.users().getCurrentUser());
      assertTrue(e.getMessage().contains("timeout (300 ms)"), e.getMessage());
      assertTrue(e.requestId() != null && TRACEPARENT.matcher(e.requestId()).matches());
      assertTrue(e.getMessage().endsWith("(request id " + e.requestId() + ")"), e.getMessage());
    } finally {
      impatient.close();
    }
  }
}
