package com.onestepai.osai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The generated sources read cleanly: the spec's text appears as written (no HTML entities such as
 * {@code &#39;}), code spans are {@code {@code ...}}, and no line ends in whitespace. (The Javadoc
 * build, doclint on, checks that the result is valid Javadoc.)
 */
class GeneratedJavadocTest {
  static final Path TARGET = PrismServer.projectDir().resolve("target");

  static List<String> lines() throws IOException {
    List<String> lines = new ArrayList<>();
    for (String root :
        List.of("generated-sources/openapi/src", "generated-test-sources/growth/src")) {
      try (Stream<Path> files = Files.walk(TARGET.resolve(root))) {
        for (Path f :
            (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
          List<String> content = Files.readAllLines(f);
          for (int i = 0; i < content.size(); i++) {
            lines.add(content.get(i) + "    <- " + TARGET.relativize(f) + ":" + (i + 1));
          }
        }
      }
    }
    assertTrue(lines.size() > 100, "generated sources found: " + lines.size());
    return lines;
  }

  @Test
  void noHtmlEntitiesButTheEscapesJavadocNeeds() throws IOException {
    List<String> entities = new ArrayList<>();
    for (String line : lines()) {
      if (line.contains("&#") || line.contains("&quot;")) {
        entities.add(line);
      }
    }
    assertEquals(List.of(), entities);
  }

  @Test
  void noTrailingWhitespace() throws IOException {
    List<String> trailing = new ArrayList<>();
    for (String line : lines()) {
      String text = line.substring(0, line.lastIndexOf("    <- "));
      if (text.endsWith(" ") || text.endsWith("\t")) {
        trailing.add(line);
      }
    }
    assertEquals(List.of(), trailing);
  }

  @Test
  void theSpecsTextReadsAsWritten() throws IOException {
    String users =
        Files.readString(
            TARGET.resolve(
                "generated-sources/openapi/src/main/java/com/onestepai/osai/api/UsersApi.java"));
    String user =
        Files.readString(
            TARGET.resolve(
                "generated-sources/openapi/src/main/java/com/onestepai/osai/model/User.java"));
    String datasets =
        Files.readString(
            TARGET.resolve(
                "generated-sources/openapi/src/main/java/com/onestepai/osai/api/DatasetsApi.java"));
    assertTrue(
        users.contains("A cheap way to check that the token and the region are right"), users);
    assertTrue(datasets.contains("{@code datasetUploadId}"), datasets);
    assertTrue(user.contains("The user's unique id (a GUID)."), user);
  }

  /**
   * Sign-in is the client's business, and it hands out the JWT: the spec marks it {@code
   * x-osai-internal}, so the public UsersApi has no method for it (the session calls it through
   * internal.SignIn).
   */
  @Test
  void theSignInThatHandsOutTheJwtIsNotGenerated() throws IOException {
    String users =
        Files.readString(
            TARGET.resolve(
                "generated-sources/openapi/src/main/java/com/onestepai/osai/api/UsersApi.java"));
    assertTrue(users.contains("getCurrentUser("), users);
    assertFalse(users.contains("signIn"), users);
    assertFalse(users.contains("Users/SignIn"), users);
    for (java.lang.reflect.Method method : com.onestepai.osai.api.UsersApi.class.getMethods()) {
      assertFalse(
          method.getName().toLowerCase(java.util.Locale.ROOT).contains("signin"),
          method.toString());
    }
  }
}
