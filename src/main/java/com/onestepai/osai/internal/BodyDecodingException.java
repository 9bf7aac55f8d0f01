package com.onestepai.osai.internal;

import java.lang.reflect.Type;
import okhttp3.MediaType;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * A successful answer's body could not be read as the expected type. Thrown by the converter, which
 * does not know the request, nor the secrets; {@link Errors#forFailure} turns it into the public
 * {@link com.onestepai.osai.OsaiInvalidDataException} with the method, the URL and, through {@link
 * #describe}, the start of the body, redacted before it is cut.
 */
final class BodyDecodingException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int SNIPPET_CHARS = 120;

  /** The message up to where the body's start goes. */
  private final String head;

  /**
   * The body from where parsing failed, with {@link Redactor#MARGIN} characters (3 bytes each at
   * most) past the snippet: it may hold a secret, so it is never in {@link #getMessage()}.
   */
  private final String rest;

  BodyDecodingException(
      Type expected, @Nullable MediaType contentType, long size, Buffer rest, Exception cause) {
    this(head(expected, contentType, size, rest, cause), size, rest, cause);
  }

  private BodyDecodingException(String head, long size, Buffer rest, Exception cause) {
    super(size == 0 ? head : head + ")", cause);
    this.head = head;
    long bytes = Math.min(rest.size(), 3L * (SNIPPET_CHARS + Redactor.MARGIN));
    this.rest = size == 0 ? null : rest.snapshot((int) bytes).utf8();
  }

  private static String head(
      Type expected, @Nullable MediaType contentType, long size, Buffer rest, Exception cause) {
    String type =
        expected instanceof Class ? ((Class<?>) expected).getSimpleName() : expected.toString();
    if (size == 0) {
      return "an empty body where " + type + " was expected (Content-Type: " + contentType + ")";
    }
    long consumed = size - rest.size();
    return "a body that is not a valid "
        + type
        + " ("
        + cause.getMessage()
        + "; Content-Type: "
        + contentType
        + ", "
        + size
        + " bytes"
        + (consumed <= 0 ? ", starting" : ", from byte " + consumed);
  }

  /** The message with the start of the body where parsing failed: redacted, then cut. */
  String describe(Redactor redactor) {
    return rest == null
        ? head
        : head + ": " + Errors.oneLine(redactor.redactAndCut(rest, SNIPPET_CHARS)) + ")";
  }
}
