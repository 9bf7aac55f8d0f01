package com.onestepai.osai.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The corpus of real documents (src/test/resources/corpus, see its README): each public OpenAPI
 * document an ASP.NET Core service emitted, merged into a copy of openapi/osai.yaml as a user
 * pasting it would ({@link GrowthFixtureSpec#merge}: its tags, paths and components, and its {@code
 * openapi} version), written twice into OUTPUT_DIR: {@code NAME.yaml} as Prism serves it, and
 * {@code NAME.generator.yaml} as the generator reads it ({@link GeneratorSpec#forGenerator}). Run
 * by pom.xml (execution corpus-spec); pom.xml generates each into test package {@code
 * com.onestepai.osai.corpus.NAME}.
 *
 * <pre>
 * java -cp TEST_CLASSPATH CorpusSpec.java SPEC CORPUS_DIR OUTPUT_DIR
 * </pre>
 */
public final class CorpusSpec {
  private CorpusSpec() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: CorpusSpec SPEC CORPUS_DIR OUTPUT_DIR");
      System.exit(2);
    }
    YAMLMapper yaml = new YAMLMapper();
    ObjectMapper json = new ObjectMapper();
    Path outputDir = Files.createDirectories(Paths.get(args[2]));
    for (Path document : documents(Paths.get(args[1]))) {
      String name = document.getFileName().toString().replaceFirst("\\.json$", "");
      String text = new String(Files.readAllBytes(document), StandardCharsets.UTF_8);
      JsonNode vendor = json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
      ObjectNode spec = (ObjectNode) yaml.readTree(Paths.get(args[0]).toFile());
      GrowthFixtureSpec.merge(spec, vendor, document.toString());
      yaml.writeValue(outputDir.resolve(name + ".yaml").toFile(), spec);
      try {
        GeneratorSpec.forGenerator(spec);
      } catch (IllegalArgumentException refused) {
        System.err.println(document + ": " + refused.getMessage());
        System.exit(1);
      }
      yaml.writeValue(outputDir.resolve(name + ".generator.yaml").toFile(), spec);
    }
  }

  /** The corpus documents: every {@code *.json} in {@code dir}, by name. */
  public static List<Path> documents(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".json"))
          .sorted()
          .collect(Collectors.toList());
    }
  }
}
