package com.onestepai.osai;

import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The OSAI API answered a status this SDK has no more specific type for, such as {@code 418} or a
 * {@code 3xx} redirect (never followed with the access token); {@link #statusCode()} says which.
 *
 * <pre>{@code
 * } catch (UnexpectedStatusCodeException e) {
 *   System.err.println("HTTP " + e.statusCode() + " from " + e.url());
 * }
 * }</pre>
 */
public class UnexpectedStatusCodeException extends OsaiServiceException {
  private static final long serialVersionUID = 1L;

  /** See {@link OsaiServiceException#OsaiServiceException}. */
  public UnexpectedStatusCodeException(
      String message, int statusCode, String method, HttpUrl url, Headers headers, String body) {
    super(message, statusCode, method, url, headers, body);
  }

  /**
   * See {@link OsaiServiceException#OsaiServiceException(String, int, String, HttpUrl, Headers,
   * String, Problem)}.
   */
  public UnexpectedStatusCodeException(
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
  public UnexpectedStatusCodeException(
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
