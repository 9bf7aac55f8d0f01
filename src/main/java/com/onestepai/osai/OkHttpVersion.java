package com.onestepai.osai;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * The OkHttp on the classpath is 5 or newer. Maven picks one version per artifact, and OkHttp 4's
 * classes are in {@code okhttp} while OkHttp 5's are in {@code okhttp-jvm}: a project that declares
 * {@code okhttp:4.x} (or gets it from Retrofit 3, which asks for 4.12) gets both jars, and
 * whichever comes first on the classpath wins class by class. Failing at {@code build()}, with the
 * versions and the fix, beats a {@code NoSuchMethodError} in the middle of a call.
 */
final class OkHttpVersion {
  /** The OkHttp major version this SDK is built and tested with. */
  static final int REQUIRED_MAJOR = 5;

  private OkHttpVersion() {}

  /**
   * Throws if the OkHttp that loads is older than {@link #REQUIRED_MAJOR}.
   *
   * @throws IllegalStateException naming the versions found and the fix
   */
  static void check() {
    String loaded = loadedVersion();
    if (major(loaded) >= REQUIRED_MAJOR) {
      return;
    }
    throw new IllegalStateException(
        "OkHttp "
            + loaded
            + " is on the classpath, but the OSAI SDK needs OkHttp "
            + REQUIRED_MAJOR
            + " or newer (it depends on com.squareup.okhttp3:okhttp-jvm "
            + REQUIRED_MAJOR
            + ".x). Jars with okhttp3.OkHttpClient: "
            + jarsWithOkHttp()
            + ". Fix: remove com.squareup.okhttp3:okhttp "
            + loaded
            + " from your dependencies (Maven: an <exclusion> on the dependency that brings it, e.g."
            + " Retrofit; or manage com.squareup.okhttp3:okhttp-bom 5.x in <dependencyManagement>)."
            + " See the README, Platforms and dependencies.");
  }

  /**
   * The version of the OkHttp classes that load, read at run time: {@code OkHttp.VERSION} is a
   * compile-time constant, so a plain reference would give the version this SDK was compiled with.
   */
  static String loadedVersion() {
    try {
      Class<?> okhttp = Class.forName("okhttp3.OkHttp", false, OkHttpClient.class.getClassLoader());
      return String.valueOf(okhttp.getField("VERSION").get(null));
    } catch (ReflectiveOperationException | LinkageError e) {
      return "3.x or older (no okhttp3.OkHttp.VERSION)";
    }
  }

  static int major(String version) {
    int end = 0;
    while (end < version.length() && Character.isDigit(version.charAt(end))) {
      end++;
    }
    return end == 0 ? 0 : Integer.parseInt(version.substring(0, end));
  }

  private static List<String> jarsWithOkHttp() {
    List<String> jars = new ArrayList<>();
    ClassLoader loader = OkHttpClient.class.getClassLoader();
    try {
      Enumeration<URL> found =
          loader == null
              ? ClassLoader.getSystemResources("okhttp3/OkHttpClient.class")
              : loader.getResources("okhttp3/OkHttpClient.class");
      while (found.hasMoreElements()) {
        String url = found.nextElement().toString();
        int bang = url.indexOf("!/");
        String jar = bang < 0 ? url : url.substring(0, bang);
        jars.add(jar.substring(jar.lastIndexOf('/') + 1));
      }
    } catch (IOException e) {
      jars.add("(not listed: " + e.getMessage() + ")");
    }
    return jars;
  }
}
