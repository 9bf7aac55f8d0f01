package com.onestepai.osai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every generated method documents each parameter and its result: doclint's {@code missing} group
 * finds no {@code @param} or {@code @return} absent or empty in the code generated from osai.yaml,
 * the growth fixtures and the corpus of real documents (whose parameters and answers often have no
 * description: the templates' own sentences stand in). The Javadoc build checks the rest of doclint
 * ({@code all,-missing}) over the published packages.
 */
class GeneratedDoclintTest {
  static List<Path> roots() throws IOException {
    Path target = GeneratedJavadocTest.TARGET;
    List<Path> roots = new ArrayList<>();
    roots.add(target.resolve("generated-sources/openapi/src/main/java"));
    roots.add(target.resolve("generated-test-sources/growth/src/main/java"));
    roots.add(target.resolve("generated-test-sources/growth31/src/main/java"));
    try (Stream<Path> corpus = Files.list(target.resolve("generated-test-sources/corpus"))) {
      corpus.sorted().forEach(d -> roots.add(d.resolve("src/main/java")));
    }
    return roots;
  }

  /** One compilation of every root (no class is in two): the roots' packages differ. */
  @Test
  void noParamOrReturnIsMissing(@TempDir Path out) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertNotNull(javac, "a JDK's compiler");
    List<File> sources = new ArrayList<>();
    for (Path root : roots()) {
      try (Stream<Path> all = Files.walk(root)) {
        all.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).forEach(sources::add);
      }
    }
    assertTrue(sources.size() > 100, "generated sources found: " + sources.size());
    List<String> missing = new ArrayList<>();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, null)) {
      List<String> options =
          Arrays.asList(
              "-Xdoclint:missing/protected",
              "-proc:none",
              "-implicit:none",
              "-classpath",
              System.getProperty("java.class.path"),
              "-d",
              out.toString());
      boolean compiled =
          javac
              .getTask(
                  null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromFiles(sources))
              .call();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        String message = d.getMessage(null);
        if (message.startsWith("no @param")
            || message.startsWith("no @return")
            || message.startsWith("no description for")) {
          missing.add(d.getSource().getName() + ":" + d.getLineNumber() + ": " + message);
        }
      }
      assertTrue(compiled, diagnostics.getDiagnostics().toString());
    }
    assertEquals(List.of(), missing);
  }
}
