package com.onestepai.osai.build;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * {@code npm ci}, only when {@code package-lock.json} changed since the last install: the build's
 * first step, which otherwise spent 40 s reinstalling the same tools on every run. The lock file's
 * SHA-256 is kept in {@code node_modules/.osai-package-lock.sha256} after a successful install (npm
 * ci deletes {@code node_modules} first, so a failed install leaves no stamp). npm's output is
 * shown only when it fails.
 *
 * <pre>
 * java NpmInstall.java PROJECT_DIR
 * </pre>
 */
public final class NpmInstall {
  static final String STAMP = ".osai-package-lock.sha256";

  private NpmInstall() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: NpmInstall PROJECT_DIR");
      System.exit(2);
    }
    Path project = Paths.get(args[0]);
    if (upToDate(project)) {
      return;
    }
    Path log = Files.createTempFile("npm-ci", ".log");
    try {
      boolean windows = System.getProperty("os.name").startsWith("Windows");
      Process npm =
          new ProcessBuilder(
                  windows ? "npm.cmd" : "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
              .directory(project.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      int status = npm.waitFor();
      if (status != 0) {
        System.err.print(new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
        System.err.println("npm ci failed (exit " + status + ") in " + project.toAbsolutePath());
        System.exit(1);
      }
      Files.write(
          project.resolve("node_modules").resolve(STAMP),
          (lockHash(project) + "\n").getBytes(StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /** Whether node_modules was installed from the package-lock.json that is there now. */
  static boolean upToDate(Path project) throws IOException, NoSuchAlgorithmException {
    Path stamp = project.resolve("node_modules").resolve(STAMP);
    if (!Files.isRegularFile(stamp)
        || !Files.isDirectory(project.resolve("node_modules" + File.separator + ".bin"))) {
      return false;
    }
    String installed = new String(Files.readAllBytes(stamp), StandardCharsets.UTF_8).trim();
    return installed.equals(lockHash(project));
  }

  static String lockHash(Path project) throws IOException, NoSuchAlgorithmException {
    byte[] digest =
        MessageDigest.getInstance("SHA-256")
            .digest(Files.readAllBytes(project.resolve("package-lock.json")));
    StringBuilder hex = new StringBuilder();
    for (byte b : digest) {
      hex.append(String.format("%02x", b));
    }
    return hex.toString();
  }
}
