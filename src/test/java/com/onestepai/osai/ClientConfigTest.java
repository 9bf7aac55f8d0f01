package com.onestepai.osai;

import static com.onestepai.osai.Fixtures.TOKEN;
import static com.onestepai.osai.Fixtures.USER_JSON;
import static com.onestepai.osai.Fixtures.html;
import static com.onestepai.osai.Fixtures.json;
import static com.onestepai.osai.Fixtures.status;
import static com.onestepai.osai.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Builder options and what they change on the wire. */
class ClientConfigTest {
  static final String JWT = Fixtures.jwt("{\"sub\":\"config\"}");

  @StartStop final MockWebServer server = new MockWebServer();

  OsaiClient.Builder builder() {
    return OsaiClient.builder().accessToken(TOKEN).baseUrl(server.url("/api").toString());
  }

  @Test
  void backoffDoublesFromHalfASecondToEightWithUpToAQuarterJitter() {
    for (double random : new double[] {0.0, 0.999}) {
      List<Long> waits = new CopyOnWriteArrayList<>();
      OsaiClient.Builder builder = builder().maxRetries(6);
      builder.sleeper = (nanos, canceled) -> waits.add(TimeUnit.NANOSECONDS.toMillis(nanos));
      builder.random = () -> random;
      server.enqueue(text(JWT));
      for (int i = 0; i < 7; i++) {
        server.enqueue(html(503));
      }

      try (OsaiClient client = builder.build()) {
        assertThrows(InternalServerException.class, () -> client.users().getCurrentUser());
      }

      List<Long> full = List.of(500L, 1000L, 2000L, 4000L, 8000L, 8000L);
      for (int i = 0; i < full.size(); i++) {
        long wait = waits.get(i);
        assertTrue(
            wait <= full.get(i) && wait >= full.get(i) * 3 / 4 - 1,
            "wait " + i + " with random " + random + ": " + waits);
      }
      assertEquals(6, waits.size());
    }
  }

  @Test
  void aSuppliedAccessTokenIsReadAgainAtEachSignIn() throws Exception {
    Deque<String> tokens =
        new ArrayDeque<>(List.of("token-before-rotation", "token-after-rotation"));
    server.enqueue(text(JWT));
    server.enqueue(status(401)); // the JWT was revoked
    server.enqueue(text(JWT));
    server.enqueue(json(200, USER_JSON));

    try (OsaiClient client =
        OsaiClient.builder()
            .accessToken(tokens::poll)
            .baseUrl(server.url("/api").toString())
            .build()) {
      client.users().getCurrentUser();
    }

    assertEquals("\"token-before-rotation\"", server.takeRequest().getBody().utf8());
    server.takeRequest();
    assertEquals("\"token-after-rotation\"", server.takeRequest().getBody().utf8());
  }

  @Test
  void plainHttpIsRefusedOffLoopbackUnlessAllowed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                OsaiClient.builder()
                    .accessToken(TOKEN)
                    .baseUrl("http://app-eu.onestepai.com/api")
                    .build());
    assertTrue(e.getMessage().contains("plain http"), e.getMessage());
    assertTrue(e.getMessage().contains("allowInsecureHttp"), e.getMessage());

    for (String url :
        new String[] {
          "http://localhost:8080/api",
          "http://127.0.0.1/api",
          "http://127.10.0.3/",
          "http://[::1]:4010/",
          "https://app-eu.onestepai.com/api"
        }) {
      assertDoesNotThrow(
          () -> OsaiClient.builder().accessToken(TOKEN).baseUrl(url).build().close(), url);
    }
    assertDoesNotThrow(
        () ->
            OsaiClient.builder()
                .accessToken(TOKEN)
                .baseUrl("http://osai.internal/api")
                .allowInsecureHttp(true)
                .build()
                .close());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            OsaiClient.builder().accessToken(TOKEN).baseUrl("http://127.0.0.1.evil.com/").build());
  }

  @Test
  void negativeDurationsAndRetriesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> builder().maxRetries(-1));
    assertThrows(IllegalArgumentException.class, () -> builder().timeout(-1, TimeUnit.SECONDS));
    assertThrows(
        IllegalArgumentException.class, () -> builder().connectTimeout(-5, TimeUnit.MILLISECONDS));
    assertThrows(IllegalArgumentException.class, () -> builder().accessToken("  "));
    assertThrows(NullPointerException.class, () -> builder().accessToken((String) null));
  }

  @Test
  void osaiLogSetsTheLogLevel() {
    Map<String, String> env = new HashMap<>();
    env.put("OSAI_API_TOKEN", TOKEN);
    env.put("OSAI_URL", server.url("/api").toString());
    env.put("OSAI_LOG", "Headers");
    List<String> lines = new CopyOnWriteArrayList<>();
    server.enqueue(text(JWT));
    server.enqueue(json(200, USER_JSON));

    try (OsaiClient client = OsaiClient.fromEnv(env).logger(lines::add).build()) {
      client.users().getCurrentUser();
    }

    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("--> GET " + server.url("/api/Users"))),
        lines.toString());
    assertTrue(lines.contains("Authorization: ██"), lines.toString());
    assertTrue(
        lines.stream().noneMatch(l -> l.contains("OneStep AI")), "HEADERS logs no body: " + lines);
  }

  /** Issue 17, item 16: {@code debug} is what users type; no log level stops an application. */
  @Test
  void osaiLogDebugIsHeadersAndAnUnknownLevelWarnsInsteadOfFailing() {
    Map<String, String> env = new HashMap<>();
    env.put("OSAI_API_TOKEN", TOKEN);
    env.put("OSAI_URL", server.url("/api").toString());
    env.put("OSAI_LOG", " DEBUG ");
    List<String> lines = new CopyOnWriteArrayList<>();
    server.enqueue(text(JWT));
    server.enqueue(json(200, USER_JSON));
    try (OsaiClient client = OsaiClient.fromEnv(env).logger(lines::add).build()) {
      client.users().getCurrentUser();
    }
    assertTrue(lines.contains("Authorization: ██"), "debug logs headers: " + lines);
    assertTrue(lines.stream().noneMatch(l -> l.contains("OneStep AI")), "but no body: " + lines);

    java.util.logging.Logger jul = java.util.logging.Logger.getLogger("com.onestepai.osai");
    List<java.util.logging.LogRecord> warnings = new CopyOnWriteArrayList<>();
    java.util.logging.Handler handler =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord record) {
            warnings.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    jul.addHandler(handler);
    try {
      env.put("OSAI_LOG", "verbose");
      List<String> none = new CopyOnWriteArrayList<>();
      server.enqueue(text(JWT));
      server.enqueue(json(200, USER_JSON));
      try (OsaiClient client =
          assertDoesNotThrow(() -> OsaiClient.fromEnv(env).logger(none::add).build())) {
        client.users().getCurrentUser();
      }
      assertEquals(List.of(), none, "an unknown level logs nothing");
      assertEquals(1, warnings.size(), warnings.toString());
      assertEquals(java.util.logging.Level.WARNING, warnings.get(0).getLevel());
      assertEquals(
          "OSAI_LOG is \"verbose\", which is not a log level: HTTP logging stays off. Use none,"
              + " basic, headers or body (debug is read as headers).",
          warnings.get(0).getMessage());
    } finally {
      jul.removeHandler(handler);
    }
  }

  @Test
  void theCallersClientKeepsItsOwnTimeoutsAndInterceptors() {
    okhttp3.OkHttpClient mine =
        new okhttp3.OkHttpClient.Builder().readTimeout(1, TimeUnit.SECONDS).build();
    try (OsaiClient client =
        builder().okHttpClient(mine).readTimeout(45, TimeUnit.SECONDS).build()) {
      assertEquals(1000, mine.readTimeoutMillis(), "the caller's client is untouched");
      assertEquals(0, mine.interceptors().size());
    }
  }

  @Test
  void aTimeoutUnderOneMillisecondIsRefusedNotTurnedIntoNoLimit() {
    OsaiClient.Builder b = builder();
    for (String option : List.of("connectTimeout", "readTimeout", "timeout", "maxRetryAfter")) {
      Runnable tooSmall =
          () -> {
            switch (option) {
              case "connectTimeout" -> b.connectTimeout(500, TimeUnit.MICROSECONDS);
              case "readTimeout" -> b.readTimeout(1, TimeUnit.NANOSECONDS);
              case "timeout" -> b.timeout(java.time.Duration.ofNanos(999_999));
              default -> b.maxRetryAfter(500, TimeUnit.MICROSECONDS);
            }
          };
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, tooSmall::run);
      assertTrue(e.getMessage().startsWith(option + " too small"), e.getMessage());
    }
    IllegalArgumentException large =
        assertThrows(
            IllegalArgumentException.class, () -> b.timeout(java.time.Duration.ofDays(30)));
    assertTrue(large.getMessage().startsWith("timeout too large"), large.getMessage());
    NullPointerException missing =
        assertThrows(NullPointerException.class, () -> b.readTimeout((java.time.Duration) null));
    assertEquals("readTimeout == null", missing.getMessage());
    assertDoesNotThrow(() -> b.timeout(0, TimeUnit.SECONDS).timeout(1, TimeUnit.MILLISECONDS));
  }

  @Test
  void anAccessTokenTooShortToBeOneIsRefusedAtBuild() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> builder().accessToken("h").build().close());
    assertTrue(e.getMessage().contains("shorter than 8"), e.getMessage());
    assertFalse(e.getMessage().contains("\"h\""), "the message never repeats the token");

    Map<String, String> env = new HashMap<>();
    env.put("OSAI_API_TOKEN", "abc");
    IllegalArgumentException fromEnv =
        assertThrows(IllegalArgumentException.class, () -> OsaiClient.fromEnv(env).build());
    assertTrue(fromEnv.getMessage().startsWith("OSAI_API_TOKEN"), fromEnv.getMessage());
  }

  @Test
  void aBaseUrlOverridesTheRegionWhicheverComesFirst() {
    String custom = "https://example.com/api/";
    try (OsaiClient before =
            OsaiClient.builder().accessToken(TOKEN).baseUrl(custom).region(Region.US).build();
        OsaiClient after =
            OsaiClient.builder().accessToken(TOKEN).region(Region.US).baseUrl(custom).build();
        OsaiClient regionOnly = OsaiClient.builder().accessToken(TOKEN).region(Region.US).build()) {
      assertEquals(custom, before.baseUrl().toString());
      assertEquals(custom, after.baseUrl().toString());
      assertEquals(Region.US.baseUrl(), regionOnly.baseUrl().toString());
    }
  }

  @Test
  void fromEnvComposesWithTheBuilderAndNamesTheVariableInErrors() {
    Map<String, String> env = new HashMap<>();
    env.put("OSAI_API_TOKEN", TOKEN);
    env.put("OSAI_URL", "ftp://nowhere");
    IllegalArgumentException url =
        assertThrows(IllegalArgumentException.class, () -> OsaiClient.fromEnv(env).build());
    assertTrue(url.getMessage().startsWith("OSAI_URL"), url.getMessage());

    env.put("OSAI_URL", "http://osai.internal/api");
    IllegalArgumentException insecure =
        assertThrows(IllegalArgumentException.class, () -> OsaiClient.fromEnv(env).build());
    assertTrue(insecure.getMessage().startsWith("OSAI_URL"), insecure.getMessage());

    env.remove("OSAI_API_TOKEN");
    IllegalStateException token =
        assertThrows(IllegalStateException.class, () -> OsaiClient.fromEnv(env));
    assertTrue(token.getMessage().startsWith("OSAI_API_TOKEN"), token.getMessage());

    env.put("OSAI_API_TOKEN", TOKEN);
    env.put("OSAI_URL", server.url("/api").toString());
    try (OsaiClient client =
        OsaiClient.builder().fromEnv(env).timeout(5, TimeUnit.SECONDS).build()) {
      assertEquals(server.url("/api/"), client.baseUrl());
    }
  }

  @Test
  void theUserAgentNamesTheSdkAndJavaAfterTheCallersOwn() throws Exception {
    server.enqueue(text(JWT));
    server.enqueue(json(200, USER_JSON));
    server.enqueue(text(JWT));
    server.enqueue(json(200, USER_JSON));
    okhttp3.OkHttpClient mine =
        new okhttp3.OkHttpClient.Builder()
            .addInterceptor(
                chain ->
                    chain.proceed(
                        chain.request().newBuilder().header("User-Agent", "my-app/2.1").build()))
            .build();
    try (OsaiClient plain = builder().build();
        OsaiClient withMine = builder().okHttpClient(mine).build()) {
      plain.users().getCurrentUser();
      withMine.users().getCurrentUser();
    }
    String sdk = "osai-java/" + System.getProperty("osai.version");
    String java = "Java/" + System.getProperty("java.version");
    assertEquals(sdk + " " + java, server.takeRequest().getHeaders().get("User-Agent"));
    assertEquals(sdk + " " + java, server.takeRequest().getHeaders().get("User-Agent"));
    // Sign-in runs without the caller's interceptors (they never see the access token).
    assertEquals(sdk + " " + java, server.takeRequest().getHeaders().get("User-Agent"));
    assertEquals(
        "my-app/2.1 " + sdk + " " + java, server.takeRequest().getHeaders().get("User-Agent"));
  }

  @Test
  void aSharedClientsInterceptorsAndListenerNeverSeeSignIn() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    okhttp3.logging.HttpLoggingInterceptor appLogger =
        new okhttp3.logging.HttpLoggingInterceptor(seen::add);
    appLogger.setLevel(okhttp3.logging.HttpLoggingInterceptor.Level.BODY);
    okhttp3.logging.HttpLoggingInterceptor networkLogger =
        new okhttp3.logging.HttpLoggingInterceptor(line -> seen.add("network: " + line));
    networkLogger.setLevel(okhttp3.logging.HttpLoggingInterceptor.Level.BODY);
    okhttp3.OkHttpClient mine =
        new okhttp3.OkHttpClient.Builder()
            .addInterceptor(appLogger)
            .addNetworkInterceptor(networkLogger)
            .eventListener(
                new okhttp3.EventListener() {
                  @Override
                  public void callStart(okhttp3.Call call) {
                    seen.add("listener: " + call.request().url());
                  }
                })
            .build();
    server.enqueue(text(JWT));
    server.enqueue(json(200, USER_JSON));

    try (OsaiClient client = builder().okHttpClient(mine).build()) {
      client.users().getCurrentUser();
    }

    String all = String.join("\n", seen);
    assertFalse(all.contains(TOKEN), all);
    assertFalse(all.contains("SignIn"), all);
    String app = String.join("\n", seen.stream().filter(l -> !l.startsWith("network: ")).toList());
    assertFalse(
        app.contains(JWT.split("\\.")[1]), "the app interceptor never sees the JWT: " + app);
    // They do see the API call: the application interceptor before the SDK adds the JWT, the
    // network interceptor as it goes on the wire (Authorization included: README says so).
    assertTrue(all.contains("--> GET " + server.url("/api/Users")), all);
    assertTrue(all.contains("listener: " + server.url("/api/Users")), all);
  }

  @Test
  void retriesAndSignInsAreLoggedOneLineEachAtAnyLevelButNone() {
    for (LogLevel level : LogLevel.values()) {
      List<String> lines = new CopyOnWriteArrayList<>();
      OsaiClient.Builder builder = builder().logLevel(level).logger(lines::add);
      builder.sleeper = (nanos, canceled) -> {};
      builder.random = () -> 0;
      server.enqueue(text(JWT));
      server.enqueue(status(503));
      server.enqueue(json(200, USER_JSON));

      try (OsaiClient client = builder.build()) {
        client.users().getCurrentUser();
      }

      String base = server.url("/api/").toString();
      List<String> events =
          lines.stream().filter(l -> l.startsWith("retry ") || l.startsWith("sign-in ")).toList();
      if (level == LogLevel.NONE) {
        assertEquals(List.of(), lines);
        continue;
      }
      assertEquals(2, events.size(), level + ": " + lines);
      assertTrue(
          events.get(0).matches("sign-in at " + base + " succeeded in \\d+ ms"), events.get(0));
      assertEquals(
          "retry 1/2 of GET " + base + "Users in 500 ms after HTTP 503", events.get(1), level + "");
      assertTrue(lines.stream().noneMatch(l -> l.contains(TOKEN) || l.contains(JWT)), lines + "");
    }
  }
}
