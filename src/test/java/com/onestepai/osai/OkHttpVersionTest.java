package com.onestepai.osai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The OkHttp check at build(); src/it/consumer-okhttp4 runs it with OkHttp 4 on the classpath. */
class OkHttpVersionTest {
  @Test
  void readsTheMajorVersion() {
    assertEquals(5, OkHttpVersion.major("5.3.2"));
    assertEquals(4, OkHttpVersion.major("4.12.0"));
    assertEquals(5, OkHttpVersion.major("5.0.0-alpha.14"));
    assertEquals(3, OkHttpVersion.major("3.x or older (no okhttp3.OkHttp.VERSION)"));
    assertEquals(0, OkHttpVersion.major("unknown"));
  }

  @Test
  void theOkHttpOfThisBuildPasses() {
    assertTrue(OkHttpVersion.major(OkHttpVersion.loadedVersion()) >= OkHttpVersion.REQUIRED_MAJOR);
    OkHttpVersion.check();
  }
}
