package com.onestepai.osai.internal;

import com.onestepai.osai.Idempotent;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;
import retrofit2.Invocation;

/**
 * Retries a call that failed for a reason that may pass: a connection failure, or an answer of 408,
 * 429, 500, 502, 503 or 504. Only idempotent calls are retried once sent (GET, HEAD, OPTIONS, PUT,
 * DELETE, and methods marked {@link Idempotent}, from the spec or by the caller), and only when
 * their body can be sent again; any call is retried when the connection was refused, since nothing
 * was sent.
 *
 * <p>Waits {@code 0.5 s * 2^attempt}, capped at 8 s, less up to 25% jitter, or what {@code
 * Retry-After} asks (seconds or an HTTP date) when that is at most {@code maxRetryAfterNanos};
 * asked for longer, it gives the answer back instead. It never waits past the call's deadline: the
 * OkHttp call timeout, which covers sign-in, every attempt and every wait.
 *
 * <p>It must be the first application interceptor, so that its wait budget is the whole call's. It
 * also hands on only the first {@link Errors#BODY_READ_BYTES} bytes of an error answer's body,
 * since Retrofit would otherwise read all of it into memory.
 */
final class RetryInterceptor implements Interceptor {
  static final long INITIAL_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
  static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(8);

  private final int maxRetries;
  private final long maxRetryAfterNanos;
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  private final LongSupplier wallClockMillis;
  private final LongSupplier nanoTime;
  private final Consumer<String> debug;
  private final Attempts attempts;

  /**
   * @param debug where one line per retry goes (attempt, wait, cause)
   * @param attempts where the second attempt of a call, and each later one, is recorded
   */
  RetryInterceptor(
      int maxRetries,
      long maxRetryAfterNanos,
      Sleeper sleeper,
      DoubleSupplier random,
      LongSupplier wallClockMillis,
      LongSupplier nanoTime,
      Consumer<String> debug,
      Attempts attempts) {
    this.attempts = attempts;
    this.maxRetries = maxRetries;
    this.maxRetryAfterNanos = maxRetryAfterNanos;
    this.sleeper = sleeper;
    this.random = random;
    this.wallClockMillis = wallClockMillis;
    this.nanoTime = nanoTime;
    this.debug = debug;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    long timeout = chain.call().timeout().timeoutNanos();
    long deadline = timeout > 0 ? nanoTime.getAsLong() + timeout : Long.MAX_VALUE;
    Request request = chain.request();
    boolean idempotent = isIdempotent(request);
    RequestBody body = request.body();
    if (!idempotent && body != null && !body.isOneShot()) {
      // Decided here, with the retries: OkHttp itself repeats a repeatable body after a dropped
      // connection, a 408 or a 503 with Retry-After: 0. An empty POST body is a body too.
      request = request.newBuilder().method(request.method(), new OneShotBody(body)).build();
    }
    // Whether the call may be sent again: not with a body that can be read once (an UploadFile of
    // an InputStream), marked idempotent or not; its second send would fail, hiding the answer.
    boolean repeatable = idempotent && (body == null || !body.isOneShot());
    for (int attempt = 0; ; attempt++) {
      if (attempt > 0) {
        attempts.starting(chain.call().request(), attempt + 1);
      }
      Response response;
      try {
        response = chain.proceed(request);
        if (repeatable && response.isSuccessful() && !isStreaming(request)) {
          bufferBody(response);
        }
      } catch (InterceptorFailure e) {
        throw e; // sign-in failed, after its own retries
      } catch (IOException e) {
        // Any call may be retried when the connection was refused: nothing was sent.
        boolean retryable = repeatable || e instanceof ConnectException;
        if (!retryable || attempt >= maxRetries || chain.call().isCanceled()) {
          throw e;
        }
        long delay = backoffNanos(attempt);
        if (delay >= deadline - nanoTime.getAsLong()) {
          throw e;
        }
        retrying(request, attempt, delay, e.getClass().getSimpleName());
        sleep(delay, chain.call());
        continue;
      }
      if (!repeatable || attempt >= maxRetries || !isRetryable(response.code())) {
        return boundErrorBody(response);
      }
      long delay = retryAfterNanos(response);
      if (delay > maxRetryAfterNanos) {
        return boundErrorBody(response); // the server asks for longer than the caller lets us wait
      }
      if (delay < 0) {
        delay = backoffNanos(attempt);
      }
      if (delay >= deadline - nanoTime.getAsLong()) {
        return boundErrorBody(response);
      }
      response.close(); // closed here: the request is sent again
      retrying(request, attempt, delay, "HTTP " + response.code());
      sleep(delay, chain.call());
    }
  }

  /**
   * An error answer with at most {@link Errors#BODY_READ_BYTES} bytes of its body, read here: a
   * body cut short by the network keeps what arrived, and the status still reaches the caller. Not
   * cut to {@link Errors#BODY_LIMIT}: {@link Errors#forStatus} cuts it once redacted, with the
   * margin it needs to redact a secret straddling the cut.
   */
  private static Response boundErrorBody(Response response) {
    ResponseBody body = response.body();
    if (response.isSuccessful() || body == null) {
      return response;
    }
    Buffer kept = new Buffer();
    try {
      BufferedSource source = body.source();
      try {
        source.request(Errors.BODY_READ_BYTES);
      } catch (IOException cutShort) {
        // Keep what arrived.
      }
      Buffer read = source.getBuffer();
      read.copyTo(kept, 0, Math.min(read.size(), Errors.BODY_READ_BYTES));
    } finally {
      response.close();
    }
    return response
        .newBuilder()
        .body(ResponseBody.create(kept, body.contentType(), kept.size()))
        .build();
  }

  /**
   * Reads a successful answer's body into memory here, where a connection reset mid-body can still
   * be retried, rather than in the converter, where it could not. The converter buffers the whole
   * body anyway; methods marked {@code @Streaming} are left to stream.
   */
  private static void bufferBody(Response response) throws IOException {
    try {
      response.body().source().request(Long.MAX_VALUE);
    } catch (IOException e) {
      response.close();
      throw e;
    }
  }

  private static boolean isStreaming(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    return invocation != null
        && invocation.method().isAnnotationPresent(retrofit2.http.Streaming.class);
  }

  static boolean isRetryable(int code) {
    return code == 408 || code == 429 || code == 500 || code == 502 || code == 503 || code == 504;
  }

  private static boolean isIdempotent(Request request) {
    if (isIdempotentMethod(request.method())) {
      return true;
    }
    Invocation invocation = request.tag(Invocation.class);
    return invocation != null && invocation.method().isAnnotationPresent(Idempotent.class);
  }

  /** Whether HTTP defines {@code method} as idempotent (RFC 9110, 9.2.2). */
  static boolean isIdempotentMethod(String method) {
    switch (method) {
      case "GET":
      case "HEAD":
      case "OPTIONS":
      case "PUT":
      case "DELETE":
        return true;
      default:
        return false;
    }
  }

  private long backoffNanos(int attempt) {
    long backoff = Math.min(MAX_BACKOFF_NANOS, INITIAL_BACKOFF_NANOS << Math.min(attempt, 10));
    return (long) (backoff * (1 - 0.25 * random.getAsDouble()));
  }

  /** What {@code Retry-After} asks for, in nanoseconds; -1 when absent or unreadable. */
  private long retryAfterNanos(Response response) {
    String value = response.header("Retry-After");
    if (value == null) {
      return -1;
    }
    try {
      long seconds = Long.parseLong(value.trim());
      return seconds < 0 ? -1 : TimeUnit.SECONDS.toNanos(seconds);
    } catch (NumberFormatException notSeconds) {
      Date date = response.headers().getDate("Retry-After");
      if (date == null) {
        return -1;
      }
      return TimeUnit.MILLISECONDS.toNanos(
          Math.max(0, date.getTime() - wallClockMillis.getAsLong()));
    }
  }

  private void retrying(Request request, int attempt, long delayNanos, String cause) {
    debug.accept(
        "retry "
            + (attempt + 1)
            + "/"
            + maxRetries
            + " of "
            + request.method()
            + " "
            + request.url()
            + " in "
            + TimeUnit.NANOSECONDS.toMillis(delayNanos)
            + " ms after "
            + cause);
  }

  /** A body OkHttp will not send twice. Only {@link #isOneShot()} differs from the one it wraps. */
  static final class OneShotBody extends RequestBody {
    final RequestBody delegate;

    OneShotBody(RequestBody delegate) {
      this.delegate = delegate;
    }

    @Override
    public @Nullable MediaType contentType() {
      return delegate.contentType();
    }

    @Override
    public long contentLength() throws IOException {
      return delegate.contentLength();
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      delegate.writeTo(sink);
    }

    @Override
    public boolean isOneShot() {
      return true;
    }
  }

  private void sleep(long nanos, Call call) throws IOException {
    try {
      sleeper.sleep(nanos, call::isCanceled);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
    if (call.isCanceled()) {
      throw new IOException("Canceled");
    }
  }
}
