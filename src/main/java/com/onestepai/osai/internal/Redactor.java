package com.onestepai.osai.internal;

import java.util.regex.Pattern;

/**
 * Removes secrets from text that may reach a message, a log line or an exception: the access tokens
 * and the JWTs this client has seen, and anything shaped like a JWT (three base64url parts whose
 * first starts {@code eyJ}, as every JSON header does), in case the server echoes one we have not
 * seen. Linear in the length of the text, however it is made: bodies of megabytes are logged.
 */
final class Redactor {
  static final String MARK = "[redacted]";

  /**
   * Shorter strings are never remembered as secrets: replacing them would garble every message (a
   * one-character token turned {@code http://} into {@code h[redacted][redacted]p://}).
   */
  public static final int MIN_SECRET_LENGTH = 8;

  /**
   * How many characters past its cut {@link #redactAndCut} should be given, where the text has
   * them, so that a secret straddling the cut is redacted whole rather than left in part.
   */
  public static final int MARGIN = 4096;

  private static final int KEEP = 8;

  /**
   * A run of base64url characters that holds {@code eyJ} and goes on with {@code .part.part}: a
   * JWT, with whatever the run glued before it. Linear: a match starts only where a run starts (the
   * lookbehind), takes the run up to its first {@code eyJ} atomically (a later {@code eyJ} of the
   * same run would end the same way), and every quantifier after it is possessive.
   */
  private static final Pattern JWT_SHAPE =
      Pattern.compile(
          "(?<![A-Za-z0-9_-])(?>[A-Za-z0-9_-]*?eyJ)"
              + "[A-Za-z0-9_-]*+\\.[A-Za-z0-9_-]++\\.[A-Za-z0-9_-]*+");

  // Written on sign-in only, read on error and logging paths: copy-on-write arrays, newest first.
  // Access tokens and JWTs are kept apart so that JWTs never push an access token out.
  private volatile Secret[] accessTokens = new Secret[0];
  private volatile Secret[] jwts = new Secret[0];

  /**
   * Remembers an access token: {@link #redact} removes it from now on. One shorter than {@link
   * #MIN_SECRET_LENGTH} is ignored.
   */
  public synchronized void rememberAccessToken(String token) {
    accessTokens = withNewest(accessTokens, token);
  }

  /**
   * Remembers a JWT: {@link #redact} removes it from now on. One shorter than {@link
   * #MIN_SECRET_LENGTH} is ignored.
   */
  public synchronized void rememberJwt(String jwt) {
    jwts = withNewest(jwts, jwt);
  }

  private static Secret[] withNewest(Secret[] current, String secret) {
    if (secret.length() < MIN_SECRET_LENGTH
        || (current.length > 0 && current[0].value.equals(secret))) {
      return current;
    }
    Secret[] next = new Secret[Math.min(current.length + 1, KEEP)];
    next[0] = new Secret(secret);
    int i = 1;
    for (Secret s : current) {
      if (i < next.length && !s.value.equals(secret)) {
        next[i++] = s;
      }
    }
    return i == next.length ? next : java.util.Arrays.copyOf(next, i);
  }

  /** Returns {@code text} with every remembered secret and every JWT-shaped run replaced. */
  public String redact(String text) {
    String result = text;
    for (Secret secret : accessTokens) {
      result = secret.replaceIn(result);
    }
    for (Secret secret : jwts) {
      result = secret.replaceIn(result);
    }
    return JWT_SHAPE.matcher(result).replaceAll(MARK);
  }

  /**
   * {@link #redact Redacts} {@code text}, then cuts it to at most {@code maxChars} characters,
   * followed by {@code …} when it cut, so that no part of a secret is left at the cut: a run of
   * token characters (letters, digits, {@code -_.~+/%}) the cut falls in goes whole, and so does a
   * cut {@code [redacted]} or the start of a remembered secret the text would end on. Give it
   * {@link #MARGIN} characters past {@code maxChars} where there are.
   */
  public String redactAndCut(String text, int maxChars) {
    String redacted = redact(text);
    if (redacted.length() <= maxChars) {
      return redacted;
    }
    int end = Character.isLowSurrogate(redacted.charAt(maxChars)) ? maxChars - 1 : maxChars;
    for (int before = -1; end != before; ) {
      before = end;
      if (isTokenChar(redacted.charAt(end))) {
        while (end > 0 && isTokenChar(redacted.charAt(end - 1))) {
          end--;
        }
      }
      if (end > 0 && redacted.startsWith(MARK, end - 1)) {
        end--; // the "[" of a cut "[redacted]"
      }
      for (Secret secret : accessTokens) {
        end -= secret.startEndingAt(redacted, end);
      }
      for (Secret secret : jwts) {
        end -= secret.startEndingAt(redacted, end);
      }
    }
    return redacted.substring(0, end) + "…";
  }

  private static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "-_.~+/%".indexOf(c) >= 0;
  }

  /**
   * A remembered secret with its Knuth-Morris-Pratt table: found in time linear in the text, where
   * {@code String.replace} compares anew from every position (length of text times length of
   * secret, on text that repeats the secret's start).
   */
  private static final class Secret {
    final String value;

    /** {@code border[i]}: the longest proper prefix of {@code value[0..i]} that also ends it. */
    private final int[] border;

    Secret(String value) {
      this.value = value;
      this.border = new int[value.length()];
      for (int i = 1, k = 0; i < value.length(); i++) {
        k = next(k, value.charAt(i));
        border[i] = k;
      }
    }

    /** How many characters of {@code value} are matched when {@code c} follows {@code matched}. */
    private int next(int matched, char c) {
      while (matched > 0 && value.charAt(matched) != c) {
        matched = border[matched - 1];
      }
      return value.charAt(matched) == c ? matched + 1 : 0;
    }

    /** {@code text} with every occurrence, left to right, replaced by {@link #MARK}. */
    String replaceIn(String text) {
      StringBuilder out = null;
      int copied = 0;
      for (int i = 0, matched = 0; i < text.length(); i++) {
        matched = next(matched, text.charAt(i));
        if (matched == value.length()) {
          if (out == null) {
            out = new StringBuilder(text.length());
          }
          out.append(text, copied, i + 1 - matched).append(MARK);
          copied = i + 1;
          matched = 0;
        }
      }
      return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** The length of the longest start of {@code value} that {@code text[0, end)} ends with. */
    int startEndingAt(String text, int end) {
      int matched = 0;
      for (int i = Math.max(0, end - value.length() + 1); i < end; i++) {
        matched = next(matched, text.charAt(i));
      }
      return matched;
    }
  }
}
