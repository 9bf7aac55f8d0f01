package com.onestepai.osai.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Lets the generator skip work on an unchanged tree without ever keeping stale code. The generator
 * executions run with {@code skipIfSpecIsUnchanged}: each skips when its input spec's SHA-256
 * equals the one it stored in {@code OUTPUT/.openapi-generator/*.sha256} last time, so the
 * generated sources keep their timestamps and nothing is recompiled. That hash covers the spec
 * only; this program covers the rest of what the code is generated from (the templates and options
 * in {@code generator-config/} and {@code pom.xml}, and values given on the command line such as
 * the version, which {@code -Drevision} changes without touching a file): when their hash differs
 * from the one kept in STAMP, it deletes the generator's stored hashes, so every execution
 * generates again.
 *
 * <pre>
 * java GeneratorInputs.java STAMP INPUT... -- GENERATED_DIR...
 * </pre>
 *
 * An INPUT is a file, a directory (every file below it), or {@code value:TEXT}.
 */
public final class GeneratorInputs {
  private GeneratorInputs() {}

  public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
    int separator = java.util.Arrays.asList(args).indexOf("--");
    if (args.length < 2 || separator < 2) {
      System.err.println("usage: GeneratorInputs STAMP INPUT... -- GENERATED_DIR...");
      System.exit(2);
    }
    Path stamp = Paths.get(args[0]);
    List<String> inputs = new ArrayList<>();
    for (int i = 1; i < separator; i++) {
      inputs.add(args[i]);
    }
    String hash = hash(inputs);
    if (Files.isRegularFile(stamp)
        && new String(Files.readAllBytes(stamp), StandardCharsets.UTF_8).trim().equals(hash)) {
      return;
    }
    for (int i = separator + 1; i < args.length; i++) {
      Path stored = Paths.get(args[i]).resolve(".openapi-generator");
      if (Files.isDirectory(stored)) {
        try (Stream<Path> files = Files.list(stored)) {
          for (Path file : files.collect(Collectors.toList())) {
            if (file.getFileName().toString().endsWith(".sha256")) {
              Files.delete(file);
            }
          }
        }
      }
    }
    Files.createDirectories(stamp.toAbsolutePath().getParent());
    Files.write(stamp, (hash + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** SHA-256 over the files (directories: every file below, in path order), names and contents. */
  static String hash(List<String> inputs) throws IOException, NoSuchAlgorithmException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    for (String input : inputs) {
      if (input.startsWith("value:")) {
        digest.update(input.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        continue;
      }
      List<Path> files;
      try (Stream<Path> walk = Files.walk(Paths.get(input))) {
        files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
      }
      for (Path file : files) {
        digest.update(file.toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(Files.readAllBytes(file));
      }
    }
    StringBuilder hex = new StringBuilder();
    for (byte b : digest.digest()) {
      hex.append(String.format("%02x", b));
    }
    return hex.toString();
  }
}
