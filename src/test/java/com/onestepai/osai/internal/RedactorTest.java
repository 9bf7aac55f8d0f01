package com.onestepai.osai.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RedactorTest {
  static final String JWT = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2ln";

  /** The pattern before it was made linear: the oracle for what must still be redacted. */
  static final Pattern OLD_JWT_SHAPE =
      Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

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
    assertEquals("Bearer [redacted].", new Redactor().redact("Bearer " + JWT + "."));
  }

  @Test
  void everyJwtShapeTheOldPatternRedactedIsStillRedacted() {
    Redactor redactor = new Redactor();
    String[][] cases = {
      {"Authorization: Bearer " + JWT, "Authorization: Bearer [redacted]"},
      {"{\"token\":\"" + JWT + "\",\"n\":1}", "{\"token\":\"[redacted]\",\"n\":1}"},
      {
        "GET https://h/cb?id_token=" + JWT + "&state=s",
        "GET https://h/cb?id_token=[redacted]&state=s"
      },
      {"(" + JWT + "), [" + JWT + "];", "([redacted]), [[redacted]];"},
      {"eyJhbGciOiJub25lIn0.eyJ4Ijp7fX0.", "[redacted]"}, // no signature
      {"a.eyJh..b eyJhbGci.eyJ4.c", "a.eyJh..b [redacted]"}, // an empty part is no JWT
      {"one " + JWT + " two " + JWT, "one [redacted] two [redacted]"},
      {"x eyJnotajwt y", "x eyJnotajwt y"},
    };
    for (String[] c : cases) {
      assertEquals(c[1], redactor.redact(c[0]), c[0]);
    }
    // Glued to what precedes it, a JWT still goes, with the run it is part of.
    for (String glued : new String[] {"prefix_" + JWT, "abc" + JWT, "eyJeyJ" + JWT, "-" + JWT}) {
      String redacted = redactor.redact(glued + " tail");
      Matcher old = OLD_JWT_SHAPE.matcher(glued);
      assertTrue(old.find(), glued);
      assertFalse(redacted.contains(old.group()), redacted);
      assertTrue(redacted.endsWith("[redacted] tail"), redacted);
    }
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aLongBase64urlRunIsRedactedInLinearTime() {
    // A cursor that is base64url JSON: "eyJ" every 12 characters and no dot. The old pattern
    // scanned to the end of the run from every "eyJ": quadratic, minutes for a megabyte.
    String cursor = "eyJpZCI6MX0s".repeat(100_000);
    String text = "{\"next\":\"" + cursor + "\",\"auth\":\"Bearer " + JWT + "\"}";

    String redacted = new Redactor().redact(text);

    assertTrue(
        redacted.endsWith("\"auth\":\"Bearer [redacted]\"}"),
        () -> redacted.substring(redacted.length() - 100));
    assertTrue(redacted.startsWith("{\"next\":\"" + cursor + "\""), "the cursor is no JWT");
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aRememberedSecretIsFoundInLinearTime() {
    // String.replace compares anew at every position: text that repeats the start of a long
    // secret costs length(text) * length(secret), a minute here (measured 59 s on JDK 17).
    Redactor redactor = new Redactor();
    String secret = "osai-".repeat(10_000) + "X";
    redactor.rememberAccessToken(secret);
    String text = "osai-".repeat(1_600_000) + secret + "!";

    String redacted = redactor.redact(text);

    assertTrue(
        redacted.endsWith("osai-[redacted]!"), () -> redacted.substring(redacted.length() - 100));
  }

  @Test
  void secretsShorterThanTheFloorAreNeitherRememberedNorReplaced() {
    Redactor redactor = new Redactor();
    redactor.rememberAccessToken("h");
    redactor.rememberJwt("t");
    redactor.rememberAccessToken("x".repeat(Redactor.MIN_SECRET_LENGTH - 1));

    assertEquals("http://host/path xxxxxxx", redactor.redact("http://host/path xxxxxxx"));

    redactor.rememberAccessToken("12345678");
    assertEquals("id [redacted]", redactor.redact("id 12345678"));
  }

  @Test
  void redactAndCutRedactsASecretStraddlingTheCutWhole() {
    Redactor redactor = new Redactor();
    redactor.rememberAccessToken("osai-canary-token");
    String text = "error: " + "osai-canary-token" + " more";

    String cut = redactor.redactAndCut(text, 12);

    assertEquals("error: …", cut); // "[redacted]" would not fit
    assertEquals("error: [redacted]…", redactor.redactAndCut(text, 17));
    assertEquals(text.replace("osai-canary-token", "[redacted]"), redactor.redactAndCut(text, 99));
  }

  @Test
  void redactAndCutDropsARunOfTokenCharactersTheCutFallsIn() {
    Redactor redactor = new Redactor();
    // An unknown secret, cut through: the whole run goes.
    assertEquals("key=…", redactor.redactAndCut("key=unknown-secret-value rest", 10));
    // Cut between runs: nothing to drop.
    assertEquals("key value …", redactor.redactAndCut("key value rest", 10));
    // A JWT too long for the margin, cut in its header: no part of it is left.
    assertEquals("Bearer …", redactor.redactAndCut("Bearer " + JWT.substring(0, 30), 20));
  }

  @Test
  void redactAndCutNeverEndsOnTheStartOfARememberedSecret() {
    Redactor redactor = new Redactor();
    String secret = "to\"k\\en-with;punct"; // not all token characters: no run covers it
    redactor.rememberAccessToken(secret);
    // The text ends (past the cut) before the secret does, so it cannot be redacted whole.
    String text = "value: to\"k\\en-wi";

    String cut = redactor.redactAndCut(text, 14);

    assertEquals("value: …", cut);
    for (int n = 2; n <= secret.length(); n++) {
      assertFalse(cut.contains(secret.substring(0, n)), cut);
    }
  }
}
