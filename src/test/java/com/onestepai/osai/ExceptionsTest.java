package com.onestepai.osai;

import static com.onestepai.osai.Fixtures.NOW_MILLIS;
import static com.onestepai.osai.Fixtures.httpDate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class ExceptionsTest {
  static final HttpUrl URL = HttpUrl.get("https://app-eu.onestepai.com/api/Users?x=1");

  static RateLimitException rateLimited(String... headers) {
    return new RateLimitException(
        "GET " + URL + " answered HTTP 429", 429, "GET", URL, Headers.of(headers), "{}");
  }

  @Test
  void aServiceExceptionSurvivesJavaSerializationWhole() throws Exception {
    Headers headers =
        new Headers.Builder()
            .add("Content-Type", "application/json")
            .add("Retry-After", "7")
            .add("X-Trace", "a")
            .add("X-Trace", "b")
            .addUnsafeNonAscii("X-Note", "café")
            .build();
    RateLimitException sent =
        new RateLimitException("too many", 429, "GET", URL, headers, "{\"slow\":\"down\"}");

    RateLimitException got = roundTrip(sent);

    assertEquals("too many", got.getMessage());
    assertEquals(429, got.statusCode());
    assertEquals("GET", got.method());
    assertEquals(URL, got.url());
    assertEquals(headers, got.headers());
    assertEquals("{\"slow\":\"down\"}", got.body());
    assertEquals(7000, got.retryAfterMillis());
  }

  @Test
  void everyServiceExceptionTypeSurvivesJavaSerialization() throws Exception {
    Headers headers = Headers.of("Content-Type", "text/plain");
    OsaiServiceException[] all = {
      new BadRequestException("m", 400, "GET", URL, headers, "b"),
      new UnauthorizedException("m", 401, "GET", URL, headers, "b"),
      new AccessTokenRejectedException("m", 401, "POST", URL, headers, "b"),
      new PermissionDeniedException("m", 403, "GET", URL, headers, "b"),
      new NotFoundException("m", 404, "GET", URL, headers, "b"),
      new ConflictException("m", 409, "PUT", URL, headers, "b"),
      new UnprocessableEntityException("m", 422, "POST", URL, headers, "b"),
      new InternalServerException("m", 503, "GET", URL, headers, "b"),
      new UnexpectedStatusCodeException("m", 418, "GET", URL, headers, "b"),
    };
    for (OsaiServiceException sent : all) {
      OsaiServiceException got = roundTrip(sent);
      assertEquals(sent.getClass(), got.getClass());
      assertEquals(sent.statusCode(), got.statusCode());
      assertEquals(URL, got.url());
      assertEquals(headers, got.headers());
    }
  }

  @Test
  void theProblemSurvivesJavaSerialization() throws Exception {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("n", 1.5);
    nested.put("list", Arrays.asList("a", null, true));
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put("nested", nested);
    Problem problem =
        new Problem(
            "about:blank",
            "Invalid",
            422,
            "Name is empty",
            "/x/1",
            "00-trace-00",
            Map.of("Name", List.of("Required.", "Too short.")),
            extensions);
    OsaiServiceException[] all = {
      new BadRequestException("m", 400, "GET", URL, Headers.of(), "b", problem),
      new UnauthorizedException("m", 401, "GET", URL, Headers.of(), "b", problem),
      new AccessTokenRejectedException("m", 401, "POST", URL, Headers.of(), "b", problem),
      new PermissionDeniedException("m", 403, "GET", URL, Headers.of(), "b", problem),
      new NotFoundException("m", 404, "GET", URL, Headers.of(), "b", problem),
      new ConflictException("m", 409, "PUT", URL, Headers.of(), "b", problem),
      new UnprocessableEntityException("m", 422, "POST", URL, Headers.of(), "b", problem),
      new RateLimitException("m", 429, "GET", URL, Headers.of("Retry-After", "2"), "b", problem),
      new InternalServerException("m", 503, "GET", URL, Headers.of(), "b", problem),
      new UnexpectedStatusCodeException("m", 418, "GET", URL, Headers.of(), "b", problem),
      new OsaiServiceException("m", 418, "GET", URL, Headers.of(), "b", problem),
    };
    for (OsaiServiceException sent : all) {
      OsaiServiceException got = roundTrip(sent);
      assertEquals(sent.getClass(), got.getClass());
      assertEquals(problem, got.problem());
      assertEquals("Name is empty", got.problem().detail());
      assertEquals(Integer.valueOf(422), got.problem().status());
      assertEquals(List.of("Required.", "Too short."), got.problem().errors().get("Name"));
      assertEquals(nested, got.problem().extensions().get("nested"));
    }
    assertEquals(2000, ((RateLimitException) all[7]).retryAfterMillis());
    assertNull(new BadRequestException("m", 400, "GET", URL, Headers.of(), "b").problem());
  }

  @Test
  @SuppressWarnings("unchecked")
  void aProblemIsACopyThatCannotBeChanged() {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    errors.put("Name", new java.util.ArrayList<>(List.of("Required.")));
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put("list", new java.util.ArrayList<>(List.of("a")));
    Problem problem = new Problem(null, "t", null, null, null, null, errors, extensions);
    errors.get("Name").add("changed");
    ((List<Object>) extensions.get("list")).add("changed");

    assertEquals(List.of("Required."), problem.errors().get("Name"));
    assertEquals(List.of("a"), problem.extensions().get("list"));
    assertThrows(
        UnsupportedOperationException.class,
        () -> ((List<Object>) problem.extensions().get("list")).add("x"));
    assertEquals(Map.of(), new Problem(null, null, null, null, null, null, null, null).errors());
  }

  @Test
  void retryAfterInSeconds() {
    assertEquals(3000, rateLimited("Retry-After", "3").retryAfterMillis());
    assertEquals(0, rateLimited("Retry-After", "0").retryAfterMillis());
  }

  @Test
  void retryAfterAsAnHttpDateIsCountedFromTheAnswersDate() {
    RateLimitException e =
        rateLimited("Date", httpDate(NOW_MILLIS), "Retry-After", httpDate(NOW_MILLIS + 5000));

    assertEquals(5000, e.retryAfterMillis());
  }

  @Test
  void retryAfterInThePastIsZero() {
    RateLimitException e =
        rateLimited("Date", httpDate(NOW_MILLIS), "Retry-After", httpDate(NOW_MILLIS - 5000));

    assertEquals(0, e.retryAfterMillis());
  }

  @Test
  void retryAfterAbsentOrUnreadableIsMinusOne() {
    assertEquals(-1, rateLimited().retryAfterMillis());
    assertEquals(-1, rateLimited("Retry-After", "soon").retryAfterMillis());
    assertEquals(-1, rateLimited("Retry-After", "-5").retryAfterMillis());
    assertEquals(-1, rateLimited("Retry-After", "99999999999999999999").retryAfterMillis());
  }

  @Test
  void conflictAndUnprocessableEntityAreServiceExceptions() {
    assertInstanceOf(
        OsaiServiceException.class, new ConflictException("m", 409, "PUT", URL, Headers.of(), "b"));
    assertInstanceOf(
        OsaiServiceException.class,
        new UnprocessableEntityException("m", 422, "POST", URL, Headers.of(), "b"));
  }

  @SuppressWarnings("unchecked")
  static <T> T roundTrip(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
