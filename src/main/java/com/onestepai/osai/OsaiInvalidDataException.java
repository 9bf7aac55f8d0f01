package com.onestepai.osai;

import org.jspecify.annotations.Nullable;

/**
 * The server answered with success, but the body could not be read as the type the API description
 * promises: malformed or truncated JSON, a wrong content type (an HTML page from a proxy, say), or
 * an empty body.
 *
 * <p>The message names the expected type, the content type and the start of the body. It usually
 * means the base URL points at something that is not the OSAI API, or that the API changed.
 *
 * <pre>{@code
 * } catch (OsaiInvalidDataException e) {
 *   System.err.println("not the OSAI API? " + e.getMessage());
 * }
 * }</pre>
 */
public class OsaiInvalidDataException extends OsaiException {
  private static final long serialVersionUID = 1L;

  public OsaiInvalidDataException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
