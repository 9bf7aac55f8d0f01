package com.onestepai.osai.internal;

import com.onestepai.osai.Problem;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Call;
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
 *
 * <p>Each call's {@link Sent} is made by the call adapter, which names it in the call's errors, and
 * rides on the OkHttp call as a tag ({@code Call.tag}), where the interceptors find it on every
 * attempt. Retrofit hands neither the OkHttp call to the adapter nor anything of the adapter to the
 * call factory that makes the OkHttp call, so {@link #make} passes it across on the one thread
 * where both run, one after the other (a tag on the request would cost a rebuild of every request,
 * about 320 bytes a call: BENCHMARKS.md).
 */
final class RequestIds {
  static final String TRACEPARENT = "traceparent";

  /** The headers a server names its request id in, in the order they are preferred. */
  private static final String[] ANSWER_HEADERS = {
    "Request-Id", "X-Request-Id", "X-Correlation-Id", TRACEPARENT
  };

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /**
   * The id of the OkHttp call being made on this thread by {@link #make}, taken by {@link #taken}.
   */
  private static final ThreadLocal<@Nullable Sent> MAKING = new ThreadLocal<>();

  private RequestIds() {}

  /**
   * The tag on each OkHttp call (set by {@link ClientStack}'s call factory): the {@code
   * traceparent} made for the call, and the one that went out, once one did.
   */
  static final class Sent {
    final String made = newTraceparent();
    volatile @Nullable String value;
  }

  /**
   * Has Retrofit make {@code call}'s OkHttp call now, with a new id, and returns that id. Retrofit
   * makes it in {@code Call.request()}, on this thread, through {@link ClientStack}'s call factory,
   * which {@linkplain #taken takes} the id and tags the OkHttp call with it. May throw what {@code
   * request()} throws for a request that cannot be built.
   */
  static Sent make(retrofit2.Call<?> call) {
    Sent sent = new Sent();
    MAKING.set(sent);
    try {
      call.request();
    } finally {
      // Not remove(): the next call on this thread reuses the entry, which holds nothing meanwhile.
      MAKING.set(null);
    }
    return sent;
  }

  /**
   * For the call factory: the id {@link #make} is making a call with on this thread, or else a new
   * one (a call no SDK adapter runs: a {@code Call<T>} method of a caller's interface, or a call
   * made again by {@code clone()}).
   */
  static Sent taken() {
    Sent sent = MAKING.get();
    if (sent == null) {
      return new Sent();
    }
    MAKING.set(null);
    return sent;
  }

  /**
   * A new {@code traceparent}: version 00, a random trace id and parent id (never all zeros), and
   * flags 00 (the SDK records no trace of its own).
   */
  static String newTraceparent() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    byte[] ascii = new byte[55];
    ascii[0] = '0';
    ascii[1] = '0';
    ascii[2] = '-';
    hex(random.nextLong(), ascii, 3);
    hex(random.nextLong() | 1L, ascii, 19); // | 1: the trace id is never all zeros
    ascii[35] = '-';
    hex(random.nextLong() | 1L, ascii, 36);
    ascii[52] = '-';
    ascii[53] = '0';
    ascii[54] = '0';
    return new String(ascii, StandardCharsets.US_ASCII);
  }

  private static void hex(long value, byte[] into, int at) {
    for (int i = 15; i >= 0; i--) {
      into[at + i] = HEX[(int) (value & 0xf)];
      value >>>= 4;
    }
  }

  /**
   * Sets {@code call}'s {@code traceparent} on {@code builder} (a rebuild of {@code request}, its
   * attempt) unless the request has one already, and records which went out. A call without the tag
   * (a {@code Call.Factory} other than the SDK's) is left alone.
   */
  static void stamp(Call call, Request request, Request.Builder builder) {
    Sent sent = call.tag(Sent.class);
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

  /** The {@code traceparent} that went out with the call whose id this is, or null. */
  static @Nullable String sent(@Nullable Sent sent) {
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
