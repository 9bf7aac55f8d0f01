package com.onestepai.osai.internal;

import java.util.regex.Pattern;

/**
 * Removes secrets from text that may reach a message, a log line or an exception: the access
 * token and the JWTs this client has seen, and anything shaped like a JWT (three base64url parts
 * whose first starts {@code eyJ}, as every JSON header does), in case the server echoes one we
 * have not seen.
 */
public final class Redactor {
  static final String MARK = "[redacted]";
  private static final Pattern JWT_SHAPE =
      Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

  // Written on sign-in only, read on error paths: a copy-on-write array is enough.
  private volatile String[] secrets = new String[0];

  /** Remembers {@code secret} so that {@link #redact} removes it from now on. */
  public void remember(String secret) {
    if (secret.isEmpty()) {
      return;
    }
    synchronized (this) {
      String[] current = secrets;
      for (String s : current) {
        if (s.equals(secret)) {
          return;
        }
      }
      // Keep the newest few: the access token (or two, when rotated) and recent JWTs.
      int keep = Math.min(current.length, 7);
      String[] next = new String[keep + 1];
      next[0] = secret;
      System.arraycopy(current, 0, next, 1, keep);
      secrets = next;
    }
  }

  /** Returns {@code text} with every remembered secret and every JWT-shaped run replaced. */
  public String redact(String text) {
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, MARK);
    }
    return JWT_SHAPE.matcher(result).replaceAll(MARK);
  }
}
