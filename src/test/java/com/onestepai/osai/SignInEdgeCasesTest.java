package com.onestepai.osai;

import static com.onestepai.osai.Fixtures.NOW_MILLIS;
import static com.onestepai.osai.Fixtures.TOKEN;
import static com.onestepai.osai.Fixtures.USER_JSON;
import static com.onestepai.osai.Fixtures.json;
import static com.onestepai.osai.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * What a sign-in answer can hold that a server should not send, and what the client makes of it:
 * nothing it cannot use is kept, nothing leaks, and no answer makes it sign in before every call.
 */
class SignInEdgeCasesTest {
  static final long IAT = NOW_MILLIS / 1000;
  static final String JWT = Fixtures.jwt("edge", IAT, 3600);

  @StartStop final MockWebServer server = new MockWebServer();
  final AtomicLong clock = new AtomicLong(NOW_MILLIS);

  OsaiClient.Builder builder() {
    OsaiClient.Builder builder =
        OsaiClient.builder().accessToken(TOKEN).baseUrl(server.url("/api").toString());
    builder.clock = clock::get;
    builder.sleeper = (nanos, canceled) -> {};
    return builder;
  }

  int taken;

  /** Sign-ins among the requests the server saw since the last look. */
  long signIns() throws InterruptedException {
    long count = 0;
    for (; taken < server.getRequestCount(); taken++) {
      RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
      if (request != null && request.getUrl().encodedPath().endsWith("/SignIn")) {
        count++;
      }
    }
    return count;
  }

  @Test
  void aDateHeaderWithNonAsciiTextIsIgnoredAndLeaksNoConnection() throws Exception {
    ConnectionPool pool = new ConnectionPool();
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "text/plain")
            .addHeaderLenient("Date", "Mié, 15 ene 2027 08:00:00 GMT")
            .body(JWT)
            .build());
    server.enqueue(json(200, USER_JSON));
    try (OsaiClient client =
        builder().okHttpClient(new OkHttpClient.Builder().connectionPool(pool).build()).build()) {
      assertEquals("OneStep AI", client.users().getCurrentUser().getUserName());
    }
    assertEquals(pool.connectionCount(), pool.idleConnectionCount(), "no connection is left busy");
  }

  @Test
  void aJwtWithAByteOrderMarkIsUsedWithoutIt() throws Exception {
    server.enqueue(text("\uFEFF" + JWT));
    server.enqueue(json(200, USER_JSON));
    try (OsaiClient client = builder().build()) {
      client.users().getCurrentUser();
    }
    server.takeRequest();
    assertEquals("Bearer " + JWT, server.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void aJwtWithACharacterNoHeaderMayCarryIsInvalidDataAndNotKept() throws Exception {
    String[] parts = JWT.split("\\.");
    String[] bad = {
      parts[0] + ".\u0001" + parts[1] + "." + parts[2], // a control character in the payload
      parts[0] + "\u00e9." + parts[1] + "." + parts[2], // non-ASCII in the header part
      parts[0] + "." + parts[1] + ".sig nature", // a space in the signature
      parts[0] + "." + parts[1] + ".sig+/=" // base64, not base64url
    };
    for (String jwt : bad) {
      server.enqueue(text(jwt));
      server.enqueue(text(jwt));
    }
    try (OsaiClient client = builder().maxRetries(0).build()) {
      for (String jwt : bad) {
        for (int call = 0; call < 2; call++) {
          OsaiInvalidDataException e =
              assertThrows(
                  OsaiInvalidDataException.class, () -> client.users().getCurrentUser(), jwt);
          assertFalse(e.getMessage().contains(parts[1]), e.getMessage());
        }
      }
    }
    assertEquals(2L * bad.length, signIns(), "each call signed in again: nothing was kept");
  }

  @Test
  void anAbsurdlyLateExpiryIsNotAnOverflow() throws Exception {
    for (String payload :
        new String[] {
          "{\"exp\":1e16}",
          "{\"exp\":9.3e15,\"iat\":" + IAT + "}",
          "{\"exp\":" + Long.MAX_VALUE + ",\"iat\":-9.2e18}",
          "{\"exp\":1e300,\"iat\":1e300}"
        }) {
      server.enqueue(text(Fixtures.jwt(payload)));
      for (int i = 0; i < 5; i++) {
        server.enqueue(json(200, USER_JSON));
      }
      try (OsaiClient client = builder().build()) {
        for (int i = 0; i < 5; i++) {
          client.users().getCurrentUser();
        }
      }
      assertEquals(1, signIns(), "5 calls, 1 sign-in, with " + payload);
    }
  }

  @Test
  void aFarFutureDateHeaderDoesNotMakeEveryCallSignIn() throws Exception {
    server.enqueue(
        text(JWT).newBuilder().setHeader("Date", "Fri, 31 Dec 9999 23:59:59 GMT").build());
    for (int i = 0; i < 5; i++) {
      server.enqueue(json(200, USER_JSON));
    }
    try (OsaiClient client = builder().build()) {
      for (int i = 0; i < 5; i++) {
        client.users().getCurrentUser();
      }
    }
    assertEquals(1, signIns());
  }

  @Test
  void aSignInAnswerThatIsNoJwtIsNeverRedactedFromLaterMessages() {
    server.enqueue(text("4"));
    server.enqueue(text(JWT));
    server.enqueue(json(404, "{\"title\":\"user 42 not found\"}"));
    try (OsaiClient client = builder().build()) {
      assertThrows(OsaiInvalidDataException.class, () -> client.users().getCurrentUser());
      NotFoundException e =
          assertThrows(NotFoundException.class, () -> client.users().getCurrentUser());
      assertTrue(e.getMessage().contains("user 42 not found"), e.getMessage());
      assertTrue(e.body().contains("user 42 not found"), e.body());
    }
  }

  /** Issue 17, item 13: the problem a refused sign-in answers is kept, trace id and all. */
  @Test
  void aRefusedSignInKeepsItsProblemDetails() {
    String problem =
        "{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.2\","
            + "\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"Token expired.\","
            + "\"traceId\":\"00-aaaabbbbccccddddeeeeffff00001111-2222333344445555-00\"}";
    server.enqueue(
        new MockResponse.Builder()
            .code(401)
            .addHeader("Content-Type", "application/problem+json")
            .body(problem)
            .build());
    try (OsaiClient client = builder().build()) {
      AccessTokenRejectedException e =
          assertThrows(AccessTokenRejectedException.class, () -> client.users().getCurrentUser());
      assertEquals(problem, e.body());
      assertTrue(e.problem() != null, "the problem is kept");
      assertEquals(
          "00-aaaabbbbccccddddeeeeffff00001111-2222333344445555-00", e.problem().traceId());
      assertEquals("Token expired.", e.problem().detail());
      assertTrue(
          e.getMessage().contains("traceId 00-aaaabbbbccccddddeeeeffff00001111"), e.getMessage());
    }
  }

  @Test
  void aRedirectFromSignInNamesNoJwtFromItsLocation() {
    server.enqueue(
        new MockResponse.Builder()
            .code(302)
            .addHeader("Location", "https://sso.example/cb?id_token=" + JWT)
            .build());
    try (OsaiClient client = builder().build()) {
      OsaiServiceException e =
          assertThrows(OsaiServiceException.class, () -> client.users().getCurrentUser());
      assertEquals(302, e.statusCode());
      assertFalse(e.getMessage().contains(JWT.split("\\.")[1]), e.getMessage());
      assertTrue(e.getMessage().contains("https://sso.example/cb"), e.getMessage());
      assertFalse(e.headers().toString().contains(JWT.split("\\.")[1]), e.headers().toString());
    }
  }

  @Test
  void aSharedClientsAuthenticatorIsNeverAskedAboutOsaisAnswers() throws Exception {
    java.util.List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
    OkHttpClient mine =
        new OkHttpClient.Builder()
            .authenticator(
                (route, response) -> {
                  asked.add(response.request().url().encodedPath());
                  return response
                      .request()
                      .newBuilder()
                      .header("Authorization", "Bearer the-apps-own-token")
                      .build();
                })
            .build();
    server.enqueue(json(401, "{}")); // sign-in refuses the token
    server.enqueue(text(JWT));
    server.enqueue(json(401, "{}")); // the API refuses the JWT: the session signs in again
    server.enqueue(text(JWT));
    server.enqueue(json(200, USER_JSON));
    try (OsaiClient client = builder().okHttpClient(mine).build()) {
      assertThrows(AccessTokenRejectedException.class, () -> client.users().getCurrentUser());
      assertEquals("OneStep AI", client.users().getCurrentUser().getUserName());
    }
    assertEquals(java.util.List.of(), asked);
    for (int i = 0; i < 5; i++) {
      String authorization = server.takeRequest().getHeaders().get("Authorization");
      assertFalse("Bearer the-apps-own-token".equals(authorization), "request " + i);
    }
  }
}
