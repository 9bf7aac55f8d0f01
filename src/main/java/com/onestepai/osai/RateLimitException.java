package com.onestepai.osai;

import java.util.Date;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The OSAI API answered {@code 429 Too Many Requests}, also after the retries the client made: slow
 * down, waiting at least {@link #retryAfterMillis()} when the server said how long.
 *
 * <pre>{@code
 * } catch (RateLimitException e) {
 *   Thread.sleep(Math.max(e.retryAfterMillis(), 1000));
 * }
 * }</pre>
 */
public class RateLimitException extends OsaiServiceException {
  private static final long serialVersionUID = 2L;

  private final long retryAfterMillis;

  /**
   * See {@link OsaiServiceException#OsaiServiceException}; {@link #retryAfterMillis()} is read from
   * {@code headers}.
   */
  public RateLimitException(
      String message, int statusCode, String method, HttpUrl url, Headers headers, String body) {
    super(message, statusCode, method, url, headers, body);
    this.retryAfterMillis = retryAfterMillis(headers);
  }

  /**
   * See {@link OsaiServiceException#OsaiServiceException(String, int, String, HttpUrl, Headers,
   * String, Problem)}; {@link #retryAfterMillis()} is read from {@code headers}.
   */
  public RateLimitException(
      String message,
      int statusCode,
      String method,
      HttpUrl url,
      Headers headers,
      String body,
      @Nullable Problem problem) {
    super(message, statusCode, method, url, headers, body, problem);
    this.retryAfterMillis = retryAfterMillis(headers);
  }

  /**
   * See {@link OsaiServiceException#OsaiServiceException(String, int, String, HttpUrl, Headers,
   * String, Problem, String)}; {@link #retryAfterMillis()} is read from {@code headers}.
   */
  public RateLimitException(
      String message,
      int statusCode,
      String method,
      HttpUrl url,
      Headers headers,
      String body,
      @Nullable Problem problem,
      @Nullable String requestId) {
    super(message, statusCode, method, url, headers, body, problem, requestId);
    this.retryAfterMillis = retryAfterMillis(headers);
  }

  /**
   * How long the server asked to wait before the next request, in milliseconds, from the answer's
   * {@code Retry-After}: its seconds, or its HTTP date counted from the answer's {@code Date} (from
   * when this exception was made, without one), 0 for a date already past; -1 when the answer had
   * no {@code Retry-After} or one that is neither.
   */
  public long retryAfterMillis() {
    return retryAfterMillis;
  }

  private static long retryAfterMillis(Headers headers) {
    String value = headers.get("Retry-After");
    if (value == null) {
      return -1;
    }
    try {
      long seconds = Long.parseLong(value.trim());
      return seconds < 0 || seconds > Long.MAX_VALUE / 1000 ? -1 : seconds * 1000;
    } catch (NumberFormatException notSeconds) {
      Date date = headers.getDate("Retry-After");
      if (date == null) {
        return -1;
      }
      Date answered = headers.getDate("Date");
      long now = answered != null ? answered.getTime() : System.currentTimeMillis();
      return Math.max(0, date.getTime() - now);
    }
  }
}
