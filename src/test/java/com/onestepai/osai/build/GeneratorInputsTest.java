package com.onestepai.osai.build;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator skips an unchanged spec only while its templates, options and version are
 * unchanged.
 */
class GeneratorInputsTest {
  @TempDir Path dir;

  private Path storedHash() throws Exception {
    Path stored = dir.resolve("generated/.openapi-generator/osai-osai.sha256");
    Files.createDirectories(stored.getParent());
    Files.write(stored, "spec-hash".getBytes(StandardCharsets.UTF_8));
    return stored;
  }

  private void run(String version) throws Exception {
    GeneratorInputs.main(
        new String[] {
          dir.resolve("stamp").toString(),
          dir.resolve("config").toString(),
          "value:" + version,
          "--",
          dir.resolve("generated").toString()
        });
  }

  @Test
  void keepsTheGeneratorsHashWhileTheInputsAreUnchangedAndDropsItWhenOneChanges() throws Exception {
    Path template = dir.resolve("config/templates/model.mustache");
    Files.createDirectories(template.getParent());
    Files.write(template, "{{name}}".getBytes(StandardCharsets.UTF_8));
    run("1.0.0");

    Path stored = storedHash();
    run("1.0.0");
    assertTrue(Files.exists(stored), "unchanged inputs: the generator may skip");

    Files.write(template, "{{name}} changed".getBytes(StandardCharsets.UTF_8));
    run("1.0.0");
    assertFalse(Files.exists(stored), "a changed template: the generator must generate again");

    stored = storedHash();
    run("1.1.0");
    assertFalse(Files.exists(stored), "another version (-Drevision): generated again");
  }
}
