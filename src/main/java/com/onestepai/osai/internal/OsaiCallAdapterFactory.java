package com.onestepai.osai.internal;

import com.onestepai.osai.OsaiInvalidDataException;
import com.onestepai.osai.OsaiIoException;
import java.io.InterruptedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import okio.AsyncTimeout;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Callback;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * Serves every generated operation: a method returning {@code T} runs the call and returns its body
 * or throws an {@link com.onestepai.osai.OsaiException}; a method returning {@code
 * CompletableFuture<T>} enqueues it and completes with the same outcome. {@code Call<T>} is left to
 * Retrofit's own adapter.
 */
public final class OsaiCallAdapterFactory extends CallAdapter.Factory {
  private final Redactor redactor;

  public OsaiCallAdapterFactory(Redactor redactor) {
    this.redactor = redactor;
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
      return new Async<>(getParameterUpperBound(0, (ParameterizedType) returnType));
    }
    return new Blocking<>(returnType);
  }

  /** The body of a finished call, or the exception that says why there is none. */
  <T> @Nullable T bodyOf(Call<T> call, Response<T> response, Type type) {
    if (!response.isSuccessful()) {
      throw Errors.forStatus(response.raw(), response.errorBody(), redactor);
    }
    T body = response.body();
    if (body == null && type != Void.class) {
      Request request = response.raw().request();
      throw new OsaiInvalidDataException(
          request.method()
              + " "
              + request.url()
              + " answered HTTP "
              + response.code()
              + " with no body (or JSON null) where "
              + typeName(type)
              + " was expected",
          null);
    }
    return body;
  }

  RuntimeException failureOf(Call<?> call, Throwable t) {
    Request request;
    try {
      request = call.request();
    } catch (RuntimeException e) {
      request = null; // the request could not be built; t says why
    }
    return Errors.forFailure(request, t, redactor);
  }

  private static String typeName(Type type) {
    return type instanceof Class ? ((Class<?>) type).getSimpleName() : type.toString();
  }

  /** An adapter for calls whose body is read as {@code type}. */
  private abstract static class TypedAdapter<T, R> implements CallAdapter<T, R> {
    final Type type;

    TypedAdapter(Type type) {
      this.type = type;
    }

    @Override
    public Type responseType() {
      return type;
    }
  }

  private final class Blocking<T> extends TypedAdapter<T, T> {
    Blocking(Type type) {
      super(type);
    }

    @Override
    public T adapt(Call<T> call) {
      Response<T> response;
      try {
        response = call.execute();
      } catch (Exception e) {
        throw failureOf(call, e);
      }
      return bodyOf(call, response, type);
    }
  }

  private final class Async<T> extends TypedAdapter<T, CompletableFuture<T>> {
    Async(Type type) {
      super(type);
    }

    /**
     * Enqueues the call. Its timeout starts now, not when a dispatcher thread picks it up as
     * OkHttp's own would: time spent queued behind other calls to the host counts. The watchdog is
     * okio's, the one OkHttp's timeouts use: no thread of ours.
     */
    @Override
    public CompletableFuture<T> adapt(Call<T> call) {
      CompletableFuture<T> future =
          new CompletableFuture<T>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
              // Cancelled first, the call second: cancelling the call fails it at once on a
              // dispatcher thread, which would otherwise complete this future with that failure.
              boolean cancelled = super.cancel(mayInterruptIfRunning);
              if (mayInterruptIfRunning) {
                call.cancel();
              }
              return cancelled;
            }
          };
      long timeoutNanos;
      try {
        timeoutNanos = call.timeout().timeoutNanos(); // builds the request: may fail
      } catch (RuntimeException e) {
        future.completeExceptionally(failureOf(call, e));
        return future;
      }
      AsyncTimeout watchdog =
          new AsyncTimeout() {
            @Override
            protected void timedOut() {
              call.cancel();
              Request request = call.request();
              future.completeExceptionally(
                  new OsaiIoException(
                      request.method()
                          + " "
                          + request.url()
                          + " timed out after "
                          + TimeUnit.NANOSECONDS.toMillis(timeoutNanos)
                          + " ms, counted from when it was enqueued",
                      new InterruptedIOException("timeout")));
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
              try {
                future.complete(bodyOf(call, response, type));
              } catch (RuntimeException e) {
                future.completeExceptionally(e);
              }
            }

            @Override
            public void onFailure(Call<T> call, Throwable t) {
              watchdog.exit();
              try {
                future.completeExceptionally(failureOf(call, t));
              } catch (Error e) {
                future.completeExceptionally(e);
              }
            }
          });
      return future;
    }
  }
}
