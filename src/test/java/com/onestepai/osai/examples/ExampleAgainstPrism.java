package com.onestepai.osai.examples;

import com.onestepai.osai.PrismServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mvn -Pexample test [-Dexample=ImageUpload]}: starts Prism on the project's spec, runs an
 * example ({@link PrintCurrentUser} by default, or {@link ImageUpload} on a sample folder of two
 * categories) against it in a child JVM, as a user would run it (with {@code OSAI_URL} and {@code
 * OSAI_API_TOKEN} set), stops Prism, and fails the build if the example failed.
 */
public final class ExampleAgainstPrism {
  private ExampleAgainstPrism() {}

  public static void main(String[] args) throws Exception {
    String example = args.length > 0 ? args[0] : "PrintCurrentUser";
    Class<?> main;
    List<String> exampleArgs = new ArrayList<>();
    if ("PrintCurrentUser".equals(example)) {
      main = PrintCurrentUser.class;
    } else if ("ImageUpload".equals(example)) {
      main = ImageUpload.class;
      Path folder = sampleFolder(Files.createDirectories(Paths.get("target", "example")));
      System.out.println("Sample folder: " + folder);
      exampleArgs.add(folder.toString());
    } else {
      throw new IllegalArgumentException(
          "No example " + example + ": -Dexample=PrintCurrentUser or -Dexample=ImageUpload");
    }
    int exit;
    try (PrismServer prism = PrismServer.startWithProjectSpec()) {
      System.out.println("Prism is mocking openapi/osai.yaml at " + prism.url());
      exit =
          ExampleProcess.run(
                  main,
                  prism.url().toString(),
                  "example-access-token",
                  ExampleProcess.INHERIT,
                  exampleArgs.toArray(new String[0]))
              .exitCode;
    }
    if (exit != 0) {
      throw new IllegalStateException("The example exited with " + exit);
    }
  }

  /**
   * A folder of two categories with placeholder images (and a file that is no image), as the
   * vendor's bulk upload reads one.
   */
  static Path sampleFolder(Path parent) throws IOException {
    Path folder = parent.resolve("cats-and-dogs");
    for (String file :
        List.of("cat/cat-1.jpg", "cat/cat-2.png", "dog/dog-1.jpg", "dog/notes.txt")) {
      Path path = folder.resolve(file);
      Files.createDirectories(path.getParent());
      Files.write(path, "placeholder".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    return folder;
  }
}
