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

  public OsaiIoException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
