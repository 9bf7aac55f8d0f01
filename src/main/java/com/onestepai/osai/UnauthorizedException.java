package com.onestepai.osai;

import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The OSAI API answered {@code 401 Unauthorized}: the JWT or the access token was not accepted. The
 * client already signed in again and replayed the request once before throwing this.
 *
 * <pre>{@code
 * } catch (UnauthorizedException e) {
 *   System.err.println("not accepted at " + e.url()); // check the token in OSAI Settings
 * }
 * }</pre>
 */
public class UnauthorizedException extends OsaiServiceException {
  private static final long serialVersionUID = 1L;

  /** See {@link OsaiServiceException#OsaiServiceException}. */
  public UnauthorizedException(
      String message, int statusCode, String method, HttpUrl url, Headers headers, String body) {
    super(message, statusCode, method, url, headers, body);
  }

  /**
   * See {@link OsaiServiceException#OsaiServiceException(String, int, String, HttpUrl, Headers,
   * String, Problem)}.
   */
  public UnauthorizedException(
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
  public UnauthorizedException(
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
