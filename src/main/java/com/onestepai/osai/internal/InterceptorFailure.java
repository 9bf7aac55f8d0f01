package com.onestepai.osai.internal;

import com.onestepai.osai.OsaiException;
import java.io.IOException;

/**
 * Carries an {@link OsaiException} out of an OkHttp interceptor. OkHttp passes only {@link
 * IOException}s from interceptors to the caller (a runtime exception thrown on a dispatcher thread
 * would be lost there); {@link OsaiCallAdapterFactory} unwraps it.
 */
final class InterceptorFailure extends IOException {
  private static final long serialVersionUID = 1L;

  InterceptorFailure(OsaiException failure) {
    super(failure.getMessage(), failure);
  }

  OsaiException failure() {
    return (OsaiException) getCause();
  }
}
