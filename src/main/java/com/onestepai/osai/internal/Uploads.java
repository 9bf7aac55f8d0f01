package com.onestepai.osai.internal;

import com.onestepai.osai.OsaiException;
import com.onestepai.osai.UploadFile;
import java.io.IOException;
import java.util.function.Consumer;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;

/**
 * What the SDK's interceptors and call adapter need to know of the {@link UploadFile}s a request
 * body carries, whole ({@code @Body}) or as parts of a multipart body, and however the retries
 * wrapped it. Not an API: public only so that {@link UploadFile} can hand its failures over and
 * register how an unsent stream is closed (the JDK's "shared secrets" pattern, which spares {@code
 * UploadFile} a public {@code close()} that every caller would be told to call).
 */
public final class Uploads {
  private static volatile Consumer<UploadFile> discarder = file -> {};
  private static boolean registered;

  private Uploads() {}

  /**
   * Called once by {@link UploadFile}'s initializer: how to close a file's stream that will not be
   * sent. Later calls are ignored.
   */
  public static synchronized void discarder(Consumer<UploadFile> closer) {
    if (!registered) {
      registered = true;
      discarder = closer;
    }
  }

  /**
   * An {@link IOException} that carries {@code failure} out of {@code RequestBody.writeTo} to the
   * caller as it is: the call fails with it, typed, and is not retried.
   */
  public static IOException failure(OsaiException failure) {
    return new InterceptorFailure(failure);
  }

  /** Whether {@code body} sends an {@link UploadFile}, whole or as a part. */
  static boolean sendsAFile(@Nullable RequestBody body) {
    body = unwrapped(body);
    if (body instanceof UploadFile) {
      return true;
    }
    if (body instanceof MultipartBody) {
      for (MultipartBody.Part part : ((MultipartBody) body).parts()) {
        if (part.body() instanceof UploadFile) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether {@code body} can be written again: false when it holds an {@link UploadFile} of an
   * {@code InputStream}. (The retries mark every body of a call that is not idempotent one-shot, so
   * that OkHttp does not repeat it; such a body can still be written again.)
   */
  static boolean canBeWrittenAgain(@Nullable RequestBody body) {
    body = unwrapped(body);
    if (body == null || !body.isOneShot()) {
      return true;
    }
    if (body instanceof MultipartBody) {
      for (MultipartBody.Part part : ((MultipartBody) body).parts()) {
        if (!canBeWrittenAgain(part.body())) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * Closes the stream of every {@link UploadFile} of an {@code InputStream} in {@code body} that
   * was not sent, once its call is over: a call that failed before sending it (sign-in refused, the
   * client closed) must not leak the stream's descriptor. A stream that was sent is closed already.
   */
  static void discardUnsent(@Nullable RequestBody body) {
    body = unwrapped(body);
    if (body instanceof UploadFile) {
      if (body.isOneShot()) {
        discarder.accept((UploadFile) body);
      }
    } else if (body instanceof MultipartBody) {
      for (MultipartBody.Part part : ((MultipartBody) body).parts()) {
        discardUnsent(part.body());
      }
    }
  }

  private static @Nullable RequestBody unwrapped(@Nullable RequestBody body) {
    return body instanceof RetryInterceptor.OneShotBody
        ? ((RetryInterceptor.OneShotBody) body).delegate
        : body;
  }
}
