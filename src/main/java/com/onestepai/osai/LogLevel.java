package com.onestepai.osai;

/**
 * How much of each HTTP exchange the client logs. Off by default; the {@code Authorization} header,
 * the access token and every JWT are redacted at every level, and sign-in's bodies (both
 * credentials) are never logged.
 *
 * <pre>{@code
 * OsaiClient.builder().accessToken(token).logLevel(LogLevel.HEADERS).build();
 * }</pre>
 *
 * <p>Lines go to {@code java.util.logging} logger {@code com.onestepai.osai.http} at {@code INFO},
 * or to the sink given to {@link OsaiClient.Builder#logger}.
 */
public enum LogLevel {
  /** Nothing (the default). */
  NONE,
  /** Request and response lines: method, URL, status, duration, body size. */
  BASIC,
  /** {@link #BASIC} plus headers. */
  HEADERS,
  /** {@link #HEADERS} plus bodies. */
  BODY
}
