package com.onestepai.osai;

import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The OSAI API answered {@code 404 Not Found}: the resource does not exist, or the base URL is
 * wrong.
 *
 * <pre>{@code
 * } catch (NotFoundException e) {
 *   System.err.println("no such thing: " + e.url());
 * }
 * }</pre>
 */
public class NotFoundException extends OsaiServiceException {
  private static final long serialVersionUID = 1L;

  /** See {@link OsaiServiceException#OsaiServiceException}. */
  public NotFoundException(
      String message, int statusCode, String method, HttpUrl url, Headers headers, String body) {
    super(message, statusCode, method, url, headers, body);
  }

  /**
   * See {@link OsaiServiceException#OsaiServiceException(String, int, String, HttpUrl, Headers,
   * String, Problem)}.
   */
  public NotFoundException(
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
  public NotFoundException(
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
