package com.onestepai.osai.internal;

import com.onestepai.osai.OsaiInvalidDataException;
import com.onestepai.osai.OsaiIoException;
import com.onestepai.osai.OsaiResponse;
import com.onestepai.osai.UploadFile;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okio.AsyncTimeout;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Callback;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.http.Streaming;

/**
 * Serves every operation, generated or declared by a caller: a method returning {@code T} runs the
 * call and returns its body or throws an {@link com.onestepai.osai.OsaiException}; a method
 * returning {@code CompletableFuture<T>} enqueues it and completes with the same outcome. A method
 * returning {@link OsaiResponse OsaiResponse&lt;T&gt;} (or a future of one) runs the same call the
 * same way, and returns the body with the answer's status, headers and request id. {@code Call<T>}
 * is left to Retrofit's own adapter.
 *
 * <p>A method marked {@code @Streaming} (a binary answer, returned as a {@code ResponseBody}) has
 * its call deadline stopped once the answer's headers are in: the caller reads the body at its own
 * pace, and the read timeout guards each wait for more bytes. A method marked {@link
 * NullableAnswer} returns {@code null} for a successful answer without a body; any other method but
 * a {@code Void} one throws {@link OsaiInvalidDataException} for it.
 */
final class OsaiCallAdapterFactory extends CallAdapter.Factory {
  private final Redactor redactor;
  private final BooleanSupplier closed;
  private final Executor completions;
  private final Limits limits;

  /**
   * @param closed whether the client is closed: a closed client starts no call
   * @param completions where a timed-out future is completed: never Okio's watchdog thread, which
   *     every OkHttp and Okio timeout in the JVM shares, since callers' continuations run there
   * @param limits what a timeout's message names
   */
  OsaiCallAdapterFactory(
      Redactor redactor, BooleanSupplier closed, Executor completions, Limits limits) {
    this.redactor = redactor;
    this.closed = closed;
    this.completions = completions;
    this.limits = limits;
  }

  /** The client's limits, and its record of attempts, for the message of a call that timed out. */
  static final class Limits {
    final HttpUrl baseUrl;
    final long connectTimeoutMillis;
    final long readTimeoutMillis;
    final Attempts attempts;

    Limits(HttpUrl baseUrl, long connectTimeoutMillis, long readTimeoutMillis, Attempts attempts) {
      this.baseUrl = baseUrl;
      this.connectTimeoutMillis = connectTimeoutMillis;
      this.readTimeoutMillis = readTimeoutMillis;
      this.attempts = attempts;
    }
  }

  private void checkOpen(Call<?> call) {
    if (closed.getAsBoolean()) {
      discardUnsent(call);
      throw new IllegalStateException("OsaiClient is closed");
    }
  }

  /**
   * Closes the stream of an {@link UploadFile} the call did not send, once the call is over: see
   * {@link Uploads#discardUnsent}.
   */
  static void discardUnsent(Call<?> call) {
    try {
      Uploads.discardUnsent(call.request().body());
    } catch (RuntimeException unbuildable) {
      // the request could not be built: the caller's failure says why, and no file was read
    }
  }

  @Override
  public @Nullable CallAdapter<?, ?> get(
      Type returnType, Annotation[] annotations, Retrofit retrofit) {
    Class<?> raw = getRawType(returnType);
    if (raw == Call.class) {
      return null;
    }
    if (raw == CompletableFuture.class) {
      if (!(returnType instanceof ParameterizedType)) {
        throw new IllegalStateException(
            "CompletableFuture return type must be parameterized as CompletableFuture<Foo>");
      }
      Type result = getParameterUpperBound(0, (ParameterizedType) returnType);
      boolean whole = getRawType(result) == OsaiResponse.class;
      return new Async<>(whole ? bodyType(result) : result, Shape.of(annotations), whole);
    }
    if (raw == OsaiResponse.class) {
      return new Blocking<>(bodyType(returnType), Shape.of(annotations), true);
    }
    return new Blocking<>(returnType, Shape.of(annotations), false);
  }

  /** The {@code T} of {@code OsaiResponse<T>}: the type the body is read as. */
  private static Type bodyType(Type osaiResponse) {
    if (!(osaiResponse instanceof ParameterizedType)) {
      throw new IllegalStateException(
          "OsaiResponse return type must be parameterized as OsaiResponse<Foo>");
    }
    return getParameterUpperBound(0, (ParameterizedType) osaiResponse);
  }

  /** What a generated method's annotations say about its answer. */
  static final class Shape {
    final boolean streaming;
    final boolean nullable;

    private Shape(boolean streaming, boolean nullable) {
      this.streaming = streaming;
      this.nullable = nullable;
    }

    static Shape of(Annotation[] annotations) {
      boolean streaming = false;
      boolean nullable = false;
      for (Annotation annotation : annotations) {
        streaming |= annotation instanceof Streaming;
        nullable |= annotation instanceof NullableAnswer;
      }
      return new Shape(streaming, nullable);
    }
  }

  /**
   * Stops the call's deadline once a streamed answer's headers are in: OkHttp's call timeout would
   * otherwise go on running while the caller reads the body, failing any download that takes
   * longer.
   */
  static void headersIn(Call<?> call, Shape shape) {
    if (shape.streaming) {
      call.timeout().cancel();
    }
  }

  /**
   * Lifts the call's deadline if it sends an {@link UploadFile}, alone or as a part of a multipart
   * body: a deadline on the whole call would fail every upload that takes longer, however steadily
   * it goes (256 MB at 30 Mbit/s take 70 s). Such a call is guarded step by step instead: {@code
   * connectTimeout}, then {@code readTimeout} for each stall while the file is sent (OkHttp's write
   * timeout) and while the answer is awaited and read. The wait for a sign-in keeps its bound.
   */
  static void noDeadlineForUploads(Call<?> call) {
    if (Uploads.sendsAFile(call.request().body())) {
      call.timeout().timeout(0, TimeUnit.NANOSECONDS);
    }
  }

  /** The body of a finished call, or the exception that says why there is none. */
  <T> @Nullable T bodyOf(Call<T> call, Response<T> response, Type type, Shape shape) {
    if (!response.isSuccessful()) {
      throw Errors.forStatus(response.raw(), response.errorBody(), redactor);
    }
    T body = response.body();
    if (body == null && type != Void.class && !shape.nullable) {
      Request request = response.raw().request();
      throw new OsaiInvalidDataException(
          request.method()
              + " "
              + request.url()
              + " answered HTTP "
              + response.code()
              + " with no body (or JSON null) where "
              + typeName(type)
              + " was expected"
              + RequestIds.inMessage(RequestIds.of(response.raw(), null)),
          null);
    }
    return body;
  }

  /**
   * What a method returns for a successful answer: its body, or, for a method returning {@link
   * OsaiResponse} ({@code whole}), the body with the answer's status, headers and request id (the
   * one rule of {@link RequestIds}, as errors name it).
   */
  static @Nullable Object result(Response<?> response, @Nullable Object body, boolean whole) {
    return whole
        ? new OsaiResponse<>(
            response.code(), response.headers(), body, RequestIds.of(response.raw(), null))
        : body;
  }

  /**
   * The exception for a call that failed: {@code sent} is its id, or null when the request could
   * not be built.
   */
  RuntimeException failureOf(Call<?> call, RequestIds.@Nullable Sent sent, Throwable t) {
    Request request;
    try {
      request = call.request();
    } catch (RuntimeException e) {
      request = null; // the request could not be built; t says why
    }
    String limit =
        request != null && (t instanceof InterruptedIOException || isSignInTimeout(t))
            ? timeoutThatFired(call, request, (IOException) t)
            : null;
    if (limit != null) {
      String id = RequestIds.sent(sent);
      return new OsaiIoException(
          redactor.redact(
              request.method()
                  + " "
                  + request.url()
                  + " timed out: "
                  + limit
                  + RequestIds.inMessage(id)),
          t,
          id);
    }
    return Errors.forFailure(request, sent, t, redactor);
  }

  /**
   * Whether {@code t} is the session's failure to get a JWT in time: the wait's own deadline (the
   * call's timeout) passed, or the sign-in call's own timeout did (not its read timeout, which the
   * sign-in's own message names).
   */
  private static boolean isSignInTimeout(Throwable t) {
    return isSignInWait(t)
        && (t.getCause().getCause() instanceof TimeoutException
            || (t.getCause().getCause() != null
                && t.getCause().getCause().getClass() == InterruptedIOException.class));
  }

  /**
   * Whether {@code t} is a failure of the session to get a JWT without an answer (timed out,
   * cancelled, interrupted, no connection): {@link BearerAuthInterceptor} carries those out in an
   * {@link InterceptorFailure}.
   */
  private static boolean isSignInWait(Throwable t) {
    return t instanceof InterceptorFailure && t.getCause() instanceof OsaiIoException;
  }

  /**
   * Which limit {@code t} says fired, with its value and the attempts made, or null when it is no
   * timeout (an interrupt, a cancellation): OkHttp's call timeout ({@code timeout}, while an
   * attempt ran, between two, or while the call waited for sign-in), or a socket's ({@code
   * connectTimeout}, or {@code readTimeout}, which bounds each stall of a write too).
   */
  private @Nullable String timeoutThatFired(Call<?> call, Request request, IOException t) {
    long timeoutMillis = TimeUnit.NANOSECONDS.toMillis(call.timeout().timeoutNanos());
    boolean callTimeout =
        t.getClass() == InterruptedIOException.class && "timeout".equals(t.getMessage());
    if ((callTimeout || isSignInTimeout(t)) && timeoutMillis > 0) {
      String limit = "its timeout (" + timeoutMillis + " ms)";
      // OkHttp's deadline cancels the wait for sign-in, or the wait's own deadline (the same)
      // ends it first: the message is the same either way.
      for (Throwable cause = t; cause != null; cause = cause.getCause()) {
        if (isSignInWait(cause)) {
          return limit + " passed while it waited for sign-in at " + limits.baseUrl;
        }
      }
      return callTimeout ? limit + " passed; " + limits.attempts.made(request) : null;
    }
    if (t instanceof SocketTimeoutException) {
      return String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("connect")
          ? "connectTimeout ("
              + limits.connectTimeoutMillis
              + " ms) passed before a connection was made; "
              + limits.attempts.made(request)
          : "readTimeout ("
              + limits.readTimeoutMillis
              + " ms) passed with the connection stalled; "
              + limits.attempts.made(request);
    }
    return null;
  }

  private static String typeName(Type type) {
    return type instanceof Class ? ((Class<?>) type).getSimpleName() : type.toString();
  }

  /**
   * An adapter for calls whose body is read as {@code type}, returned alone or, when {@code whole},
   * as an {@link OsaiResponse}.
   */
  private abstract static class TypedAdapter<T, R> implements CallAdapter<T, R> {
    final Type type;
    final Shape shape;
    final boolean whole;

    TypedAdapter(Type type, Shape shape, boolean whole) {
      this.type = type;
      this.shape = shape;
      this.whole = whole;
    }

    @Override
    public Type responseType() {
      return type;
    }
  }

  private final class Blocking<T> extends TypedAdapter<T, @Nullable Object> {
    Blocking(Type type, Shape shape, boolean whole) {
      super(type, shape, whole);
    }

    @Override
    public @Nullable Object adapt(Call<T> call) {
      checkOpen(call);
      Response<T> response;
      RequestIds.Sent sent = null;
      try {
        sent = RequestIds.make(call); // builds the request: may fail
        noDeadlineForUploads(call);
        response = call.execute();
      } catch (Exception e) {
        throw failureOf(call, sent, e);
      } finally {
        discardUnsent(call);
      }
      headersIn(call, shape);
      return result(response, bodyOf(call, response, type, shape), whole);
    }
  }

  /**
   * The future of one call. However it ends before the call does (cancel, with or without
   * interrupt; {@code orTimeout}; {@code complete} by the caller), the HTTP call is cancelled.
   */
  static final class CallFuture<T> extends CompletableFuture<T> {
    private final Call<?> call;

    CallFuture(Call<?> call) {
      this.call = call;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      // Cancelled first, the call second: cancelling the call fails it at once on a dispatcher
      // thread, which would otherwise complete this future with that failure.
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      if (cancelled) {
        call.cancel();
      }
      return cancelled;
    }

    @Override
    public boolean complete(T value) {
      boolean completed = super.complete(value);
      if (completed) {
        call.cancel(); // a caller ended it: the answer is no longer wanted
      }
      return completed;
    }

    @Override
    public boolean completeExceptionally(Throwable failure) {
      boolean completed = super.completeExceptionally(failure);
      if (completed) {
        call.cancel(); // orTimeout, or a caller ended it
      }
      return completed;
    }

    /** Completes with the call's own outcome: the call is over, nothing to cancel. */
    void settle(@Nullable T value, @Nullable Throwable failure) {
      if (failure == null) {
        Object body = value instanceof OsaiResponse ? ((OsaiResponse<?>) value).body() : value;
        if (!super.complete(value) && body instanceof java.io.Closeable) {
          closeQuietly((java.io.Closeable) body); // a streamed body no one will read
        }
      } else {
        super.completeExceptionally(failure);
      }
    }
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    try {
      closeable.close();
    } catch (java.io.IOException | RuntimeException ignored) {
      // nothing to tell anyone: the body was not wanted
    }
  }

  private final class Async<T> extends TypedAdapter<T, CompletableFuture<@Nullable Object>> {
    Async(Type type, Shape shape, boolean whole) {
      super(type, shape, whole);
    }

    /**
     * Enqueues the call. Its timeout starts now, not when a dispatcher thread picks it up as
     * OkHttp's own would: time spent queued behind other calls to the host counts. The watchdog is
     * okio's, the one OkHttp's timeouts use; it only cancels the call and hands the completion to
     * {@link #completions}, so no caller code ever runs on it.
     */
    @Override
    public CompletableFuture<@Nullable Object> adapt(Call<T> call) {
      checkOpen(call);
      CallFuture<@Nullable Object> future = new CallFuture<>(call);
      RequestIds.Sent sent;
      long timeoutNanos;
      try {
        sent = RequestIds.make(call); // builds the request: may fail
        noDeadlineForUploads(call);
        timeoutNanos = call.timeout().timeoutNanos();
      } catch (RuntimeException e) {
        future.settle(null, failureOf(call, null, e));
        return future;
      }
      AtomicBoolean timedOut = new AtomicBoolean();
      AsyncTimeout watchdog =
          new AsyncTimeout() {
            @Override
            protected void timedOut() {
              timedOut.set(true);
              call.cancel();
              Runnable fail = () -> future.settle(null, timedOutFailure(call, sent, timeoutNanos));
              try {
                completions.execute(fail);
              } catch (RejectedExecutionException closedExecutor) {
                Thread thread = new Thread(fail, "OSAI call timeout");
                thread.setDaemon(true);
                thread.start();
              }
            }
          };
      if (timeoutNanos > 0) {
        watchdog.timeout(timeoutNanos, TimeUnit.NANOSECONDS);
        watchdog.enter();
      }
      call.enqueue(
          new Callback<T>() {
            @Override
            public void onResponse(Call<T> call, Response<T> response) {
              watchdog.exit();
              discardUnsent(call);
              headersIn(call, shape);
              try {
                future.settle(result(response, bodyOf(call, response, type, shape), whole), null);
              } catch (RuntimeException e) {
                future.settle(null, e);
              }
            }

            @Override
            public void onFailure(Call<T> call, Throwable t) {
              watchdog.exit();
              discardUnsent(call);
              try {
                future.settle(
                    null,
                    timedOut.get()
                        ? timedOutFailure(call, sent, timeoutNanos)
                        : failureOf(call, sent, t));
              } catch (Error e) {
                future.settle(null, e);
              }
            }
          });
      return future;
    }
  }

  private OsaiIoException timedOutFailure(Call<?> call, RequestIds.Sent sent, long timeoutNanos) {
    Request request = call.request();
    // Read once: a queued call can go out (and get its id) while this runs, and the message must
    // name the id that requestId() returns.
    String id = RequestIds.sent(sent);
    return new OsaiIoException(
        redactor.redact(
            request.method()
                + " "
                + request.url()
                + " timed out: its timeout ("
                + TimeUnit.NANOSECONDS.toMillis(timeoutNanos)
                + " ms, counted from when it was enqueued) passed; "
                + limits.attempts.made(request)
                + RequestIds.inMessage(id)),
        new InterruptedIOException("timeout"),
        id);
  }
}
