package com.onestepai.osai;

import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The OSAI API answered {@code 409 Conflict}: the request clashes with the current state of the
 * resource (it already exists, or changed meanwhile); {@link #body()} usually says what.
 *
 * <pre>{@code
 * } catch (ConflictException e) {
 *   System.err.println("already there: " + e.body());
 * }
 * }</pre>
 */
public class ConflictException extends OsaiServiceException {
  private static final long serialVersionUID = 1L;

  /** See {@link OsaiServiceException#OsaiServiceException}. */
  public ConflictException(
      String message, int statusCode, String method, HttpUrl url, Headers headers, String body) {
    super(message, statusCode, method, url, headers, body);
  }

  /**
   * See {@link OsaiServiceException#OsaiServiceException(String, int, String, HttpUrl, Headers,
   * String, Problem)}.
   */
  public ConflictException(
      String message,
      int statusCode,
      String method,
      HttpUrl url,
      Headers headers,
      String body,
      @Nullable Problem problem) {
    super(message, statusCode, method, url, headers, body, problem);
  }

  /**
   * See {@link OsaiServiceException#OsaiServiceException(String, int, String, HttpUrl, Headers,
   * String, Problem, String)}.
   */
  public ConflictException(
      String message,
      int statusCode,
      String method,
      HttpUrl url,
      Headers headers,
      String body,
      @Nullable Problem problem,
      @Nullable String requestId) {
    super(message, statusCode, method, url, headers, body, problem, requestId);
  }
}
