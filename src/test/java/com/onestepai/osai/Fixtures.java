package com.onestepai.osai;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import mockwebserver3.MockResponse;

/** Canned answers and JWTs for the MockWebServer tests. */
final class Fixtures {
  static final String TOKEN = "osai-canary-access-token-7f3a";

  /** The tests' wall clock: 2027-01-15T08:00:00Z. */
  static final long NOW_MILLIS = 1_800_000_000_000L;

  static final String USER_JSON =
      "{\"id\":\"Guid-Guid-Guid-Guid\",\"userName\":\"OneStep AI\",\"name\":\"OneStep\","
          + "\"surname\":\"AI\",\"email\":\"onestepai@email.com\",\"picture\":\"Link-To-Picture\","
          + "\"bucket\":\"s3\",\"colorMode\":1,\"enableTutorial\":false}";

  private Fixtures() {}

  /** A JWT whose payload is {@code payloadJson}; the signature is not checked by anyone. */
  static String jwt(String payloadJson) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(("sig-" + payloadJson.hashCode()).getBytes(StandardCharsets.UTF_8));
  }

  /** A JWT issued at {@code iatSeconds} that expires {@code lifetimeSeconds} later. */
  static String jwt(String subject, long iatSeconds, long lifetimeSeconds) {
    return jwt(
        "{\"sub\":\""
            + subject
            + "\",\"iat\":"
            + iatSeconds
            + ",\"exp\":"
            + (iatSeconds + lifetimeSeconds)
            + "}");
  }

  static MockResponse text(String body) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "text/plain; charset=utf-8")
        .body(body)
        .build();
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json; charset=utf-8")
        .body(body)
        .build();
  }

  static MockResponse html(int code) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "text/html")
        .body(
            "<html><head><title>"
                + code
                + "</title></head><body><h1>Error "
                + code
                + "</h1></body></html>")
        .build();
  }

  static MockResponse status(int code, String... headers) {
    MockResponse.Builder builder =
        new MockResponse.Builder()
            .code(code)
            .addHeader("Content-Type", "application/json")
            .body("{\"message\":\"status " + code + "\"}");
    for (int i = 0; i < headers.length; i += 2) {
      builder.addHeader(headers[i], headers[i + 1]);
    }
    return builder.build();
  }

  static String httpDate(long millis) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(
        Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC));
  }
}
