package com.onestepai.osai;

import static com.onestepai.osai.Fixtures.NOW_MILLIS;
import static com.onestepai.osai.Fixtures.httpDate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
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
