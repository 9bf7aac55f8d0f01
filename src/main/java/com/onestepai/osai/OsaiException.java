package com.onestepai.osai;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception the OSAI SDK throws; unchecked.
 *
 * <pre>{@code
 * try {
 *   User me = client.users().getCurrentUser();
 * } catch (UnauthorizedException e) {   // 401: token expired, deleted, or wrong region
 *   ...
 * } catch (OsaiServiceException e) {    // any other error status: e.statusCode(), e.body()
 *   ...
 * } catch (OsaiIoException e) {         // network failure or timeout
 *   ...
 * }
 * }</pre>
 *
 * <p>No message of an {@code OsaiException} contains the access token or a JWT.
 */
public class OsaiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OsaiException(String message) {
    super(message);
  }

  public OsaiException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
