package com.onestepai.osai;

import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The OSAI API answered {@code 422 Unprocessable Entity}: the request was well formed but its
 * content was refused (a value out of range, say); {@link #body()} usually says which.
 *
 * <pre>{@code
 * } catch (UnprocessableEntityException e) {
 *   System.err.println("refused: " + e.body());
 * }
 * }</pre>
 */
public class UnprocessableEntityException extends OsaiServiceException {
  private static final long serialVersionUID = 1L;

  /** See {@link OsaiServiceException#OsaiServiceException}. */
  public UnprocessableEntityException(
      String message, int statusCode, String method, HttpUrl url, Headers headers, String body) {
    super(message, statusCode, method, url, headers, body);
  }

  /**
   * See {@link OsaiServiceException#OsaiServiceException(String, int, String, HttpUrl, Headers,
   * String, Problem)}.
   */
  public UnprocessableEntityException(
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
  public UnprocessableEntityException(
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
