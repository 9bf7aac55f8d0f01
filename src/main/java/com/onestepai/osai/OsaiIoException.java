package com.onestepai.osai;

import org.jspecify.annotations.Nullable;

/**
 * The request could not be sent or its answer not read: connection refused or reset, DNS failure,
 * TLS failure, a timeout, or a cancelled call. The cause is the underlying {@link
 * java.io.IOException}.
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
