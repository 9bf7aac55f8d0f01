package com.onestepai.osai.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RedactorTest {
  @Test
  void anAccessTokenIsNeverPushedOutByJwts() {
    Redactor redactor = new Redactor();
    redactor.rememberAccessToken("the-access-token");
    for (int i = 0; i < 20; i++) {
      redactor.rememberJwt("opaque-jwt-" + i);
      redactor.rememberAccessToken("the-access-token"); // every sign-in remembers it again
    }

    assertEquals(
        "token [redacted], jwt [redacted]",
        redactor.redact("token the-access-token, jwt opaque-jwt-19"));
  }

  @Test
  void aRotatedTokenAndTheOneBeforeAreBothRemoved() {
    Redactor redactor = new Redactor();
    redactor.rememberAccessToken("old-token");
    redactor.rememberAccessToken("new-token");

    assertEquals("[redacted] [redacted]", redactor.redact("old-token new-token"));
  }

  @Test
  void anythingShapedLikeAJwtIsRemovedEvenIfNeverSeen() {
    assertEquals(
        "Bearer [redacted].",
        new Redactor().redact("Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2ln."));
  }
}
