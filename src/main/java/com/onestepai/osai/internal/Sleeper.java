package com.onestepai.osai.internal;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Waits between retries. Not an API: the tests' seam, which they replace to record the waits
 * instead of sleeping.
 */
public interface Sleeper {
  /** Sleeps in slices of at most 50 ms, returning early once {@code canceled} is true. */
  Sleeper SYSTEM =
      (nanos, canceled) -> {
        long end = System.nanoTime() + nanos;
        for (long left = nanos;
            left > 0 && !canceled.getAsBoolean();
            left = end - System.nanoTime()) {
          TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
        }
      };

  /** Waits {@code nanos}, or less once {@code canceled} turns true. */
  void sleep(long nanos, BooleanSupplier canceled) throws InterruptedException;
}
