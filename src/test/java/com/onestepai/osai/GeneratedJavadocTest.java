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

  static String generated(String api) throws IOException {
    return Files.readString(
        TARGET.resolve("generated-sources/openapi/src/main/java/com/onestepai/osai/" + api));
  }

  /** The Javadoc of the blocking method {@code signature} (such as {@code "String signIn("}). */
  static String javadoc(String source, String signature) {
    int method = source.indexOf(signature);
    assertTrue(method > 0, signature);
    return source.substring(source.lastIndexOf("/**", method), method);
  }

  /** Where the spec's facts come from is in x-osai-provenance, never in the users' Javadoc. */
  @Test
  void provenanceStaysOutOfJavadoc() throws IOException {
    List<String> provenance = new ArrayList<>();
    for (String line : lines()) {
      if (line.contains("vendor's docs") || line.contains("Assumed")) {
        provenance.add(line);
      }
    }
    assertEquals(List.of(), provenance);
  }

  /** A blank line in a description starts a new paragraph. */
  @Test
  void paragraphsStayParagraphs() throws IOException {
    String doc = javadoc(generated("api/DatasetsApi.java"), "Dataset createDataset(");
    assertTrue(
        doc.contains(
            "   * <p>Creates an empty dataset with the given name."
                + " Properties of the answer that the {@code Dataset} schema"),
        doc);
    assertTrue(doc.contains("   *\n   * <p>Not retried once sent: a second dataset"), doc);
  }

  /** Every parameter and result says what it is; none is "the X parameter". */
  @Test
  void parametersAndReturnsSayWhatTheyAre() throws IOException {
    String datasets = generated("api/DatasetsApi.java");
    String start = javadoc(datasets, "String startUploading(");
    assertTrue(
        start.contains(
            "@return the upload's id, to pass to {@code finishUploading} as {@code"
                + " datasetUploadId}"),
        start);
    assertTrue(
        javadoc(datasets, "Dataset createDataset(")
            .contains("@param createDatasetRequest The dataset to create, with its name."),
        datasets);
    List<String> filler = new ArrayList<>();
    for (String line : lines()) {
      if (line.matches(".*@param \\w+ the \\{@code \\w+\\} parameter.*")
          || line.contains("the server answered with")) {
        filler.add(line);
      }
    }
    assertEquals(List.of(), filler);
  }

  /** Each documented error status names the exception the client throws for it. */
  @Test
  void throwsListsTheTypedExceptionOfEachDocumentedStatus() throws IOException {
    String doc = javadoc(generated("api/DatasetsApi.java"), "Dataset createDataset(");
    assertTrue(
        doc.contains(
            "@throws com.onestepai.osai.BadRequestException if the server answers 400: The request"
                + " is not valid (for example, the name is missing)."),
        doc);
    assertTrue(
        doc.contains("@throws com.onestepai.osai.UnauthorizedException if the server answers 401:"),
        doc);
    assertTrue(doc.contains("@throws com.onestepai.osai.AccessTokenRejectedException"), doc);
    assertTrue(
        doc.indexOf("UnauthorizedException") < doc.indexOf("OsaiServiceException"),
        "typed exceptions before the base classes: " + doc);
    // An operation without security (the growth fixture's getWidgetStatus, security: []) has no
    // sign-in, so no AccessTokenRejectedException. (The spec's own, the sign-in, is not generated.)
    String status =
        javadoc(
            Files.readString(
                TARGET.resolve(
                    "generated-test-sources/growth/src/main/java/com/onestepai/osai/growth/api/"
                        + "WidgetsApi.java")),
            "String getWidgetStatus(");
    assertTrue(status.contains("@throws com.onestepai.osai.OsaiServiceException"), status);
    assertFalse(status.contains("AccessTokenRejectedException"), "not secured: " + status);
  }
}
