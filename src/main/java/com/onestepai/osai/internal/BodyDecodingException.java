package com.onestepai.osai.internal;

import java.lang.reflect.Type;
import okhttp3.MediaType;
import okio.Buffer;
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
      Type expected, @Nullable MediaType contentType, long size, Buffer rest, Exception cause) {
    super(describe(expected, contentType, size, rest, cause), cause);
  }

  private static String describe(
      Type expected, @Nullable MediaType contentType, long size, Buffer rest, Exception cause) {
    String type =
        expected instanceof Class ? ((Class<?>) expected).getSimpleName() : expected.toString();
    if (size == 0) {
      return "an empty body where " + type + " was expected (Content-Type: " + contentType + ")";
    }
    long consumed = size - rest.size();
    String snippet =
        Errors.snippet(
            rest.snapshot((int) Math.min(rest.size(), 4L * SNIPPET_CHARS)).utf8(), SNIPPET_CHARS);
    return "a body that is not a valid "
        + type
        + " ("
        + cause.getMessage()
        + "; Content-Type: "
        + contentType
        + ", "
        + size
        + " bytes, "
        + (consumed <= 0 ? "starting: " : "from byte " + consumed + ": ")
        + snippet
        + ")";
  }
}
