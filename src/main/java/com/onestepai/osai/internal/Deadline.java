package com.onestepai.osai.internal;

import java.util.function.LongSupplier;

/**
 * The moment a call must be finished by: its OkHttp call timeout, counted from when the call
 * started. {@link RetryInterceptor} tags each request with it so that retries, backoff and waiting
 * for sign-in all share one budget.
 */
final class Deadline {
  private final LongSupplier nanoTime;
  private final long deadlineNanos;

  private Deadline(LongSupplier nanoTime, long deadlineNanos) {
    this.nanoTime = nanoTime;
    this.deadlineNanos = deadlineNanos;
  }

  /** A deadline {@code timeoutNanos} from now; none (far away) when {@code timeoutNanos} is 0. */
  static Deadline after(LongSupplier nanoTime, long timeoutNanos) {
    long now = nanoTime.getAsLong();
    return new Deadline(nanoTime, timeoutNanos > 0 ? now + timeoutNanos : now + Long.MAX_VALUE / 2);
  }

  long remainingNanos() {
    return Math.max(0, deadlineNanos - nanoTime.getAsLong());
  }
}
