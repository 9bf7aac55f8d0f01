package com.onestepai.osai;

import static com.onestepai.osai.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.model.User;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the SDK puts on the wire and how it reads the answers, against MockWebServer. */
class OsaiClientWireTest {
  static final String TOKEN = "osai-access-token-canary";
  // A JWT without exp: used until the server answers 401.
  static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2ln";
  static final String USER_JSON = Fixtures.USER_JSON;

  @StartStop final MockWebServer server = new MockWebServer();
  OsaiClient client;

  @BeforeEach
  void setUp() {
    OsaiClient.Builder builder =
        OsaiClient.builder().accessToken(TOKEN).baseUrl(server.url("/api").toString());
    builder.sleeper =
        (nanos,
            canceled) -> {}; // retries without waiting; RetryInterceptor's tests cover the waits
    client = builder.build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  static MockResponse jwtAsText() {
    return Fixtures.text(JWT);
  }

  RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertTrue(request != null, "the server saw no request");
    return request;
  }

  @Test
  void signsInThenSendsTheJwtAndKeepsTheBasePath() throws Exception {
    server.enqueue(jwtAsText());
    server.enqueue(json(200, USER_JSON));

    User user = client.users().getCurrentUser();

    RecordedRequest signIn = take();
    assertEquals("POST", signIn.getMethod());
    assertEquals("/api/Users/SignIn", signIn.getTarget());
    assertEquals("\"" + TOKEN + "\"", signIn.getBody().utf8());
    assertEquals("application/json", signIn.getHeaders().get("Content-Type"));
    assertNull(signIn.getHeaders().get("Authorization"), "sign-in carries no Authorization");

    RecordedRequest users = take();
    assertEquals("GET", users.getMethod());
    assertEquals("/api/Users", users.getTarget());
    assertEquals(1, users.getHeaders().values("Authorization").size());
    assertEquals("Bearer " + JWT, users.getHeaders().get("Authorization"));

    assertEquals("Guid-Guid-Guid-Guid", user.getId());
    assertEquals("OneStep AI", user.getUserName());
    assertEquals("onestepai@email.com", user.getEmail());
    assertEquals(Integer.valueOf(1), user.getColorMode());
    assertEquals(Boolean.FALSE, user.getEnableTutorial());
  }

  @Test
  void acceptsTheJwtAsAJsonStringAndTrimsIt() throws Exception {
    server.enqueue(json(200, "\"" + JWT + "\\n\""));
    server.enqueue(json(200, USER_JSON));

    client.users().getCurrentUser();

    take();
    assertEquals("Bearer " + JWT, take().getHeaders().get("Authorization"));
  }

  @Test
  void acceptsTheJwtAsTextWithSurroundingWhitespace() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "text/plain")
            .body("  " + JWT + "\r\n")
            .build());
    server.enqueue(json(200, USER_JSON));

    client.users().getCurrentUser();

    take();
    assertEquals("Bearer " + JWT, take().getHeaders().get("Authorization"));
  }

  @Test
  void signsInOnceForManyCalls() throws Exception {
    server.enqueue(jwtAsText());
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(200, USER_JSON));
    }

    for (int i = 0; i < 3; i++) {
      client.users().getCurrentUser();
    }

    assertEquals("/api/Users/SignIn", take().getTarget());
    for (int i = 0; i < 3; i++) {
      assertEquals("/api/Users", take().getTarget());
    }
    assertEquals(4, server.getRequestCount());
  }

  @Test
  void escapesTheAccessTokenAsAJsonString() throws Exception {
    client.close();
    client =
        OsaiClient.builder()
            .accessToken("to\"ken-with\\escapes")
            .baseUrl(server.url("/api/").toString())
            .build();
    server.enqueue(jwtAsText());
    server.enqueue(json(200, USER_JSON));

    client.users().getCurrentUser();

    assertEquals("\"to\\\"ken-with\\\\escapes\"", take().getBody().utf8());
  }

  @Test
  void toleratesUnknownFieldsAndNulls() {
    server.enqueue(jwtAsText());
    server.enqueue(
        json(
            200,
            "{\"id\":\"x\",\"userName\":null,\"colorMode\":null,\"enableTutorial\":null,"
                + "\"newField\":{\"nested\":[1,2]},\"anotherNew\":\"v\"}"));

    User user = client.users().getCurrentUser();

    assertEquals("x", user.getId());
    assertNull(user.getUserName());
    assertNull(user.getColorMode());
    assertNull(user.getEnableTutorial());
    assertNull(user.getEmail());
  }

  @Test
  void asyncFormCompletesWithTheUser() throws Exception {
    server.enqueue(jwtAsText());
    server.enqueue(json(200, USER_JSON));

    User user = client.users().getCurrentUserAsync().get(5, TimeUnit.SECONDS);

    assertEquals("OneStep", user.getName());
    take();
    assertEquals("Bearer " + JWT, take().getHeaders().get("Authorization"));
  }

  @Test
  void serverErrorWithHtmlBodyIsAnInternalServerException() {
    server.enqueue(jwtAsText());
    for (int attempt = 0; attempt < 3; attempt++) { // the first try and 2 retries
      server.enqueue(
          new MockResponse.Builder()
              .code(500)
              .addHeader("Content-Type", "text/html")
              .body("<html><body><h1>500 Internal Server Error</h1></body></html>")
              .build());
    }

    InternalServerException e =
        assertThrows(InternalServerException.class, () -> client.users().getCurrentUser());

    assertEquals(500, e.statusCode());
    assertEquals("GET", e.method());
    assertEquals("/api/Users", e.url().encodedPath());
    assertEquals("text/html", e.headers().get("Content-Type"));
    assertTrue(e.body().contains("500 Internal Server Error"), e.body());
    assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
    assertEquals(4, server.getRequestCount());
  }

  @Test
  void anErrorBodyIsKeptToItsFirst8KiB() {
    server.enqueue(jwtAsText());
    server.enqueue(
        new MockResponse.Builder()
            .code(400)
            .addHeader("Content-Type", "text/plain")
            .body("xxx ".repeat(256 * 1024))
            .build());

    BadRequestException e =
        assertThrows(BadRequestException.class, () -> client.users().getCurrentUser());

    // Cut at 8 KiB, where a word ends ("xxx " * 2048), and marked as cut.
    assertEquals("xxx ".repeat(2048) + "…", e.body());
    assertTrue(
        e.getMessage().length() < 400, "the message holds a snippet: " + e.getMessage().length());
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aMegabyteBodyLoggedAtBodyLevelIsAnsweredWithinTheCallsDeadline() {
    // A cursor that is base64url JSON: "eyJ" every 12 characters, no dot, about 1 MB. Redacting
    // the logged body once took minutes, far past the call's deadline.
    String cursor = "eyJpZCI6MX0s".repeat(85_000);
    List<String> logs = new CopyOnWriteArrayList<>();
    server.enqueue(jwtAsText());
    server.enqueue(
        json(
            200,
            USER_JSON.replace(
                "}", ",\"cursor\":\"" + cursor + "\",\"echo\":\"Bearer " + JWT + "\"}")));

    try (OsaiClient logged =
        OsaiClient.builder()
            .accessToken(TOKEN)
            .baseUrl(server.url("/api").toString())
            .logLevel(LogLevel.BODY)
            .logger(logs::add)
            .timeout(5, TimeUnit.SECONDS)
            .build()) {
      assertEquals("OneStep AI", logged.users().getCurrentUser().getUserName());
    }

    assertTrue(logs.stream().anyMatch(line -> line.contains(cursor)), "the body was logged");
    assertTrue(logs.stream().noneMatch(line -> line.contains(JWT)), "the JWT was not");
  }

  /** An access token none of whose starts is found in a URL or a class name. */
  static final String CANARY = "qz-canary-access-token-7f3a";

  OsaiClient clientWith(String token) {
    client.close();
    client = OsaiClient.builder().accessToken(token).baseUrl(server.url("/api").toString()).build();
    return client;
  }

  @Test
  void theAccessTokenStraddlingTheErrorBodyLimitLeavesNoPartOfIt() {
    clientWith(CANARY);
    server.enqueue(jwtAsText());
    String before = "x ".repeat(4091); // 8182 characters: the token straddles 8 KiB
    server.enqueue(
        new MockResponse.Builder()
            .code(400)
            .addHeader("Content-Type", "text/plain")
            .body(before + CANARY + " and more".repeat(1000))
            .build());

    BadRequestException e =
        assertThrows(BadRequestException.class, () -> client.users().getCurrentUser());

    assertNoPartOf(CANARY, e.body());
    assertNoPartOf(CANARY, e.getMessage());
    assertNoPartOf(CANARY, e.toString());
    assertTrue(e.body().startsWith(before), e.body());
  }

  @Test
  void theAccessTokenStraddlingTheInvalidDataSnippetLeavesNoPartOfIt() {
    clientWith(CANARY);
    server.enqueue(jwtAsText());
    String before = "<html>" + "x ".repeat(52); // 110 characters: the token straddles 120
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "text/html")
            .body(before + CANARY + " rest of the page</html>")
            .build());

    OsaiInvalidDataException e =
        assertThrows(OsaiInvalidDataException.class, () -> client.users().getCurrentUser());

    for (Throwable t = e; t != null; t = t.getCause()) {
      assertNoPartOf(CANARY, String.valueOf(t.getMessage()));
      assertNoPartOf(CANARY, t.toString());
    }
    assertTrue(e.getMessage().contains(before.trim()), e.getMessage());
  }

  /** Fails if {@code text} holds any start of {@code secret} of 4 characters or more. */
  static void assertNoPartOf(String secret, String text) {
    for (int n = 4; n <= secret.length(); n++) {
      String part = secret.substring(0, n);
      assertFalse(text.contains(part), () -> "holds \"" + part + "\": " + text);
    }
  }

  @Test
  void rateLimitExceptionSaysHowLongTheServerAskedToWait() {
    server.enqueue(jwtAsText());
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build());

    RateLimitException e =
        assertThrows(RateLimitException.class, () -> client.users().getCurrentUser());

    assertEquals(3_600_000, e.retryAfterMillis());
  }

  @Test
  void anErrorBodyCutShortKeepsTheStatus() {
    server.enqueue(jwtAsText());
    server.enqueue(
        new MockResponse.Builder()
            .code(400)
            .addHeader("Content-Type", "text/plain")
            .body("partial error text" + " ".repeat(64 * 1024))
            .onResponseBody(new mockwebserver3.SocketEffect.CloseSocket())
            .build());

    BadRequestException e =
        assertThrows(BadRequestException.class, () -> client.users().getCurrentUser());

    assertTrue(e.body().startsWith("partial error text"), e.body());
  }

  @Test
  void unauthorizedUserCallIsAnUnauthorizedException() {
    server.enqueue(jwtAsText());
    server.enqueue(json(401, "{\"message\":\"expired\"}"));
    server.enqueue(jwtAsText());
    server.enqueue(json(401, "{\"message\":\"expired\"}"));

    UnauthorizedException e =
        assertThrows(UnauthorizedException.class, () -> client.users().getCurrentUser());

    assertFalse(e instanceof AccessTokenRejectedException);
    assertEquals(401, e.statusCode());
    assertTrue(e.body().contains("expired"));
  }

  @Test
  void signInRefusedIsAnAccessTokenRejectedExceptionWithoutTheToken() {
    server.enqueue(new MockResponse.Builder().code(401).body("invalid token " + TOKEN).build());

    AccessTokenRejectedException e =
        assertThrows(AccessTokenRejectedException.class, () -> client.users().getCurrentUser());

    assertEquals(401, e.statusCode());
    assertTrue(e.getMessage().contains(server.url("/api/").toString()), e.getMessage());
    assertTrue(e.getMessage().contains("Settings"), e.getMessage());
    assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    assertFalse(e.body().contains(TOKEN), e.body());
    assertFalse(e.toString().contains(TOKEN));
    assertEquals(1, server.getRequestCount(), "the /Users call never went out");
  }

  @Test
  void asyncFailureCompletesExceptionallyWithTheSameType() {
    server.enqueue(jwtAsText());
    server.enqueue(json(404, "{}"));

    CompletionException e =
        assertThrows(CompletionException.class, () -> client.users().getCurrentUserAsync().join());

    NotFoundException cause = assertInstanceOf(NotFoundException.class, e.getCause());
    assertEquals(404, cause.statusCode());
  }

  @Test
  void asyncSignInFailureCompletesWithTheTokenRejection() {
    server.enqueue(new MockResponse.Builder().code(401).build());

    CompletionException e =
        assertThrows(CompletionException.class, () -> client.users().getCurrentUserAsync().join());

    assertInstanceOf(AccessTokenRejectedException.class, e.getCause());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void cancellingTheFutureCancelsTheHttpCall() throws Exception {
    java.util.concurrent.CountDownLatch canceled = new java.util.concurrent.CountDownLatch(1);
    okhttp3.OkHttpClient watched =
        new okhttp3.OkHttpClient.Builder()
            .eventListener(
                new okhttp3.EventListener() {
                  @Override
                  public void canceled(okhttp3.Call call) {
                    canceled.countDown();
                  }
                })
            .build();
    client.close();
    client =
        OsaiClient.builder()
            .accessToken(TOKEN)
            .baseUrl(server.url("/api").toString())
            .okHttpClient(watched)
            .build();
    server.enqueue(jwtAsText());
    server.enqueue(
        new MockResponse.Builder().headersDelay(30, TimeUnit.SECONDS).body(USER_JSON).build());
    java.util.concurrent.CompletableFuture<User> future = client.users().getCurrentUserAsync();
    take(); // sign-in
    take(); // the /Users request is on the wire

    // Regression: cancelling the call used to fail the future before it could be cancelled.
    assertTrue(
        future.cancel(true),
        () -> "already done: " + future.handle((u, t) -> u + " / " + t).join());

    assertTrue(canceled.await(5, TimeUnit.SECONDS), "OkHttp saw the call cancelled");
    assertThrows(java.util.concurrent.CancellationException.class, future::join);
  }

  @Test
  void htmlWhereJsonWasExpectedIsInvalidData() {
    server.enqueue(jwtAsText());
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "text/html")
            .body("<html>captive portal</html>")
            .build());

    OsaiInvalidDataException e =
        assertThrows(OsaiInvalidDataException.class, () -> client.users().getCurrentUser());

    assertTrue(e.getMessage().contains("User"), e.getMessage());
    assertTrue(e.getMessage().contains("text/html"), e.getMessage());
    assertTrue(e.getMessage().contains("captive portal"), e.getMessage());
  }

  /**
   * Issue 17, item 14: the message shows the start of the body and where parsing failed, in the
   * SDK's words: never Moshi's advice to call setLenient, never only what was left.
   */
  @Test
  void invalidDataShowsTheStartOfTheBodyAndWhereParsingFailed() {
    server.enqueue(jwtAsText());
    server.enqueue(json(200, "{\"id\":\"x\",\"userName\":\"On"));
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "text/html")
            .body("<html>captive portal</html>")
            .build());
    server.enqueue(json(200, "{\"id\":\"x\",\"enableTutorial\":\"yes\"}"));
    String users = "GET " + server.url("/api/Users") + " succeeded but answered ";

    OsaiInvalidDataException truncated =
        assertThrows(OsaiInvalidDataException.class, () -> client.users().getCurrentUser());
    assertEquals(
        users
            + "a body that is not a valid User: the JSON ends early, at path $.userName (byte 24 of"
            + " 24), as if cut short. Content-Type: application/json; charset=utf-8, starting:"
            + " {\"id\":\"x\",\"userName\":\"On",
        withoutRequestId(truncated.getMessage()));

    OsaiInvalidDataException html =
        assertThrows(OsaiInvalidDataException.class, () -> client.users().getCurrentUser());
    assertEquals(
        users
            + "a body that is not a valid User: malformed JSON at path $ (byte 0 of 27)."
            + " Content-Type: text/html, starting: <html>captive portal</html>",
        withoutRequestId(html.getMessage()));

    OsaiInvalidDataException wrongType =
        assertThrows(OsaiInvalidDataException.class, () -> client.users().getCurrentUser());
    assertTrue(
        withoutRequestId(wrongType.getMessage())
            .endsWith(
                " Content-Type: application/json; charset=utf-8, starting:"
                    + " {\"id\":\"x\",\"enableTutorial\":\"yes\"}"),
        wrongType.getMessage());
    assertTrue(
        wrongType.getMessage().contains("at path $.enableTutorial (byte "), wrongType.getMessage());
    for (OsaiInvalidDataException e : List.of(truncated, html, wrongType)) {
      assertFalse(e.getMessage().contains("setLenient"), e.getMessage());
      assertTrue(
          e.getMessage().matches("(?s).* \\(request id 00-[0-9a-f-]{52}\\)"), e.getMessage());
    }
  }

  /** A message without the request id that ends it (RequestIdWireTest tests that). */
  private static String withoutRequestId(String message) {
    return message.replaceFirst(" \\(request id 00-[0-9a-f-]{52}\\)$", "");
  }

  @Test
  void transportFailureIsAnOsaiIoException() throws Exception {
    int port = server.getPort();
    server.close();
    OsaiClient.Builder builder =
        OsaiClient.builder().accessToken(TOKEN).baseUrl("http://127.0.0.1:" + port + "/api");
    builder.sleeper = (nanos, canceled) -> {};
    OsaiClient closedServer = builder.build();

    OsaiIoException e =
        assertThrows(OsaiIoException.class, () -> closedServer.users().getCurrentUser());

    assertTrue(e.getMessage().contains("/api/Users/SignIn"), e.getMessage());
    closedServer.close();
  }

  @Test
  void signInAnsweringAMalformedJwtIsInvalidData() {
    server.enqueue(new MockResponse.Builder().body("not-a-jwt").build());

    OsaiInvalidDataException e =
        assertThrows(OsaiInvalidDataException.class, () -> client.users().getCurrentUser());

    assertTrue(e.getMessage().contains("JWT"), e.getMessage());
    assertFalse(
        e.getMessage().contains("not-a-jwt"), "the body may be a secret: " + e.getMessage());
  }

  @Test
  void buildRejectsAMissingTokenAndSaysHowToFixIt() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> OsaiClient.builder().build());
    assertTrue(e.getMessage().contains("accessToken"), e.getMessage());
    assertTrue(e.getMessage().contains("OSAI_API_TOKEN"), e.getMessage());
  }

  @Test
  void buildRejectsAMalformedUrlAndSaysWhatWouldWork() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                OsaiClient.builder()
                    .accessToken(TOKEN)
                    .baseUrl("app-eu.onestepai.com/api")
                    .build());
    assertTrue(e.getMessage().contains("app-eu.onestepai.com/api"), e.getMessage());
    assertTrue(e.getMessage().contains("https://app-eu.onestepai.com/api/"), e.getMessage());
  }

  @Test
  void regionSetsTheBaseUrl() {
    try (OsaiClient us = OsaiClient.builder().accessToken(TOKEN).region(Region.US).build();
        OsaiClient eu = OsaiClient.builder().accessToken(TOKEN).build()) {
      assertEquals("https://app-us.onestepai.com/api/", us.baseUrl().toString());
      assertEquals("https://app-eu.onestepai.com/api/", eu.baseUrl().toString());
    }
  }

  @Test
  void fromEnvReadsTokenAndUrl() {
    java.util.Map<String, String> env = new java.util.HashMap<>();
    env.put("OSAI_API_TOKEN", TOKEN);
    env.put("OSAI_URL", "https://app-us.onestepai.com/api");
    try (OsaiClient fromEnv = OsaiClient.fromEnv(env).build()) {
      assertEquals("https://app-us.onestepai.com/api/", fromEnv.baseUrl().toString());
    }
    env.remove("OSAI_URL");
    try (OsaiClient fromEnv = OsaiClient.fromEnv(env).build()) {
      assertEquals(Region.EU.baseUrl(), fromEnv.baseUrl().toString());
    }
    env.put("OSAI_LOG", "loud"); // warned about, never fatal (ClientConfigTest)
    try (OsaiClient fromEnv = OsaiClient.fromEnv(env).build()) {
      assertEquals(Region.EU.baseUrl(), fromEnv.baseUrl().toString());
    }
    env.remove("OSAI_API_TOKEN");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> OsaiClient.fromEnv(env));
    assertTrue(e.getMessage().contains("OSAI_API_TOKEN"));
  }

  @Test
  void noSecretInToStrings() {
    server.enqueue(jwtAsText());
    server.enqueue(json(200, USER_JSON));
    client.users().getCurrentUser();

    String all = client.toString() + client.users().toString();
    assertFalse(all.contains(TOKEN), all);
    assertFalse(all.contains(JWT), all);
  }
}
