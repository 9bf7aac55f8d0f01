package com.onestepai.osai;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The release in one command (pom.xml, profile release), run on a copy of this project (the
 * committed files) as release X.Y.Z, signed with a throwaway key made here: every file of the
 * bundle is signed (verified with gpg) and checksummed, and the layout and the POM are what Maven
 * Central's Portal requires (central.sonatype.org/publish/requirements and publish-portal-upload:
 * in the repository layout, javadoc and sources jars, .asc for every file, .md5 and .sha1, a POM
 * with name, description, url, licenses, developers and scm). The same step froze the spec. Every
 * runtime dependency in the SBOM is under a license compatible with Apache-2.0.
 *
 * <p>Slow (a whole build), so tagged: {@code .ci/run} runs it once, not on every verify.
 */
@Tag("release-bundle")
class ReleaseBundleIT {
  private static final String VERSION = "0.99.0";
  private static final String ARTIFACT = "osai-sdk";

  /** Stands for the public source repository, which the project has not chosen (README). */
  private static final String REPOSITORY = "https://example.invalid/osai-java-sdk";

  private static final Set<String> COMPATIBLE_LICENSES =
      new TreeSet<>(Arrays.asList("Apache-2.0", "MIT", "BSD-2-Clause", "BSD-3-Clause"));

  @TempDir static Path work;
  static Path project;
  static Path gnupg;
  static Path staged;

  @BeforeAll
  static void release() throws Exception {
    gnupg = Files.createDirectories(work.resolve("gnupg"));
    Files.setPosixFilePermissions(
        gnupg, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    run(
        work,
        Map.of(),
        "gpg",
        "--homedir",
        gnupg.toString(),
        "--batch",
        "--pinentry-mode",
        "loopback",
        "--passphrase",
        "throwaway",
        "--quick-gen-key",
        "OSAI release test <release-test@example.invalid>",
        "rsa3072",
        "sign",
        "1d");
    String key =
        run(
            work,
            Map.of(),
            "gpg",
            "--homedir",
            gnupg.toString(),
            "--batch",
            "--pinentry-mode",
            "loopback",
            "--passphrase",
            "throwaway",
            "--armor",
            "--export-secret-keys");
    assertTrue(key.contains("BEGIN PGP PRIVATE KEY BLOCK"), "a throwaway key");

    // The committed files, as a clean clone has them.
    Path source = Paths.get(System.getProperty("user.dir"));
    project = work.resolve("project");
    for (String file : run(source, Map.of(), "git", "ls-files").split("\n")) {
      Path from = source.resolve(file);
      if (Files.isRegularFile(from)) {
        Path to = project.resolve(file);
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
      }
    }
    Map<String, String> env = new HashMap<>();
    env.put("MAVEN_GPG_KEY", key);
    env.put("MAVEN_GPG_PASSPHRASE", "throwaway");
    run(
        project,
        env,
        "mvn",
        "-B",
        "-q",
        "-Prelease",
        "-Drevision=" + VERSION,
        "-Dosai.repository=" + REPOSITORY,
        "-DskipTests",
        "-DskipNpm",
        "-DskipLint",
        "-Dmaven.install.skip=true", // stage the release, leave ~/.m2 alone
        "deploy");
    staged = project.resolve("target/central-staging/com/onestepai/" + ARTIFACT + "/" + VERSION);
  }

  /** gpg started an agent for the throwaway home: stop it. */
  @AfterAll
  static void stopGpgAgent() throws Exception {
    if (gnupg != null) {
      new ProcessBuilder("gpgconf", "--homedir", gnupg.toString(), "--kill", "gpg-agent")
          .inheritIO()
          .start()
          .waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** An SPDX id the SBOM gives, or a license name the way POMs spell these licenses. */
  private static boolean compatible(String license) {
    String name = license.toLowerCase(java.util.Locale.ROOT);
    return COMPATIBLE_LICENSES.contains(license)
        || (name.contains("apache") && name.contains("2.0"))
        || name.equals("mit license")
        || name.startsWith("bsd");
  }

  private static String run(Path dir, Map<String, String> env, String... command) throws Exception {
    String[] result = exec(dir, env, command);
    assertEquals("0", result[0], String.join(" ", command) + ":\n" + result[1]);
    return result[1];
  }

  /** Runs a command to its end: its exit code and its output (stdout and stderr). */
  private static String[] exec(Path dir, Map<String, String> env, String... command)
      throws Exception {
    File log = Files.createTempFile(work, "run", ".log").toFile();
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log);
    builder.environment().putAll(env);
    Process process = builder.start();
    assertTrue(process.waitFor(15, TimeUnit.MINUTES), String.join(" ", command) + " finished");
    return new String[] {
      String.valueOf(process.exitValue()),
      new String(Files.readAllBytes(log.toPath()), StandardCharsets.UTF_8)
    };
  }

  private static List<String> stagedNames() throws IOException {
    try (Stream<Path> files = Files.list(staged)) {
      return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  private static String hex(String algorithm, Path file) throws Exception {
    byte[] digest = MessageDigest.getInstance(algorithm).digest(Files.readAllBytes(file));
    StringBuilder hex = new StringBuilder();
    for (byte b : digest) {
      hex.append(String.format("%02x", b));
    }
    return hex.toString();
  }

  @Test
  void theBundleHoldsWhatCentralRequires() throws Exception {
    String base = ARTIFACT + "-" + VERSION;
    List<String> artifacts = new ArrayList<>();
    for (String name : stagedNames()) {
      if (!name.endsWith(".asc")
          && !name.endsWith(".md5")
          && !name.endsWith(".sha1")
          && !name.startsWith("maven-metadata")) {
        artifacts.add(name);
      }
    }
    assertEquals(
        Arrays.asList(
            base + "-cyclonedx.json",
            base + "-cyclonedx.xml",
            base + "-javadoc.jar",
            base + "-sources.jar",
            base + ".jar",
            base + ".module",
            base + ".pom"),
        artifacts);
    try (ZipFile zip = new ZipFile(project.resolve("target/" + base + "-bundle.zip").toFile())) {
      Set<String> entries =
          zip.stream().map(e -> e.getName()).collect(Collectors.toCollection(TreeSet::new));
      for (String artifact : artifacts) {
        for (String suffix : Arrays.asList("", ".asc", ".md5", ".sha1")) {
          String entry = "com/onestepai/" + ARTIFACT + "/" + VERSION + "/" + artifact + suffix;
          assertTrue(entries.contains(entry), "the bundle lacks " + entry + ": " + entries);
        }
      }
      assertFalse(entries.stream().anyMatch(e -> e.contains("maven-metadata")), entries::toString);
    }
  }

  @Test
  void everyFileIsSignedWithTheKeyAndChecksummed() throws Exception {
    for (String name : stagedNames()) {
      if (name.endsWith(".asc")
          || name.endsWith(".md5")
          || name.endsWith(".sha1")
          || name.startsWith("maven-metadata")) {
        continue;
      }
      Path file = staged.resolve(name);
      String verified =
          run(
              work,
              Map.of(),
              "gpg",
              "--homedir",
              gnupg.toString(),
              "--batch",
              "--verify",
              staged.resolve(name + ".asc").toString(),
              file.toString());
      assertTrue(
          verified.contains("Good signature from \"OSAI release test"), name + ": " + verified);
      assertEquals(hex("MD5", file), Files.readString(staged.resolve(name + ".md5")).trim(), name);
      assertEquals(
          hex("SHA-1", file), Files.readString(staged.resolve(name + ".sha1")).trim(), name);
    }
  }

  @Test
  void thePomIsTheConsumersWithWhatCentralRequires() throws Exception {
    Path pom = staged.resolve(ARTIFACT + "-" + VERSION + ".pom");
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    Document doc = factory.newDocumentBuilder().parse(pom.toFile());
    for (String required :
        Arrays.asList(
            "modelVersion",
            "groupId",
            "artifactId",
            "version",
            "name",
            "description",
            "url",
            "licenses",
            "developers",
            "scm")) {
      assertEquals(
          1, doc.getElementsByTagName(required).getLength() > 0 ? 1 : 0, "no <" + required + ">");
    }
    assertEquals(
        VERSION, doc.getDocumentElement().getElementsByTagName("version").item(0).getTextContent());
    assertEquals(
        "Apache-2.0",
        doc.getElementsByTagName("license").item(0).getFirstChild() == null
            ? ""
            : ((org.w3c.dom.Element) doc.getElementsByTagName("license").item(0))
                .getElementsByTagName("name")
                .item(0)
                .getTextContent());
    for (String absent : Arrays.asList("build", "profiles", "dependencyManagement")) {
      assertEquals(0, doc.getElementsByTagName(absent).getLength(), "<" + absent + "> in " + pom);
    }
    org.w3c.dom.Element scm = (org.w3c.dom.Element) doc.getElementsByTagName("scm").item(0);
    assertEquals(REPOSITORY, scm.getElementsByTagName("url").item(0).getTextContent());
    assertEquals(
        "https://onestepai.com",
        ((org.w3c.dom.Element) doc.getDocumentElement().getElementsByTagName("url").item(0))
            .getTextContent());
    String text = Files.readString(pom);
    assertFalse(text.contains("<scope>test</scope>"), text);
    assertTrue(text.contains("do_not_remove: published-with-gradle-metadata"), text);
  }

  /**
   * The POM does not guess the public repository: a release without {@code -Dosai.repository} stops
   * before building anything, and says what to pass.
   */
  @Test
  void aReleaseWithoutTheRepositoryAddressStopsAndSaysWhatToPass() throws Exception {
    String[] result =
        exec(
            project,
            Map.of("MAVEN_GPG_KEY", "unused"),
            "mvn",
            "-B",
            "-Prelease",
            "-Drevision=" + VERSION,
            "-DskipNpm",
            "validate");
    assertEquals("1", result[0], result[1]);
    assertTrue(result[1].contains("-Dosai.repository=https://"), result[1]);
  }

  @Test
  void releasingFrozeTheSpec() throws Exception {
    assertArrayEquals(
        Files.readAllBytes(project.resolve("openapi/osai.yaml")),
        Files.readAllBytes(project.resolve("openapi/released/osai-" + VERSION + ".yaml")));
  }

  @Test
  void everyRuntimeDependencyHasACompatibleLicense() throws Exception {
    JsonNode bom =
        new ObjectMapper()
            .readTree(staged.resolve(ARTIFACT + "-" + VERSION + "-cyclonedx.json").toFile());
    Map<String, String> licenses = new java.util.TreeMap<>();
    for (JsonNode component : bom.get("components")) {
      List<String> ids = new ArrayList<>();
      for (JsonNode license : component.path("licenses")) {
        ids.add(
            license
                .path("license")
                .path("id")
                .asText(license.path("license").path("name").asText()));
      }
      licenses.put(
          component.get("group").asText() + ":" + component.get("name").asText(),
          String.join(",", ids));
    }
    assertTrue(
        licenses
            .keySet()
            .containsAll(
                Arrays.asList(
                    "com.squareup.okhttp3:okhttp-jvm",
                    "com.squareup.retrofit2:converter-moshi",
                    "org.jetbrains.kotlin:kotlin-stdlib",
                    "org.jspecify:jspecify")),
        licenses::toString);
    licenses.forEach(
        (component, ids) ->
            assertTrue(
                !ids.isEmpty()
                    && Arrays.stream(ids.split(",")).allMatch(ReleaseBundleIT::compatible),
                component + " is under " + ids + ": " + licenses));
  }
}
