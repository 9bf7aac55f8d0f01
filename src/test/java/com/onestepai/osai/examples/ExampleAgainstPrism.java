package com.onestepai.osai.examples;

import com.onestepai.osai.PrismServer;

/**
 * {@code mvn -Pexample test}: starts Prism on the project's spec, runs {@link PrintCurrentUser}
 * against it in a child JVM (as a user would run it, with {@code OSAI_URL} and {@code
 * OSAI_API_TOKEN} set), stops Prism, and fails the build if the example failed.
 */
public final class ExampleAgainstPrism {
  private ExampleAgainstPrism() {}

  public static void main(String[] args) throws Exception {
    int exit;
    try (PrismServer prism = PrismServer.startWithProjectSpec()) {
      System.out.println("Prism is mocking openapi/osai.yaml at " + prism.url());
      exit =
          ExampleProcess.run(prism.url().toString(), "example-access-token", ExampleProcess.INHERIT)
              .exitCode;
    }
    if (exit != 0) {
      throw new IllegalStateException("The example exited with " + exit);
    }
  }
}
