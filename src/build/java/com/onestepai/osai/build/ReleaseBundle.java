package com.onestepai.osai.build;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The release profile's last step (pom.xml, profile release): freezes the spec the release was
 * built from as {@code openapi/released/osai-VERSION.yaml}, the file both compatibility gates
 * compare the next versions against, and zips the staged repository (signed artifacts and their
 * checksums, in the Maven repository layout) into the bundle that Maven Central's Portal accepts
 * for upload. Maven's own repository metadata ({@code maven-metadata.xml}) stays out: the Portal
 * writes it.
 *
 * <p>A released spec is never rewritten: if {@code osai-VERSION.yaml} exists and differs, the
 * version was released already and the release stops.
 *
 * <pre>
 * java ReleaseBundle.java SPEC RELEASED_DIR VERSION STAGING_DIR BUNDLE_ZIP
 * </pre>
 */
public final class ReleaseBundle {
  private ReleaseBundle() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 5) {
      System.err.println("usage: ReleaseBundle SPEC RELEASED_DIR VERSION STAGING_DIR BUNDLE_ZIP");
      System.exit(2);
    }
    String version = args[2];
    if (version.endsWith("-SNAPSHOT")) {
      System.err.println(
          "ReleaseBundle: "
              + version
              + " is a SNAPSHOT: release with -Drevision=X.Y.Z -Dosai.repository=https://...");
      System.exit(1);
    }
    String problem = freeze(Paths.get(args[0]), Paths.get(args[1]), version);
    if (problem != null) {
      System.err.println("ReleaseBundle: " + problem);
      System.exit(1);
    }
    zip(Paths.get(args[3]), Paths.get(args[4]));
  }

  /** Copies the spec to RELEASED_DIR/osai-VERSION.yaml; returns why not, or null. */
  static String freeze(Path spec, Path releasedDir, String version) throws IOException {
    Path released = releasedDir.resolve("osai-" + version + ".yaml");
    byte[] current = Files.readAllBytes(spec);
    if (Files.exists(released)) {
      return Arrays.equals(current, Files.readAllBytes(released))
          ? null
          : released
              + " exists and differs from "
              + spec
              + ": version "
              + version
              + " was released already; release the next version instead.";
    }
    Files.createDirectories(releasedDir);
    Files.write(released, current);
    return null;
  }

  static void zip(Path staging, Path bundle) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(staging)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("maven-metadata"))
              .sorted()
              .collect(Collectors.toList());
    }
    Files.createDirectories(bundle.toAbsolutePath().getParent());
    try (OutputStream out = Files.newOutputStream(bundle);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Path file : files) {
        ZipEntry entry = new ZipEntry(staging.relativize(file).toString().replace('\\', '/'));
        entry.setLastModifiedTime(FileTime.fromMillis(0));
        zip.putNextEntry(entry);
        Files.copy(file, zip);
        zip.closeEntry();
      }
    }
  }
}
