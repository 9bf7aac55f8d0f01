package com.onestepai.osai.internal;

import com.onestepai.osai.BadRequestException;
import com.onestepai.osai.InternalServerException;
import com.onestepai.osai.NotFoundException;
import com.onestepai.osai.OsaiException;
import com.onestepai.osai.OsaiInvalidDataException;
import com.onestepai.osai.OsaiIoException;
import com.onestepai.osai.OsaiServiceException;
import com.onestepai.osai.PermissionDeniedException;
import com.onestepai.osai.RateLimitException;
import com.onestepai.osai.UnauthorizedException;
import com.onestepai.osai.UnexpectedStatusCodeException;
import java.io.IOException;
import java.io.InterruptedIOException;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/** Turns what went wrong with a call into the public exception types, with no secret in them. */
final class Errors {
  /** How much of an error body an {@link OsaiServiceException} keeps. */
  static final long BODY_LIMIT = 8 * 1024;

  private static final int MESSAGE_SNIPPET_CHARS = 200;

  private Errors() {}

  /** The exception for an answer whose status is not 2xx; reads (a bounded part of) its body. */
  static OsaiServiceException forStatus(
      Response raw, @Nullable ResponseBody errorBody, Redactor redactor) {
    String body = "";
    if (errorBody != null) {
      try {
        BufferedSource source = errorBody.source();
        source.request(BODY_LIMIT);
        Buffer buffer = source.getBuffer();
        body = buffer.snapshot((int) Math.min(buffer.size(), BODY_LIMIT)).utf8();
      } catch (IOException e) {
        // The status says enough; a body cut short by the network is no reason to lose it.
      } finally {
        errorBody.close();
      }
    }
    body = redactor.redact(body);
    Request request = raw.request();
    int code = raw.code();
    String message =
        request.method()
            + " "
            + request.url()
            + " answered HTTP "
            + code
            + (body.isEmpty() ? "" : ": " + snippet(body, MESSAGE_SNIPPET_CHARS));
    return forStatus(code, message, request, raw, body);
  }

  static OsaiServiceException forStatus(
      int code, String message, Request request, Response raw, String body) {
    String method = request.method();
    if (code == 400) {
      return new BadRequestException(message, code, method, request.url(), raw.headers(), body);
    } else if (code == 401) {
      return new UnauthorizedException(message, code, method, request.url(), raw.headers(), body);
    } else if (code == 403) {
      return new PermissionDeniedException(
          message, code, method, request.url(), raw.headers(), body);
    } else if (code == 404) {
      return new NotFoundException(message, code, method, request.url(), raw.headers(), body);
    } else if (code == 429) {
      return new RateLimitException(message, code, method, request.url(), raw.headers(), body);
    } else if (code >= 500 && code <= 599) {
      return new InternalServerException(message, code, method, request.url(), raw.headers(), body);
    }
    return new UnexpectedStatusCodeException(
        message, code, method, request.url(), raw.headers(), body);
  }

  /**
   * The exception for a call that failed without an answer to map, or whose successful answer could
   * not be read. {@code request} may be null when the request could not even be built.
   */
  static RuntimeException forFailure(@Nullable Request request, Throwable t, Redactor redactor) {
    if (t instanceof InterceptorFailure) {
      return ((InterceptorFailure) t).failure();
    }
    if (t instanceof OsaiException) {
      return (OsaiException) t;
    }
    String call = request == null ? "The call" : request.method() + " " + request.url();
    if (t instanceof BodyDecodingException) {
      return new OsaiInvalidDataException(
          redactor.redact(call + " succeeded but answered " + t.getMessage()), t.getCause());
    }
    if (t instanceof IOException) {
      String what = t instanceof InterruptedIOException ? "timed out or was cancelled" : "failed";
      return new OsaiIoException(
          redactor.redact(
              call + " " + what + ": " + t.getClass().getSimpleName() + ": " + t.getMessage()),
          t);
    }
    if (t instanceof RuntimeException) {
      return (RuntimeException) t; // a caller's mistake, such as a null path parameter
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    return new OsaiException(redactor.redact(call + " failed: " + t), t);
  }

  /** The first {@code maxChars} characters of {@code text} on one line. */
  static String snippet(String text, int maxChars) {
    String oneLine = text.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= maxChars ? oneLine : oneLine.substring(0, maxChars) + "…";
  }
}
