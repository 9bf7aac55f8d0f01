package com.onestepai.osai.build;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** npm ci runs again only when package-lock.json changed since the install that left the stamp. */
class NpmInstallTest {
  @TempDir Path project;

  @Test
  void upToDateOnlyWithTheStampOfTheCurrentLockFile() throws Exception {
    Path lock = project.resolve("package-lock.json");
    Files.write(lock, "{\"lockfileVersion\":3}".getBytes(StandardCharsets.UTF_8));
    Files.createDirectories(project.resolve("node_modules/.bin"));
    assertFalse(NpmInstall.upToDate(project), "never installed");

    Files.write(
        project.resolve("node_modules").resolve(NpmInstall.STAMP),
        (NpmInstall.lockHash(project) + "\n").getBytes(StandardCharsets.UTF_8));
    assertTrue(NpmInstall.upToDate(project));

    Files.write(lock, "{\"lockfileVersion\":3,\"x\":1}".getBytes(StandardCharsets.UTF_8));
    assertFalse(NpmInstall.upToDate(project), "package-lock.json changed");
  }
}
