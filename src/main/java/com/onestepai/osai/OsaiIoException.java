package com.onestepai.osai;

import org.jspecify.annotations.Nullable;

/**
 * The request could not be sent or its answer not read: connection refused or reset, DNS failure,
 * TLS failure, a timeout or the call's deadline, or an interrupt while the call waited for sign-in
 * or for a retry. The cause is the underlying {@link java.io.IOException} where there is one. (A
 * cancelled future throws {@link java.util.concurrent.CancellationException} instead, as every
 * {@code CompletableFuture} does.)
 *
 * <p>Whether it is safe to try again depends on the operation: the server may have acted on a
 * request whose answer was lost.
 *
 * <pre>{@code
 * } catch (OsaiIoException e) {
 *   System.err.println("network trouble: " + e.getMessage());
 * }
 * }</pre>
 */
public class OsaiIoException extends OsaiException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String requestId; // absent in streams written before it: null

  public OsaiIoException(String message, @Nullable Throwable cause) {
    this(message, cause, null);
  }

  /**
   * @param message what failed and what to check; must hold no secret
   * @param cause the underlying failure, or null
   * @param requestId the id of the request that went out (see {@link #requestId()}), or null
   */
  public OsaiIoException(String message, @Nullable Throwable cause, @Nullable String requestId) {
    super(message, cause);
    this.requestId = requestId;
  }

  /**
   * The W3C {@code traceparent} the request went out with, to quote to OSAI support (its trace id
   * is the server's {@code traceId} when the request reached it); also at the end of the message.
   * Null when no request went out: the call failed before it was sent (while it waited for sign-in,
   * or its request could not be built).
   */
  public @Nullable String requestId() {
    return requestId;
  }
}
