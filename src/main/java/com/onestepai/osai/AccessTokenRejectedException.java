package com.onestepai.osai;

import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Sign-in refused the access token (the server answered 400, 401 or 403 to {@code POST
 * /Users/SignIn}). Retrying does not help: the token expired, was deleted in OSAI Settings, is
 * mistyped, or belongs to the other region (EU and US tokens are not interchangeable).
 *
 * <pre>{@code
 * } catch (AccessTokenRejectedException e) {
 *   System.err.println(e.getMessage()); // names the base URL and what to check, never the token
 * }
 * }</pre>
 */
public class AccessTokenRejectedException extends UnauthorizedException {
  private static final long serialVersionUID = 1L;

  /** See {@link OsaiServiceException#OsaiServiceException}. */
  public AccessTokenRejectedException(
      String message, int statusCode, String method, HttpUrl url, Headers headers, String body) {
    super(message, statusCode, method, url, headers, body);
  }

  /**
   * See {@link OsaiServiceException#OsaiServiceException(String, int, String, HttpUrl, Headers,
   * String, Problem)}.
   */
  public AccessTokenRejectedException(
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
  public AccessTokenRejectedException(
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
