package com.onestepai.osai.internal;

import com.onestepai.osai.Problem;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * The id of each call, for support tickets. Every call goes out with a W3C {@code traceparent} made
 * for it (the same on each attempt and replay of the call), unless the caller's own instrumentation
 * (an interceptor, a {@code @Header}, a header of {@code withOptions}) set one, which is then left
 * alone. ASP.NET Core adopts an incoming trace id, and reports it as its problems' {@code traceId}.
 * The id to quote is what the server answered, else what was sent.
 */
final class RequestIds {
  static final String TRACEPARENT = "traceparent";

  /** The headers a server names its request id in, in the order they are preferred. */
  private static final String[] ANSWER_HEADERS = {
    "Request-Id", "X-Request-Id", "X-Correlation-Id", TRACEPARENT
  };

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private RequestIds() {}

  /**
   * The tag on each call's request (set by {@link ClientStack}'s call factory): the {@code
   * traceparent} made for the call, and the one that went out, once one did.
   */
  static final class Sent {
    final String made;
    volatile @Nullable String value;

    Sent(String made) {
      this.made = made;
    }
  }

  /**
   * A new {@code traceparent}: version 00, a random trace id and parent id (never all zeros), and
   * flags 00 (the SDK records no trace of its own).
   */
  static String newTraceparent() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] chars = new char[55];
    chars[0] = '0';
    chars[1] = '0';
    chars[2] = '-';
    hex(random.nextLong(), chars, 3);
    hex(random.nextLong() | 1L, chars, 19); // | 1: the trace id is never all zeros
    chars[35] = '-';
    hex(random.nextLong() | 1L, chars, 36);
    chars[52] = '-';
    chars[53] = '0';
    chars[54] = '0';
    return new String(chars);
  }

  private static void hex(long value, char[] into, int at) {
    for (int i = 15; i >= 0; i--) {
      into[at + i] = HEX[(int) (value & 0xf)];
      value >>>= 4;
    }
  }

  /**
   * Sets the call's {@code traceparent} on {@code builder} (a rebuild of {@code request}) unless
   * the request has one already, and records which went out. A request without the tag (a {@code
   * Call.Factory} other than the SDK's) is left alone.
   */
  static void stamp(Request request, Request.Builder builder) {
    Sent sent = request.tag(Sent.class);
    if (sent == null) {
      return;
    }
    String callers = request.header(TRACEPARENT);
    if (callers == null) {
      builder.header(TRACEPARENT, sent.made);
      sent.value = sent.made;
    } else {
      sent.value = callers;
    }
  }

  /** The {@code traceparent} that went out for the call whose original request this is, or null. */
  static @Nullable String sent(@Nullable Request call) {
    Sent sent = call == null ? null : call.tag(Sent.class);
    return sent == null ? null : sent.value;
  }

  /**
   * The id to quote for an answer: what its headers or problem name, else what its request sent.
   */
  static @Nullable String of(Response answer, @Nullable Problem problem) {
    String answered = answered(answer.headers(), problem);
    return answered != null ? answered : answer.request().header(TRACEPARENT);
  }

  /** The id an answer names, in its headers or its problem's {@code traceId}; or null. */
  static @Nullable String answered(Headers headers, @Nullable Problem problem) {
    for (String name : ANSWER_HEADERS) {
      String value = headers.get(name);
      if (value != null && !value.trim().isEmpty()) {
        return value.trim();
      }
    }
    String traceId = problem == null ? null : problem.traceId();
    return traceId == null || traceId.trim().isEmpty() ? null : traceId.trim();
  }

  /** The end of an error message that names the request id: empty when there is none. */
  static String inMessage(@Nullable String requestId) {
    return requestId == null ? "" : " (request id " + requestId + ")";
  }
}
