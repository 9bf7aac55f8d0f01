package com.onestepai.osai.internal;

import com.onestepai.osai.OsaiInvalidDataException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import okio.Buffer;
import okio.ByteString;

/**
 * A JWT as the sign-in returned it, and when this machine should consider it expired. Immutable;
 * never prints its value.
 *
 * <p>The payload is read, not verified: the SDK is not the token's audience, the server is.
 */
final class Jwt {
  /** No {@code exp} claim: used until the server answers 401. */
  static final long NO_EXPIRY = Long.MAX_VALUE;

  private final String value;
  private final String authorization;

  /** Local wall-clock millis at which the JWT expires, corrected for clock skew; or NO_EXPIRY. */
  final long expiresAtMillis;

  /** Local wall-clock millis from which a new JWT should be fetched before a call goes out. */
  final long refreshAtMillis;

  private Jwt(String value, long expiresAtMillis, long refreshAtMillis) {
    this.value = value;
    this.authorization = "Bearer " + value;
    this.expiresAtMillis = expiresAtMillis;
    this.refreshAtMillis = refreshAtMillis;
  }

  String value() {
    return value;
  }

  /** The {@code Authorization} header value, made once. */
  String authorization() {
    return authorization;
  }

  boolean isFresh(long nowMillis) {
    return nowMillis < refreshAtMillis;
  }

  /**
   * Reads the JWT's claims and places its expiry on the local clock.
   *
   * @param receivedAtMillis local time the sign-in answer arrived
   * @param serverDateMillis the answer's {@code Date} header, or -1 when it had none
   * @param refreshMarginMillis how long before expiry to replace it; capped at half its lifetime
   */
  static Jwt parse(
      String value, long receivedAtMillis, long serverDateMillis, long refreshMarginMillis) {
    String[] parts = value.split("\\.", -1);
    if (parts.length != 3) {
      throw malformed("it has " + parts.length + " dot-separated parts, not 3", null);
    }
    // Each part is base64url (RFC 7515): nothing else may reach an Authorization header.
    String[] names = {"header", "payload", "signature"};
    for (int i = 0; i < 3; i++) {
      if (!isBase64Url(parts[i]) || (i < 2 && parts[i].isEmpty())) {
        throw malformed("its " + names[i] + " is not base64url", null);
      }
    }
    ByteString payload = ByteString.decodeBase64(parts[1]);
    if (payload == null) {
      throw malformed("its payload is not base64url", null);
    }
    long exp = -1;
    long iat = -1;
    try (JsonReader reader = JsonReader.of(new Buffer().write(payload))) {
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        throw malformed("its payload is not a JSON object", null);
      }
      reader.beginObject();
      while (reader.hasNext()) {
        String name = reader.nextName();
        if (("exp".equals(name) || "iat".equals(name))
            && reader.peek() == JsonReader.Token.NUMBER) {
          long seconds = seconds(reader.nextDouble());
          if ("exp".equals(name)) {
            exp = seconds;
          } else {
            iat = seconds;
          }
        } else {
          reader.skipValue();
        }
      }
      reader.endObject();
    } catch (IOException | RuntimeException e) {
      if (e instanceof OsaiInvalidDataException) {
        throw (OsaiInvalidDataException) e;
      }
      throw malformed("its payload is not valid JSON", e);
    }
    if (exp < 0) {
      return new Jwt(value, NO_EXPIRY, NO_EXPIRY);
    }
    // Server time -> local time. The Date header is the server's clock at the answer; without it,
    // iat is the server's clock at issue (about the same moment); without either, trust our clock.
    // A server reading that has the JWT expired on arrival while our clock has it valid is a wrong
    // server clock (a Date header in 9999, say), not a dead JWT: the next reading is used.
    long expMillis = exp * 1000;
    boolean validByOurClock = expMillis > receivedAtMillis;
    long expiresAt = expMillis;
    if (iat >= 0) {
      long byIat = receivedAtMillis + (expMillis - iat * 1000);
      if (byIat > receivedAtMillis || !validByOurClock) {
        expiresAt = byIat;
      }
    }
    if (serverDateMillis >= 0 && serverDateMillis <= MAX_SECONDS * 1000) {
      long byDate = receivedAtMillis + (expMillis - serverDateMillis);
      if (byDate > receivedAtMillis || !validByOurClock) {
        expiresAt = byDate;
      }
    }
    long lifetime = iat >= 0 && exp > iat ? (exp - iat) * 1000 : expiresAt - receivedAtMillis;
    long margin = Math.min(refreshMarginMillis, Math.max(0, lifetime / 2));
    return new Jwt(value, expiresAt, expiresAt - margin);
  }

  /**
   * Latest claim this SDK places on a clock: 9999-12-31T23:59:59Z. Later ones (and NaN) count as
   * absent, so every sum above stays far from overflow.
   */
  static final long MAX_SECONDS = 253_402_300_799L;

  /**
   * A NumericDate claim as whole seconds, or -1 when it is negative or past {@link #MAX_SECONDS}.
   */
  private static long seconds(double value) {
    return value >= 0 && value <= MAX_SECONDS ? (long) value : -1;
  }

  private static boolean isBase64Url(String part) {
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static OsaiInvalidDataException malformed(String why, Exception cause) {
    return new OsaiInvalidDataException(
        "Sign-in answered with a JWT this SDK cannot read: "
            + why
            + ". Check that the base URL points at the OSAI API.",
        cause);
  }

  @Override
  public String toString() {
    return "Jwt{value=" + Redactor.MARK + ", expiresAtMillis=" + expiresAtMillis + "}";
  }
}
