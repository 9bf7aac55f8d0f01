package com.onestepai.osai.internal;

import java.util.concurrent.TimeUnit;

/** Waits between retries. Tests replace it to record the waits instead of sleeping. */
public interface Sleeper {
  Sleeper SYSTEM = nanos -> TimeUnit.NANOSECONDS.sleep(nanos);

  void sleep(long nanos) throws InterruptedException;
}
