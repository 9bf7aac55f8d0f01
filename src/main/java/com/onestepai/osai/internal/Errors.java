package com.onestepai.osai.internal;

import com.onestepai.osai.BadRequestException;
import com.onestepai.osai.ConflictException;
import com.onestepai.osai.InternalServerException;
import com.onestepai.osai.NotFoundException;
import com.onestepai.osai.OsaiException;
import com.onestepai.osai.OsaiInvalidDataException;
import com.onestepai.osai.OsaiIoException;
import com.onestepai.osai.OsaiServiceException;
import com.onestepai.osai.PermissionDeniedException;
import com.onestepai.osai.Problem;
import com.onestepai.osai.RateLimitException;
import com.onestepai.osai.UnauthorizedException;
import com.onestepai.osai.UnexpectedStatusCodeException;
import com.onestepai.osai.UnprocessableEntityException;
import java.io.IOException;
import java.io.InterruptedIOException;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/** Turns what went wrong with a call into the public exception types, with no secret in them. */
final class Errors {
  /** How many characters of an error body an {@link OsaiServiceException} keeps. */
  static final int BODY_LIMIT = 8 * 1024;

  /**
   * How many bytes of an error body are read: {@link #BODY_LIMIT} characters and {@link
   * Redactor#MARGIN} more, at up to 3 bytes each in UTF-8, so that a secret straddling the cut is
   * redacted whole before the cut.
   */
  static final long BODY_READ_BYTES = 3L * (BODY_LIMIT + Redactor.MARGIN);

  private static final int MESSAGE_SNIPPET_CHARS = 200;

  /** How much of a problem's title, detail and field errors a message names. */
  private static final int PROBLEM_SNIPPET_CHARS = 400;

  private Errors() {}

  /** The exception for an answer whose status is not 2xx; reads (a bounded part of) its body. */
  static OsaiServiceException forStatus(
      Response raw, @Nullable ResponseBody errorBody, Redactor redactor) {
    String body = "";
    MediaType contentType = null;
    if (errorBody != null) {
      contentType = errorBody.contentType();
      try {
        BufferedSource source = errorBody.source();
        try {
          source.request(BODY_READ_BYTES);
        } catch (IOException e) {
          // The status says enough; a body cut short by the network keeps what arrived.
        }
        Buffer buffer = source.getBuffer();
        body = buffer.snapshot((int) Math.min(buffer.size(), BODY_READ_BYTES)).utf8();
      } finally {
        errorBody.close();
      }
      if (body.startsWith("\uFEFF")) {
        body = body.substring(1); // a byte order mark is no text, as on the success path
      }
    }
    Problem problem = Problems.parse(body, contentType, redactor, BODY_LIMIT);
    body = redactor.redactAndCut(body, BODY_LIMIT);
    Request request = raw.request();
    int code = raw.code();
    String summary = problem == null ? "" : Problems.summary(problem);
    String message =
        request.method()
            + " "
            + request.url()
            + " answered HTTP "
            + code
            + (!summary.isEmpty()
                ? ": " + oneLine(redactor.redactAndCut(summary, PROBLEM_SNIPPET_CHARS))
                : body.isEmpty()
                    ? ""
                    : ": " + oneLine(redactor.redactAndCut(body, MESSAGE_SNIPPET_CHARS)));
    String requestId = RequestIds.of(raw, problem);
    if (requestId != null) {
      requestId = oneLine(redactor.redactAndCut(requestId, PROBLEM_SNIPPET_CHARS));
    }
    return forStatus(
        code, message + RequestIds.inMessage(requestId), request, raw, body, problem, requestId);
  }

  static OsaiServiceException forStatus(
      int code,
      String message,
      Request request,
      Response raw,
      String body,
      @Nullable Problem problem,
      @Nullable String id) {
    String method = request.method();
    HttpUrl url = request.url();
    Headers headers = raw.headers();
    if (code == 400) {
      return new BadRequestException(message, code, method, url, headers, body, problem, id);
    } else if (code == 401) {
      return new UnauthorizedException(message, code, method, url, headers, body, problem, id);
    } else if (code == 403) {
      return new PermissionDeniedException(message, code, method, url, headers, body, problem, id);
    } else if (code == 404) {
      return new NotFoundException(message, code, method, url, headers, body, problem, id);
    } else if (code == 409) {
      return new ConflictException(message, code, method, url, headers, body, problem, id);
    } else if (code == 422) {
      return new UnprocessableEntityException(
          message, code, method, url, headers, body, problem, id);
    } else if (code == 429) {
      return new RateLimitException(message, code, method, url, headers, body, problem, id);
    } else if (code >= 500 && code <= 599) {
      return new InternalServerException(message, code, method, url, headers, body, problem, id);
    }
    return new UnexpectedStatusCodeException(
        message, code, method, url, headers, body, problem, id);
  }

  /**
   * The exception for a call that failed without an answer to map, or whose successful answer could
   * not be read. {@code request} and its id {@code sent} may be null when the request could not
   * even be built.
   */
  static RuntimeException forFailure(
      @Nullable Request request, RequestIds.@Nullable Sent sent, Throwable t, Redactor redactor) {
    if (t instanceof InterceptorFailure) {
      return ((InterceptorFailure) t).failure();
    }
    if (t instanceof OsaiException) {
      return (OsaiException) t;
    }
    String call = request == null ? "The call" : request.method() + " " + request.url();
    String id = RequestIds.sent(sent);
    if (t instanceof BodyDecodingException) {
      return new OsaiInvalidDataException(
          redactor.redact(
              call
                  + " succeeded but answered "
                  + ((BodyDecodingException) t).describe(redactor)
                  + RequestIds.inMessage(id)),
          t.getCause());
    }
    if (t instanceof IOException) {
      String what = t instanceof InterruptedIOException ? "timed out or was cancelled" : "failed";
      return new OsaiIoException(
          redactor.redact(
              call
                  + " "
                  + what
                  + ": "
                  + t.getClass().getSimpleName()
                  + ": "
                  + t.getMessage()
                  + RequestIds.inMessage(id)),
          t,
          id);
    }
    if (t instanceof RuntimeException) {
      return (RuntimeException) t; // a caller's mistake, such as a null path parameter
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    return new OsaiException(redactor.redact(call + " failed: " + t), t);
  }

  /** {@code text} on one line: every run of whitespace one space. */
  static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").trim();
  }
}
