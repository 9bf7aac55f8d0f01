package com.onestepai.osai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README quickstart, and the Javadoc overview's, is the code the consumer project compiles and
 * runs (src/it/consumer): what users copy has been built and run against the SDK.
 */
class ReadmeQuickstartTest {
  @Test
  void theReadmeQuickstartIsTheConsumerProjectsCode() throws IOException {
    Path project = PrismServer.projectDir();
    List<String> readme = Files.readAllLines(project.resolve("README.md"));
    int marker = -1;
    for (int i = 0; i < readme.size(); i++) {
      if (readme.get(i).startsWith("<!-- quickstart:")) {
        marker = i;
      }
    }
    assertTrue(marker >= 0, "README.md has a <!-- quickstart: ... --> marker");
    assertEquals("```java", readme.get(marker + 1));
    List<String> snippet = new ArrayList<>();
    for (int i = marker + 2; !readme.get(i).equals("```"); i++) {
      snippet.add(readme.get(i));
    }

    assertEquals(normalized(consumerCode(project)), normalized(snippet));
    assertTrue(snippet.size() <= 10, "at most 10 lines: " + snippet.size());
  }

  /** The Javadoc's overview page shows the same quickstart, so the two cannot drift apart. */
  @Test
  void theJavadocOverviewShowsTheSameQuickstart() throws IOException {
    Path project = PrismServer.projectDir();
    List<String> page = Files.readAllLines(project.resolve("src/main/javadoc/overview.html"));
    int marker = -1;
    for (int i = 0; i < page.size(); i++) {
      if (page.get(i).startsWith("<!-- quickstart:")) {
        marker = i;
      }
    }
    assertTrue(marker >= 0, "overview.html has a <!-- quickstart: ... --> marker");
    assertEquals("<pre>{@code", page.get(marker + 1));
    List<String> snippet = new ArrayList<>();
    for (int i = marker + 2; !page.get(i).equals("}</pre>"); i++) {
      snippet.add(page.get(i));
    }
    assertEquals(normalized(consumerCode(project)), normalized(snippet));
  }

  /** The lines between {@code // quickstart:begin} and {@code // quickstart:end} markers. */
  private static List<String> consumerCode(Path project) throws IOException {
    List<String> code = new ArrayList<>();
    boolean inside = false;
    for (String line :
        Files.readAllLines(
            project.resolve("src/it/consumer/src/main/java/example/Quickstart.java"))) {
      if (line.trim().equals("// quickstart:begin")) {
        inside = true;
      } else if (line.trim().equals("// quickstart:end")) {
        inside = false;
      } else if (inside) {
        code.add(line);
      }
    }
    return code;
  }

  /** Lines without indentation or blanks: the two differ only in nesting. */
  private static List<String> normalized(List<String> lines) {
    List<String> result = new ArrayList<>();
    for (String line : lines) {
      if (!line.trim().isEmpty()) {
        result.add(line.trim());
      }
    }
    return result;
  }
}
