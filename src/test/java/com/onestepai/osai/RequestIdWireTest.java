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
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.http.GET;

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

  /**
   * A client whose every call is one request: OkHttp's silent retry of a dropped connection off.
   */
  private OsaiClient onePerCall() {
    return client(
        b -> b.okHttpClient(new OkHttpClient.Builder().retryOnConnectionFailure(false).build()));
  }

  @Test
  void anIoFailureAfterTheRequestWentOutNamesWhatWasSent() throws Exception {
    OsaiClient once = onePerCall();
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

  @Test
  void aDerivedClientsIoFailureNamesWhatWasSent() throws Exception {
    // withOptions' header makes the call factory rebuild the request; the id rides on the call.
    OsaiClient once = onePerCall();
    try {
      OsaiClient team = once.withOptions(o -> o.header("X-Team", "vision"));
      server.enqueue(
          new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
      OsaiIoException e = assertThrows(OsaiIoException.class, () -> team.users().getCurrentUser());
      RecordedRequest call = takeCall();
      assertEquals("vision", call.getHeaders().get("X-Team"));
      String sent = call.getHeaders().get("traceparent");
      assertTrue(sent != null && TRACEPARENT.matcher(sent).matches(), String.valueOf(sent));
      assertEquals(sent, e.requestId());
    } finally {
      once.close();
    }
  }

  /** A caller's own interface whose method returns Retrofit's Call: no SDK adapter runs it. */
  interface RawCalls {
    @GET("Users")
    Call<ResponseBody> user();
  }

  @Test
  void callsNoAdapterRunsSendATraceparentOfTheirOwnBetweenTheAdaptersCalls() throws Exception {
    RawCalls raw = client.api(RawCalls.class);
    for (int i = 0; i < 4; i++) {
      server.enqueue(Fixtures.json(200, USER_JSON));
    }
    // All on this thread: the adapter hands each call its id on the thread that makes it, and a
    // call made without an adapter (here, or by clone()) must neither take nor leave one behind.
    String first = client.users().getCurrentUserWithResponse().requestId();
    Call<ResponseBody> bare = raw.user();
    try (ResponseBody body = bare.execute().body()) {
      assertTrue(body != null && body.string().contains("\"id\""));
    }
    try (ResponseBody body = bare.clone().execute().body()) {
      assertTrue(body != null);
    }
    String last = client.users().getCurrentUserWithResponse().requestId();

    String[] seen = new String[4];
    assertEquals(first, takeCall().getHeaders().get("traceparent"));
    for (int i = 1; i < 4; i++) {
      seen[i] = server.takeRequest().getHeaders().get("traceparent");
      assertTrue(seen[i] != null && TRACEPARENT.matcher(seen[i]).matches(), seen[i]);
    }
    assertTrue(first != null && TRACEPARENT.matcher(first).matches(), first);
    assertEquals(last, seen[3]);
    assertEquals(
        4, java.util.stream.Stream.of(first, seen[1], seen[2], seen[3]).distinct().count());
  }
}
