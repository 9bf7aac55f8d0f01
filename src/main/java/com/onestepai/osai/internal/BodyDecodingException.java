package com.onestepai.osai.internal;

import java.lang.reflect.Type;
import okhttp3.MediaType;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * A successful answer's body could not be read as the expected type. Thrown by the converter, which
 * does not know the request; {@link OsaiCallAdapterFactory} turns it into the public {@link
 * com.onestepai.osai.OsaiInvalidDataException} with the method and URL.
 */
final class BodyDecodingException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int SNIPPET_CHARS = 120;

  BodyDecodingException(
      Type expected, @Nullable MediaType contentType, ByteString body, Exception cause) {
    super(describe(expected, contentType, body, cause), cause);
  }

  private static String describe(
      Type expected, @Nullable MediaType contentType, ByteString body, Exception cause) {
    String type =
        expected instanceof Class ? ((Class<?>) expected).getSimpleName() : expected.toString();
    if (body.size() == 0) {
      return "an empty body where " + type + " was expected (Content-Type: " + contentType + ")";
    }
    return "a body that is not a valid "
        + type
        + " ("
        + cause.getMessage()
        + "; Content-Type: "
        + contentType
        + ", "
        + body.size()
        + " bytes, starting: "
        + Errors.snippet(
            body.substring(0, Math.min(body.size(), 4 * SNIPPET_CHARS)).utf8(), SNIPPET_CHARS)
        + ")";
  }
}
