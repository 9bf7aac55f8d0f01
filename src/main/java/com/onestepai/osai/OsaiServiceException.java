package com.onestepai.osai;

import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * The OSAI API answered with an error status (not 2xx). Subclasses name the common statuses: {@link
 * BadRequestException} (400), {@link UnauthorizedException} (401), {@link
 * PermissionDeniedException} (403), {@link NotFoundException} (404), {@link RateLimitException}
 * (429), {@link InternalServerException} (5xx) and {@link UnexpectedStatusCodeException} (any
 * other).
 *
 * <pre>{@code
 * } catch (OsaiServiceException e) {
 *   log.warn("OSAI said {} to {} {}: {}", e.statusCode(), e.method(), e.url(), e.body());
 * }
 * }</pre>
 */
public class OsaiServiceException extends OsaiException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String method;
  private final transient HttpUrl url;
  private final transient Headers headers;
  private final String body;

  /**
   * @param message what failed and what to check; must hold no secret
   * @param statusCode the HTTP status of the answer
   * @param method the HTTP method of the request, such as {@code GET}
   * @param url the URL of the request
   * @param headers the headers of the answer
   * @param body the start of the answer's body, decoded as UTF-8, secrets removed
   */
  public OsaiServiceException(
      String message, int statusCode, String method, HttpUrl url, Headers headers, String body) {
    super(message);
    this.statusCode = statusCode;
    this.method = method;
    this.url = url;
    this.headers = headers;
    this.body = body;
  }

  /** The HTTP status code of the answer, such as 401. */
  public int statusCode() {
    return statusCode;
  }

  /** The HTTP method of the request, such as {@code GET}. */
  public String method() {
    return method;
  }

  /** The URL of the request. */
  public HttpUrl url() {
    return url;
  }

  /** The headers of the answer. */
  public Headers headers() {
    return headers;
  }

  /**
   * The start of the answer's body as UTF-8 text (at most 8 KiB of it), with any access token or
   * JWT replaced by {@code [redacted]}; empty when the body was empty.
   */
  public String body() {
    return body;
  }
}
