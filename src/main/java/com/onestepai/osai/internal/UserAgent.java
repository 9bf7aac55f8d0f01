package com.onestepai.osai.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@code User-Agent: osai-java/<version> Java/<version>}, after the caller's own User-Agent when a
 * caller's interceptor or a {@code @Header} set one. {@link BearerAuthInterceptor} sets it on the
 * API calls in the same request rebuild as the JWT; this interceptor sets it on sign-in.
 */
final class UserAgent implements Interceptor {
  static final String SDK =
      "osai-java/"
          + OsaiVersion.VERSION
          + ("Dalvik".equals(System.getProperty("java.vm.name"))
              ? " Android" // whose java.version is "0"
              : " Java/" + System.getProperty("java.version", "?"));

  /** The value to send for {@code request}. */
  static String of(Request request) {
    String callers = request.header("User-Agent");
    return callers == null ? SDK : callers + " " + SDK;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    return chain.proceed(request.newBuilder().header("User-Agent", of(request)).build());
  }
}
