package com.onestepai.osai;

import static com.onestepai.osai.Fixtures.NOW_MILLIS;
import static com.onestepai.osai.Fixtures.TOKEN;
import static com.onestepai.osai.Fixtures.USER_JSON;
import static com.onestepai.osai.Fixtures.html;
import static com.onestepai.osai.Fixtures.httpDate;
import static com.onestepai.osai.Fixtures.json;
import static com.onestepai.osai.Fixtures.jwt;
import static com.onestepai.osai.Fixtures.status;
import static com.onestepai.osai.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.onestepai.osai.model.User;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a call can go wrong, one row each: what the server answers, the typed outcome the
 * caller gets, how many requests the server saw, and (where it matters) the waits between retries.
 * The same rows run again with logging at BODY level to prove no secret leaks.
 *
 * <p>Waits are recorded by an injected sleeper, not slept; the wall clock is fixed at {@link
 * Fixtures#NOW_MILLIS}; jitter is off. Only the deadline row uses real time.
 */
class FaultMatrixTest {
  static final long IAT = NOW_MILLIS / 1000;
  static final String JWT = jwt("matrix-user", IAT, 3600);
  static final String JWT_2 = jwt("matrix-user-2", IAT, 3600);
  static final String JWT_NO_EXP = jwt("{\"sub\":\"no-exp\"}");
  static final String JWT_EXPIRED = jwt("expired", IAT - 7200, 3600);
  static final String JWT_EXPIRED_2 = jwt("expired-2", IAT - 7200, 3600);
  static final List<String> SECRETS =
      List.of(TOKEN, JWT, JWT_2, JWT_NO_EXP, JWT_EXPIRED, JWT_EXPIRED_2);

  static final Function<OsaiClient, Object> GET_USER = c -> c.users().getCurrentUser();
  static final Function<OsaiClient, Object> GET_USER_TWICE =
      c -> {
        c.users().getCurrentUser();
        return c.users().getCurrentUser();
      };

  /** A non-idempotent operation, for the rows that prove POSTs are not retried. */
  interface WriteApi {
    @retrofit2.http.POST("Things")
    User create(@retrofit2.http.Body User body);
  }

  static final Function<OsaiClient, Object> POST_THING =
      c -> c.api(WriteApi.class).create(User.builder().name("x").build());

  @StartStop final MockWebServer server = new MockWebServer();

  record Row(
      String name,
      List<MockResponse> answers,
      Function<OsaiClient, Object> call,
      Class<?> outcome,
      int requests,
      long[] waitsMillis,
      Consumer<OsaiClient.Builder> config) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Row row(String name, Class<?> outcome, int requests, MockResponse... answers) {
    return new Row(name, List.of(answers), GET_USER, outcome, requests, null, b -> {});
  }

  static Row row(
      String name, Class<?> outcome, int requests, long[] waits, MockResponse... answers) {
    return new Row(name, List.of(answers), GET_USER, outcome, requests, waits, b -> {});
  }

  static Row calling(Row row, Function<OsaiClient, Object> call) {
    return new Row(
        row.name, row.answers, call, row.outcome, row.requests, row.waitsMillis, row.config);
  }

  static Row configured(Row row, Consumer<OsaiClient.Builder> config) {
    return new Row(
        row.name, row.answers, row.call, row.outcome, row.requests, row.waitsMillis, config);
  }

  static long[] waits(long... millis) {
    return millis;
  }

  static MockResponse jwtText() {
    return text(JWT);
  }

  static MockResponse user() {
    return json(200, USER_JSON);
  }

  static MockResponse resetMidBody() {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body(USER_JSON + " ".repeat(64 * 1024))
        .onResponseBody(new SocketEffect.CloseSocket())
        .build();
  }

  static Stream<Row> rows() {
    return Stream.of(
        row("success", User.class, 2, waits(), jwtText(), user()),
        configured(
            row(
                "connection refused: sign-in tried 3 times",
                OsaiIoException.class,
                0,
                waits(500, 1000)),
            b -> b.baseUrl("http://127.0.0.1:1/api")),
        row(
            "reset mid-body, then 200",
            User.class,
            3,
            waits(500),
            jwtText(),
            resetMidBody(),
            user()),
        row(
            "reset mid-body every time",
            OsaiIoException.class,
            4,
            waits(500, 1000),
            jwtText(),
            resetMidBody(),
            resetMidBody(),
            resetMidBody()),
        configured(
            row(
                "slow headers past the deadline",
                OsaiIoException.class,
                2,
                waits(),
                jwtText(),
                new MockResponse.Builder()
                    .headersDelay(10, TimeUnit.SECONDS)
                    .body(USER_JSON)
                    .build()),
            b -> b.timeout(300, TimeUnit.MILLISECONDS)),
        // OkHttp itself repeats a request once, at once, after a 408 (RFC 9110 allows it).
        row("408, then 200", User.class, 3, waits(), jwtText(), status(408), user()),
        row(
            "429 Retry-After: 3 (seconds), then 200",
            User.class,
            3,
            waits(3000),
            jwtText(),
            status(429, "Retry-After", "3"),
            user()),
        row(
            "429 Retry-After: an HTTP date 5 s ahead, then 200",
            User.class,
            3,
            waits(5000),
            jwtText(),
            status(429, "Retry-After", httpDate(NOW_MILLIS + 5000)),
            user()),
        row(
            "429 without Retry-After, three times",
            RateLimitException.class,
            4,
            waits(500, 1000),
            jwtText(),
            status(429),
            status(429),
            status(429)),
        row(
            "429 Retry-After beyond the cap (3600 s)",
            RateLimitException.class,
            2,
            waits(),
            jwtText(),
            status(429, "Retry-After", "3600")),
        configured(
            row(
                "429 Retry-After longer than the time left",
                RateLimitException.class,
                2,
                waits(),
                jwtText(),
                status(429, "Retry-After", "30")),
            b -> b.timeout(5, TimeUnit.SECONDS)),
        row(
            "500 with an HTML body, three times",
            InternalServerException.class,
            4,
            waits(500, 1000),
            jwtText(),
            html(500),
            html(500),
            html(500)),
        row(
            "502 with an HTML body, then 200",
            User.class,
            3,
            waits(500),
            jwtText(),
            html(502),
            user()),
        row(
            "503 with an HTML body, three times",
            InternalServerException.class,
            4,
            waits(500, 1000),
            jwtText(),
            html(503),
            html(503),
            html(503)),
        row(
            "504 with an HTML body, three times",
            InternalServerException.class,
            4,
            waits(500, 1000),
            jwtText(),
            html(504),
            html(504),
            html(504)),
        configured(
            row(
                "503 with retries off",
                InternalServerException.class,
                2,
                waits(),
                jwtText(),
                html(503)),
            b -> b.maxRetries(0)),
        row("400 is not retried", BadRequestException.class, 2, waits(), jwtText(), status(400)),
        row(
            "403 is not retried",
            PermissionDeniedException.class,
            2,
            waits(),
            jwtText(),
            status(403)),
        row("404 is not retried", NotFoundException.class, 2, waits(), jwtText(), status(404)),
        row("409 is a conflict", ConflictException.class, 2, waits(), jwtText(), status(409)),
        row(
            "422 is an unprocessable entity",
            UnprocessableEntityException.class,
            2,
            waits(),
            jwtText(),
            status(422)),
        row(
            "418 is an unexpected status",
            UnexpectedStatusCodeException.class,
            2,
            waits(),
            jwtText(),
            status(418)),
        row(
            "malformed JSON",
            OsaiInvalidDataException.class,
            2,
            jwtText(),
            json(200, "{\"id\": oops}")),
        row(
            "truncated JSON",
            OsaiInvalidDataException.class,
            2,
            jwtText(),
            json(200, "{\"id\":\"x\",")),
        row(
            "JSON after the document",
            OsaiInvalidDataException.class,
            2,
            jwtText(),
            json(200, "{} {}")),
        row(
            "wrong content type: an HTML page with 200",
            OsaiInvalidDataException.class,
            2,
            jwtText(),
            new MockResponse.Builder()
                .addHeader("Content-Type", "text/html")
                .body("<html>login</html>")
                .build()),
        row("empty 200 body", OsaiInvalidDataException.class, 2, jwtText(), json(200, "")),
        row("JSON null body", OsaiInvalidDataException.class, 2, jwtText(), json(200, "null")),
        row(
            "a property of the wrong type",
            OsaiInvalidDataException.class,
            2,
            jwtText(),
            json(200, "{\"colorMode\":\"dark\"}")),
        calling(
            row(
                "JWT without exp is kept for the next call",
                User.class,
                3,
                text(JWT_NO_EXP),
                user(),
                user()),
            GET_USER_TWICE),
        calling(
            row(
                "JWT already expired by the server's Date: signed in again before the next call",
                User.class,
                4,
                new MockResponse.Builder()
                    .addHeader("Date", httpDate(NOW_MILLIS))
                    .body(JWT_EXPIRED)
                    .build(),
                user(),
                new MockResponse.Builder()
                    .addHeader("Date", httpDate(NOW_MILLIS))
                    .body(JWT_EXPIRED_2)
                    .build(),
                user()),
            GET_USER_TWICE),
        row("JWT that is not a JWT", OsaiInvalidDataException.class, 1, text("this-is-no-jwt")),
        row(
            "JWT whose payload is not JSON",
            OsaiInvalidDataException.class,
            1,
            text("eyJhbGciOiJub25lIn0.bm90IGpzb24.c2ln")),
        row("empty sign-in body", OsaiInvalidDataException.class, 1, text("")),
        row(
            "sign-in answers a JSON object, not a string",
            OsaiInvalidDataException.class,
            1,
            json(200, "{\"token\":\"" + JWT + "\"}")),
        row(
            "sign-in 401: token rejected, not retried",
            AccessTokenRejectedException.class,
            1,
            waits(),
            status(401)),
        row(
            "sign-in 400: token rejected",
            AccessTokenRejectedException.class,
            1,
            waits(),
            status(400)),
        row(
            "sign-in 403: token rejected",
            AccessTokenRejectedException.class,
            1,
            waits(),
            status(403)),
        row("sign-in 503, then 200", User.class, 3, waits(500), html(503), jwtText(), user()),
        row(
            "sign-in 500 three times",
            InternalServerException.class,
            3,
            waits(500, 1000),
            html(500),
            html(500),
            html(500)),
        row(
            "/Users 401, signed in again, then 200",
            User.class,
            4,
            waits(),
            jwtText(),
            status(401),
            text(JWT_2),
            user()),
        row(
            "/Users 401 twice: no loop",
            UnauthorizedException.class,
            4,
            waits(),
            jwtText(),
            status(401),
            text(JWT_2),
            status(401)),
        calling(
            row(
                "POST 503 is not retried",
                InternalServerException.class,
                2,
                waits(),
                jwtText(),
                html(503)),
            POST_THING),
        calling(
            row(
                "POST whose connection drops once sent: not sent again",
                OsaiIoException.class,
                2,
                waits(),
                jwtText(),
                new MockResponse.Builder()
                    .onResponseStart(new SocketEffect.CloseSocket())
                    .body("{}")
                    .build()),
            POST_THING),
        row(
            "sign-in answers a redirect: not followed with the token",
            UnexpectedStatusCodeException.class,
            1,
            waits(),
            new MockResponse.Builder()
                .code(308)
                .addHeader("Location", "/elsewhere/Users/SignIn")
                .build(),
            jwtText()),
        configured(
            row("the access token supplier throws", OsaiException.class, 0, waits()),
            b ->
                b.accessToken(
                    () -> {
                      throw new IllegalStateException("vault down");
                    })),
        calling(row("POST 200", User.class, 2, waits(), jwtText(), user()), POST_THING));
  }

  static Stream<Arguments> rowsAtEveryLogLevel() {
    return rows()
        .flatMap(r -> Stream.of(Arguments.of(r, LogLevel.NONE), Arguments.of(r, LogLevel.BODY)));
  }

  @ParameterizedTest(name = "[{1}] {0}")
  @MethodSource("rowsAtEveryLogLevel")
  void faultMatrix(Row row, LogLevel logLevel) throws Exception {
    row.answers.forEach(server::enqueue);
    List<String> logs = new CopyOnWriteArrayList<>();
    List<Long> waits = new CopyOnWriteArrayList<>();
    OsaiClient.Builder builder =
        OsaiClient.builder()
            .accessToken(TOKEN)
            .baseUrl(server.url("/api/").toString())
            .logLevel(logLevel)
            .logger(logs::add);
    builder.clock = () -> NOW_MILLIS;
    builder.sleeper = (nanos, canceled) -> waits.add(TimeUnit.NANOSECONDS.toMillis(nanos));
    builder.random = () -> 0; // no jitter: the waits are exact
    row.config.accept(builder);

    Object result = null;
    Throwable thrown = null;
    try (OsaiClient client = builder.build()) {
      result = row.call.apply(client);
      assertNoSecret(client.toString(), "client.toString()");
    } catch (RuntimeException e) {
      thrown = e;
    }

    if (Throwable.class.isAssignableFrom(row.outcome)) {
      assertNotNull(thrown, "expected " + row.outcome.getSimpleName() + " but got " + result);
      assertEquals(row.outcome, thrown.getClass(), stackTrace(thrown));
    } else if (thrown != null) {
      fail("expected " + row.outcome.getSimpleName() + " but got " + stackTrace(thrown));
    } else {
      assertInstanceOf(row.outcome, result);
    }
    assertEquals(row.requests, server.getRequestCount(), "requests the server saw");
    if (row.waitsMillis != null) {
      List<Long> expected = new ArrayList<>();
      for (long w : row.waitsMillis) {
        expected.add(w);
      }
      assertEquals(expected, waits, "waits between attempts (ms)");
    }

    // The canary: nothing the caller or an operator can see holds the token or a JWT.
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      assertNoSecret(String.valueOf(t.getMessage()), "message of " + t.getClass().getName());
      assertNoSecret(t.toString(), "toString() of " + t.getClass().getName());
      if (t instanceof OsaiServiceException) {
        assertNoSecret(((OsaiServiceException) t).body(), "body()");
      }
    }
    for (String line : logs) {
      assertNoSecret(line, "log line");
    }
    for (String line : logs) {
      if (line.startsWith("Authorization")) {
        assertEquals("Authorization: ██", line, "OkHttp's redaction of the header");
      }
    }
    if (logLevel == LogLevel.BODY && row.name.equals("success")) {
      // Not vacuous: BODY logging did log the call, its header and the user's body.
      assertTrue(logs.contains("Authorization: ██"), logs::toString);
      assertTrue(logs.contains(USER_JSON), logs::toString);
      assertTrue(logs.contains("--> POST body [redacted] (a credential)"), logs::toString);
    }
  }

  private static void assertNoSecret(String text, String where) {
    for (String secret : SECRETS) {
      assertFalse(text.contains(secret), () -> where + " leaks a secret: " + text);
    }
  }

  private static String stackTrace(Throwable t) {
    java.io.StringWriter out = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(out));
    return out.toString();
  }
}
