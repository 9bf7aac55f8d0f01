package com.onestepai.osai.internal;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import okhttp3.Request;

/**
 * How many attempts a call has started, for the message of a call that timed out: recorded by
 * {@link RetryInterceptor} when it starts a second attempt or later (a call with one attempt
 * records nothing), read by {@link OsaiCallAdapterFactory}. Keyed by the call's original request,
 * which OkHttp and Retrofit share, and forgotten with it.
 */
final class Attempts {
  private final Map<Request, Integer> started = Collections.synchronizedMap(new WeakHashMap<>());

  /** {@code call} (its original request) starts attempt number {@code attempt}, from 1. */
  void starting(Request call, int attempt) {
    started.put(call, attempt);
  }

  /** "1 attempt made", "3 attempts made". */
  String made(Request call) {
    Integer count = started.get(call);
    int attempts = count == null ? 1 : count;
    return attempts + (attempts == 1 ? " attempt made" : " attempts made");
  }
}
