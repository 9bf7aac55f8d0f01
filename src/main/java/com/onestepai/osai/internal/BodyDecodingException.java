package com.onestepai.osai.internal;

import com.squareup.moshi.JsonDataException;
import java.io.EOFException;
import java.lang.reflect.Type;
import okhttp3.MediaType;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * A successful answer's body could not be read as the expected type. Thrown by the converter, which
 * does not know the request, nor the secrets; {@link Errors#forFailure} turns it into the public
 * {@link com.onestepai.osai.OsaiInvalidDataException} with the method, the URL and, through {@link
 * #describe}, the start of the body, redacted before it is cut.
 *
 * <p>The message says what was wrong in the SDK's words (malformed JSON, JSON that ends early, a
 * value of the wrong type, more after the document), the JSON path and the byte where parsing
 * stopped, never Moshi's advice to make the reader lenient, which a caller cannot act on.
 */
final class BodyDecodingException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int SNIPPET_CHARS = 120;

  /** What was wrong and where, and the content type: what the message holds. */
  private final String head;

  /**
   * The start of the body, with {@link Redactor#MARGIN} characters (3 bytes each at most) past the
   * snippet: it may hold a secret, so it is never in {@link #getMessage()}; null when empty.
   */
  private final @Nullable String start;

  /**
   * @param body the whole body, unconsumed
   * @param from where the JSON starts in it (past a byte order mark)
   * @param failedAt how many bytes of the body the reader had consumed when it failed
   * @param path the reader's JSON path when it failed
   */
  BodyDecodingException(
      Type expected,
      @Nullable MediaType contentType,
      Buffer body,
      long from,
      long failedAt,
      String path,
      Exception cause) {
    this(head(expected, contentType, body.size(), from, failedAt, path, cause), body, from, cause);
  }

  private BodyDecodingException(String head, Buffer body, long from, Exception cause) {
    super(head, cause);
    this.head = head;
    long bytes = Math.min(body.size() - from, 3L * (SNIPPET_CHARS + Redactor.MARGIN));
    this.start =
        bytes <= 0 ? null : body.snapshot((int) (from + bytes)).substring((int) from).utf8();
  }

  private static String head(
      Type expected,
      @Nullable MediaType contentType,
      long size,
      long from,
      long failedAt,
      String path,
      Exception cause) {
    String type =
        expected instanceof Class ? ((Class<?>) expected).getSimpleName() : expected.toString();
    if (size - from == 0) {
      return "an empty body where " + type + " was expected (Content-Type: " + contentType + ")";
    }
    return "a body that is not a valid "
        + type
        + ": "
        + reason(cause, size, failedAt, path)
        + ". Content-Type: "
        + contentType;
  }

  /** What was wrong, and where, in the SDK's words. */
  private static String reason(Exception cause, long size, long failedAt, String path) {
    String where = " (byte " + failedAt + " of " + size + ")";
    String message = String.valueOf(cause.getMessage());
    if (cause instanceof JsonDataException) {
      return message.equals(OsaiConverterFactory.NOT_FULLY_CONSUMED)
          ? "more follows the JSON value" + where
          : message + where; // a value of the wrong type, a missing one: they name the path
    }
    if (failedAt >= size
        || cause instanceof EOFException
        || message.startsWith("End of input")
        || message.startsWith("Unterminated string")) { // Moshi's words when the body ran out
      return "the JSON ends early, at path "
          + path
          + " (byte "
          + size
          + " of "
          + size
          + "), as if"
          + " cut short";
    }
    // Moshi's own text ("Use JsonReader.setLenient(true) to accept malformed JSON", "Expected
    // ':'") is left out: the path and the byte say where, the body's start shows what.
    return "malformed JSON at path " + path + where;
  }

  /** The message with the start of the body: redacted, then cut. */
  String describe(Redactor redactor) {
    return start == null
        ? head
        : head + ", starting: " + Errors.oneLine(redactor.redactAndCut(start, SNIPPET_CHARS));
  }
}
