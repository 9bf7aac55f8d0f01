package com.onestepai.osai;

import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The OSAI API answered with an error status (not 2xx), after any retries. Subclasses name the
 * common statuses: {@link BadRequestException} (400), {@link UnauthorizedException} (401), {@link
 * PermissionDeniedException} (403), {@link NotFoundException} (404), {@link ConflictException}
 * (409), {@link UnprocessableEntityException} (422), {@link RateLimitException} (429), {@link
 * InternalServerException} (5xx) and {@link UnexpectedStatusCodeException} (any other).
 *
 * <pre>{@code
 * } catch (OsaiServiceException e) {
 *   log.warn("OSAI said {} to {} {}: {}", e.statusCode(), e.method(), e.url(), e.body());
 * }
 * }</pre>
 *
 * <p>When the body is an RFC 7807 problem ({@code application/problem+json}, as ASP.NET Core
 * writes), {@link #problem()} holds its members, and the message names its title, detail and first
 * field errors.
 *
 * <p>It survives Java serialization whole: {@link #url()} and {@link #headers()} are kept as text.
 */
public class OsaiServiceException extends OsaiException {
  private static final long serialVersionUID = 2L;

  private final int statusCode;
  private final String method;
  private final String url; // HttpUrl and Headers are not Serializable: kept as text
  private final String[] headers; // names and values, alternating
  private final String body;
  private final @Nullable Problem problem; // absent in streams written before it: null
  private final @Nullable String requestId; // absent in streams written before it: null

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
    this(message, statusCode, method, url, headers, body, null);
  }

  /**
   * @param message what failed and what to check; must hold no secret
   * @param statusCode the HTTP status of the answer
   * @param method the HTTP method of the request, such as {@code GET}
   * @param url the URL of the request
   * @param headers the headers of the answer
   * @param body the start of the answer's body, decoded as UTF-8, secrets removed
   * @param problem the body read as an RFC 7807 problem, secrets removed; null when it is not one
   */
  public OsaiServiceException(
      String message,
      int statusCode,
      String method,
      HttpUrl url,
      Headers headers,
      String body,
      @Nullable Problem problem) {
    this(message, statusCode, method, url, headers, body, problem, null);
  }

  /**
   * @param message what failed and what to check; must hold no secret
   * @param statusCode the HTTP status of the answer
   * @param method the HTTP method of the request, such as {@code GET}
   * @param url the URL of the request
   * @param headers the headers of the answer
   * @param body the start of the answer's body, decoded as UTF-8, secrets removed
   * @param problem the body read as an RFC 7807 problem, secrets removed; null when it is not one
   * @param requestId the request's id to quote to support (see {@link #requestId()}), or null
   */
  public OsaiServiceException(
      String message,
      int statusCode,
      String method,
      HttpUrl url,
      Headers headers,
      String body,
      @Nullable Problem problem,
      @Nullable String requestId) {
    super(message);
    this.statusCode = statusCode;
    this.method = method;
    this.url = url.toString();
    this.headers = new String[2 * headers.size()];
    for (int i = 0; i < headers.size(); i++) {
      this.headers[2 * i] = headers.name(i);
      this.headers[2 * i + 1] = headers.value(i);
    }
    this.body = body;
    this.problem = problem;
    this.requestId = requestId;
  }

  /**
   * The id to quote to OSAI support: what the server answered ({@code Request-Id}, {@code
   * X-Request-Id}, {@code X-Correlation-Id} or {@code traceparent} header, in that order, else the
   * problem's {@code traceId}), else the W3C {@code traceparent} the SDK sent. Null only when none
   * is known (an exception made by the caller without one). Also at the end of the message.
   */
  public @Nullable String requestId() {
    return requestId;
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
    return HttpUrl.get(url);
  }

  /** The headers of the answer. */
  public Headers headers() {
    Headers.Builder builder = new Headers.Builder();
    for (int i = 0; i < headers.length; i += 2) {
      try {
        builder.addUnsafeNonAscii(headers[i], headers[i + 1]);
      } catch (IllegalArgumentException malformedName) {
        // OkHttp reads answers leniently but builds headers strictly: such a header is left out.
      }
    }
    return builder.build();
  }

  /**
   * The start of the answer's body as UTF-8 text (its first 8,192 characters, ending in {@code …}
   * when there was more), with any access token or JWT replaced by {@code [redacted]}; empty when
   * the body was empty.
   */
  public String body() {
    return body;
  }

  /**
   * The body read as an RFC 7807 problem: its {@code title}, {@code detail}, {@code traceId},
   * validation {@code errors} and other members; null when the body is not one. A body is read as a
   * problem when it is a JSON object and either its content type is {@code
   * application/problem+json}, or its content type is JSON ({@code application/json} or another
   * {@code +json}) and it has a string {@code title} or a whole-number {@code status}. A body that
   * is malformed, cut short, or longer than the SDK reads of an error answer (about 36 KB) gives
   * null; {@link #body()} still holds its start.
   */
  public @Nullable Problem problem() {
    return problem;
  }
}
