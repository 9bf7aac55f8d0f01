package com.onestepai.osai.internal;

import java.util.regex.Pattern;

/**
 * Removes secrets from text that may reach a message, a log line or an exception: the access tokens
 * and the JWTs this client has seen, and anything shaped like a JWT (three base64url parts whose
 * first starts {@code eyJ}, as every JSON header does), in case the server echoes one we have not
 * seen.
 */
public final class Redactor {
  static final String MARK = "[redacted]";

  /** Shorter strings are no secrets: never remembered, never replaced. */
  public static final int MIN_SECRET_LENGTH = 8;

  private static final int KEEP = 8;
  private static final Pattern JWT_SHAPE =
      Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

  // Written on sign-in only, read on error and logging paths: copy-on-write arrays, newest first.
  // Access tokens and JWTs are kept apart so that JWTs never push an access token out.
  private volatile String[] accessTokens = new String[0];
  private volatile String[] jwts = new String[0];

  /** Remembers an access token: {@link #redact} removes it from now on. */
  public synchronized void rememberAccessToken(String token) {
    accessTokens = withNewest(accessTokens, token);
  }

  /** Remembers a JWT: {@link #redact} removes it from now on. */
  public synchronized void rememberJwt(String jwt) {
    jwts = withNewest(jwts, jwt);
  }

  private static String[] withNewest(String[] current, String secret) {
    if (secret.length() < MIN_SECRET_LENGTH || (current.length > 0 && current[0].equals(secret))) {
      return current;
    }
    String[] next = new String[Math.min(current.length + 1, KEEP)];
    next[0] = secret;
    int i = 1;
    for (String s : current) {
      if (i < next.length && !s.equals(secret)) {
        next[i++] = s;
      }
    }
    return i == next.length ? next : java.util.Arrays.copyOf(next, i);
  }

  /** Returns {@code text} with every remembered secret and every JWT-shaped run replaced. */
  public String redact(String text) {
    String result = text;
    for (String secret : accessTokens) {
      result = result.replace(secret, MARK);
    }
    for (String secret : jwts) {
      result = result.replace(secret, MARK);
    }
    return JWT_SHAPE.matcher(result).replaceAll(MARK);
  }
}
