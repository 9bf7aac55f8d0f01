package com.onestepai.osai;

import java.util.Objects;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * A successful answer whole: its status, its headers and its body, read as the operation's result.
 * Every generated operation returns one from its {@code ...WithResponse} and {@code
 * ...WithResponseAsync} forms, beside the plain forms that return the body alone.
 *
 * <pre>{@code
 * OsaiResponse<User> response = client.users().getCurrentUserWithResponse();
 * User me = response.body();
 * String etag = response.headers().get("ETag");
 * log.info("HTTP {}, request id {}", response.statusCode(), response.requestId());
 * }</pre>
 *
 * <p>Only a successful (2xx) answer becomes one: an error status throws the same {@link
 * OsaiServiceException} the plain form throws, after the same retries. After retries, or after a
 * replay once the client signed in again, it is the final attempt's answer. For a download (an
 * operation whose result is an {@code okhttp3.ResponseBody}) the body is the same stream the plain
 * form returns: read it, then close it.
 *
 * @param <T> the operation's result: a model, {@code Void} ({@link #body()} is then {@code null}),
 *     or an {@code okhttp3.ResponseBody}
 */
public final class OsaiResponse<T extends @Nullable Object> {
  private final int statusCode;
  private final Headers headers;
  private final T body;
  private final @Nullable String requestId;

  /**
   * Made by the client for each call; public so that a fake of a generated interface can return
   * one.
   *
   * @param statusCode the HTTP status of the answer
   * @param headers the headers of the answer
   * @param body the body, read as the operation's result; null where the operation allows none
   * @param requestId the id to quote to support, or null when there is none
   */
  public OsaiResponse(int statusCode, Headers headers, T body, @Nullable String requestId) {
    this.statusCode = statusCode;
    this.headers = Objects.requireNonNull(headers, "headers == null");
    this.body = body;
    this.requestId = requestId;
  }

  /** The HTTP status of the answer, such as 200 or 201. */
  public int statusCode() {
    return statusCode;
  }

  /** The headers of the answer, as the server sent them. */
  public Headers headers() {
    return headers;
  }

  /**
   * The body, read as the operation's result: {@code null} for an operation without a result
   * ({@code Void}), and for one whose spec documents a successful answer without a body when the
   * server sent none. A {@code ResponseBody} must be closed.
   */
  public T body() {
    return body;
  }

  /**
   * The id to quote to support for this call: what the server answered (a {@code Request-Id},
   * {@code X-Request-Id}, {@code X-Correlation-Id} or {@code traceparent} header), else the {@code
   * traceparent} the request went out with; the same rule as {@link
   * OsaiServiceException#requestId()}.
   */
  public @Nullable String requestId() {
    return requestId;
  }

  /** The status and the request id; never the headers or the body, which may hold secrets. */
  @Override
  public String toString() {
    return "OsaiResponse{statusCode=" + statusCode + ", requestId=" + requestId + "}";
  }
}
