package com.onestepai.osai.internal;

import com.squareup.moshi.Moshi;

/** The client's Moshi, with its adapters, for tests outside this package. */
public final class TestMoshi {
  private TestMoshi() {}

  public static Moshi moshi() {
    return ClientStack.moshi();
  }
}
