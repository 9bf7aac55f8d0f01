package com.onestepai.osai.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.OsaiResponse;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import retrofit2.Call;

/**
 * A streamed body that arrives for a future its caller already ended is closed, since no one will
 * read it: alone (a download's plain async form) or inside an {@link OsaiResponse} (its
 * WithResponse form).
 */
class CallFutureTest {
  /** A body that records whether it was closed. */
  static final class TrackedBody extends ResponseBody {
    final AtomicBoolean closed = new AtomicBoolean();

    @Override
    public @Nullable MediaType contentType() {
      return null;
    }

    @Override
    public long contentLength() {
      return 1;
    }

    @Override
    public BufferedSource source() {
      return new Buffer().writeUtf8("x");
    }

    @Override
    public void close() {
      closed.set(true);
    }
  }

  /** A call that counts its cancellations and does nothing else. */
  static Call<?> call(AtomicInteger cancels) {
    return (Call<?>)
        Proxy.newProxyInstance(
            Call.class.getClassLoader(),
            new Class<?>[] {Call.class},
            (proxy, method, args) -> {
              if (method.getName().equals("cancel")) {
                cancels.incrementAndGet();
              }
              return null;
            });
  }

  @Test
  void aLateStreamedBodyIsClosedAloneOrInsideAResponse() {
    for (boolean whole : new boolean[] {false, true}) {
      AtomicInteger cancels = new AtomicInteger();
      OsaiCallAdapterFactory.CallFuture<Object> future =
          new OsaiCallAdapterFactory.CallFuture<>(call(cancels));
      assertTrue(future.cancel(false));
      assertEquals(1, cancels.get(), "cancelling the future cancels the call");

      TrackedBody body = new TrackedBody();
      future.settle(whole ? new OsaiResponse<>(200, Headers.of(), body, null) : body, null);

      assertTrue(body.closed.get(), whole ? "inside an OsaiResponse" : "alone");
    }
  }

  @Test
  void aStreamedBodyTheFutureDeliversIsLeftOpenForTheCaller() throws Exception {
    TrackedBody body = new TrackedBody();
    OsaiCallAdapterFactory.CallFuture<Object> future =
        new OsaiCallAdapterFactory.CallFuture<>(call(new AtomicInteger()));

    future.settle(new OsaiResponse<>(200, Headers.of(), body, null), null);

    assertFalse(body.closed.get());
    assertEquals(body, ((OsaiResponse<?>) future.get()).body());
  }
}
