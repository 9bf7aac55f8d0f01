package com.onestepai.osai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Gradle module metadata this build publishes beside the POM (osai-sdk-VERSION.module), checked
 * against OkHttp's own module metadata. Gradle reads it instead of the POM; in it OkHttp must be
 * {@code com.squareup.okhttp3:okhttp}, which Gradle resolves through OkHttp's metadata to
 * okhttp-jvm on the JVM and okhttp-android on Android. Naming okhttp-jvm would put both in an
 * Android app that uses OkHttp: "Duplicate class okhttp3...".
 *
 * <p>Run by failsafe after the package phase wrote the .module and invoker:install installed it;
 * pom.xml passes the paths, and maven-dependency-plugin puts OkHttp's .module files in
 * target/gradle-module-metadata-it. The dependencies are compared with the installed (flattened)
 * POM's, scope by scope.
 */
class GradleModuleMetadataIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MARKER = "do_not_remove: published-with-gradle-metadata";

  /**
   * Attributes the Kotlin Gradle plugin adds to OkHttp's JVM variants that a plain Java library
   * leaves off: absent, they match every consumer (JVM and Android alike).
   */
  private static final Set<String> KOTLIN_PLUGIN_ATTRIBUTES =
      new HashSet<>(
          Arrays.asList("org.gradle.jvm.environment", "org.jetbrains.kotlin.platform.type"));

  private static final String GROUP = property("osai.groupId");
  private static final String ARTIFACT = property("osai.artifactId");
  private static final String VERSION = property("osai.version");
  private static final String OKHTTP_VERSION = property("osai.okhttpVersion");
  private static final Path BUILD = Paths.get(property("osai.buildDir"));
  private static final Path FIXTURES = BUILD.resolve("gradle-module-metadata-it");
  private static final Path MODULE = BUILD.resolve("publications/maven/module.json");
  private static final Path INSTALLED =
      Paths.get(property("osai.localRepository"))
          .resolve(GROUP.replace('.', '/'))
          .resolve(ARTIFACT)
          .resolve(VERSION);

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(name + " is not set: run this test with mvn verify");
    }
    return value;
  }

  private static JsonNode module() throws IOException {
    assertTrue(Files.isRegularFile(MODULE), "the build wrote no Gradle module metadata: " + MODULE);
    return JSON.readTree(MODULE.toFile());
  }

  private static JsonNode read(String fixture) throws IOException {
    return JSON.readTree(FIXTURES.resolve(fixture).toFile());
  }

  private static JsonNode variant(JsonNode module, String name) {
    for (JsonNode variant : module.get("variants")) {
      if (name.equals(variant.get("name").asText())) {
        return variant;
      }
    }
    throw new AssertionError("no variant " + name + " in " + module.get("variants"));
  }

  private static Map<String, JsonNode> attributes(JsonNode node) {
    Map<String, JsonNode> attributes = new TreeMap<>();
    node.path("attributes").properties().forEach(e -> attributes.put(e.getKey(), e.getValue()));
    return attributes;
  }

  /** group:module:version of each dependency of a variant, in order. */
  private static List<String> dependencies(JsonNode variant) {
    List<String> dependencies = new ArrayList<>();
    for (JsonNode d : variant.path("dependencies")) {
      dependencies.add(
          d.get("group").asText()
              + ":"
              + d.get("module").asText()
              + ":"
              + d.path("version").path("requires").asText());
    }
    return dependencies;
  }

  @Test
  void formatAndComponentAreWhatGradleReadsInOkHttpsOwnModule() throws IOException {
    JsonNode module = module();
    JsonNode okhttp = read("okhttp-" + OKHTTP_VERSION + ".module");

    assertEquals(okhttp.get("formatVersion").asText(), module.get("formatVersion").asText());
    assertEquals("1.1", module.get("formatVersion").asText());
    JsonNode component = module.get("component");
    assertEquals(GROUP, component.get("group").asText());
    assertEquals(ARTIFACT, component.get("module").asText());
    assertEquals(VERSION, component.get("version").asText());
    assertEquals(
        attributes(okhttp.get("component")).keySet(), attributes(component).keySet(), "names");
    assertEquals(
        VERSION.endsWith("-SNAPSHOT") ? "integration" : "release",
        attributes(component).get("org.gradle.status").asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"apiElements", "runtimeElements"})
  void libraryVariantsCarryTheAttributesOfOkHttpsJvmVariants(String name) throws IOException {
    Map<String, JsonNode> ours = attributes(variant(module(), name));
    // logging-interceptor: a JVM-only module of OkHttp's, used on the JVM and on Android.
    Map<String, JsonNode> okhttpJvm =
        attributes(variant(read("logging-interceptor-" + OKHTTP_VERSION + ".module"), name));
    // okhttp itself: its JVM variants point at okhttp-jvm.
    String kmpName = "jvm" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    Map<String, JsonNode> okhttpRoot =
        attributes(variant(read("okhttp-" + OKHTTP_VERSION + ".module"), kmpName + "-published"));

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("org.gradle.category", "library");
    expected.put("org.gradle.dependency.bundling", "external");
    expected.put("org.gradle.jvm.version", 8);
    expected.put("org.gradle.libraryelements", "jar");
    expected.put("org.gradle.usage", name.equals("apiElements") ? "java-api" : "java-runtime");
    assertEquals(JSON.valueToTree(expected), JSON.valueToTree(ours));

    Map<String, JsonNode> okhttpJvmButKotlin = new TreeMap<>(okhttpJvm);
    okhttpJvmButKotlin.keySet().removeAll(KOTLIN_PLUGIN_ATTRIBUTES);
    assertEquals(okhttpJvmButKotlin, ours, "logging-interceptor's " + name + " " + okhttpJvm);
    for (Map.Entry<String, JsonNode> e : okhttpRoot.entrySet()) {
      if (!KOTLIN_PLUGIN_ATTRIBUTES.contains(e.getKey())) {
        assertEquals(e.getValue(), ours.get(e.getKey()), e.getKey() + " in okhttp's " + kmpName);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"apiElements", "runtimeElements"})
  void okHttpIsTheModuleWhoseMetadataPicksJvmOrAndroid(String name) throws IOException {
    JsonNode variant = variant(module(), name);
    List<String> deps = dependencies(variant);
    assertTrue(deps.contains("com.squareup.okhttp3:okhttp:" + OKHTTP_VERSION), deps::toString);
    for (JsonNode d : variant.get("dependencies")) {
      for (JsonNode exclude : d.path("excludes")) {
        assertFalse(
            exclude.get("group").asText().equals("com.squareup.okhttp3")
                && exclude.get("module").asText().equals("okhttp"),
            "okhttp excluded from " + d);
      }
    }
    assertFalse(
        new String(Files.readAllBytes(MODULE), StandardCharsets.UTF_8).contains("okhttp-jvm"),
        "the .module names okhttp-jvm");

    // What that buys: okhttp's own metadata sends Android to okhttp-android, the JVM to okhttp-jvm.
    JsonNode okhttp = read("okhttp-" + OKHTTP_VERSION + ".module");
    Map<String, String> availableAt = new TreeMap<>();
    for (JsonNode v : okhttp.get("variants")) {
      if (v.has("available-at")) {
        availableAt.put(
            attributes(v).get("org.gradle.jvm.environment").asText(),
            v.get("available-at").get("module").asText());
      }
    }
    assertEquals("okhttp-android", availableAt.get("android"), availableAt::toString);
    assertEquals("okhttp-jvm", availableAt.get("standard-jvm"), availableAt::toString);
  }

  /** The installed (published) POM's dependencies: group:artifact:version to scope. */
  private static Map<String, String> installedPomDependencies() throws Exception {
    Path pom = INSTALLED.resolve(ARTIFACT + "-" + VERSION + ".pom");
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    Map<String, String> scopes = new TreeMap<>();
    NodeList dependencies = doc.getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element d = (Element) dependencies.item(i);
      String artifact =
          text(d, "artifactId").equals("okhttp-jvm") ? "okhttp" : text(d, "artifactId");
      String scope = text(d, "scope");
      scopes.put(
          text(d, "groupId") + ":" + artifact + ":" + text(d, "version"),
          scope.isEmpty() ? "compile" : scope);
    }
    return scopes;
  }

  private static String text(Element parent, String name) {
    NodeList found = parent.getElementsByTagName(name);
    return found.getLength() == 0 ? "" : found.item(0).getTextContent().trim();
  }

  @Test
  void apiElementsAreThePomsCompileScopeAndRuntimeElementsAllOfIt() throws Exception {
    JsonNode module = module();
    Map<String, String> scopes = installedPomDependencies();
    Set<String> compile = new TreeSet<>();
    scopes.forEach(
        (dependency, scope) -> {
          if (scope.equals("compile")) {
            compile.add(dependency);
          }
        });
    assertTrue(scopes.size() >= 8, "dependencies read: " + scopes);
    assertEquals(compile, new TreeSet<>(dependencies(variant(module, "apiElements"))));
    assertEquals(scopes.keySet(), new TreeSet<>(dependencies(variant(module, "runtimeElements"))));
  }

  @Test
  void theInstalledPomIsAConsumersPom() throws Exception {
    Map<String, String> scopes = installedPomDependencies();
    // What the public API exposes is compile; what the SDK uses inside, runtime.
    for (String api :
        Arrays.asList(
            "com.squareup.okhttp3:okhttp:",
            "com.squareup.okio:okio-jvm:",
            "com.squareup.retrofit2:retrofit:",
            "com.squareup.moshi:moshi:",
            "org.jspecify:jspecify:")) {
      assertEquals(List.of("compile"), scopeOf(scopes, api), api + " in " + scopes);
    }
    for (String inside :
        Arrays.asList(
            "com.squareup.okhttp3:logging-interceptor:",
            "com.squareup.retrofit2:converter-moshi:",
            "org.jetbrains.kotlin:kotlin-stdlib:")) {
      assertEquals(List.of("runtime"), scopeOf(scopes, inside), inside + " in " + scopes);
    }
    Path pom = INSTALLED.resolve(ARTIFACT + "-" + VERSION + ".pom");
    DocumentBuilderFactory namespaces = DocumentBuilderFactory.newInstance();
    namespaces.setNamespaceAware(true);
    assertEquals(
        "http://maven.apache.org/POM/4.0.0",
        namespaces.newDocumentBuilder().parse(pom.toFile()).getDocumentElement().getNamespaceURI());
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    // No <scm> in a SNAPSHOT: the source repository is named only by a release (-Dosai.repository,
    // which ReleaseBundleIT checks), so that the POM never carries a guessed address.
    for (String absent :
        Arrays.asList("build", "profiles", "dependencyManagement", "properties", "scm")) {
      assertEquals(0, doc.getElementsByTagName(absent).getLength(), "<" + absent + "> in " + pom);
    }
    for (String present : Arrays.asList("name", "description", "url", "licenses", "developers")) {
      assertEquals(
          1,
          doc.getDocumentElement().getElementsByTagName(present).getLength() > 0 ? 1 : 0,
          "no <" + present + "> in " + pom);
    }
    assertEquals("Apache-2.0", text((Element) doc.getElementsByTagName("license").item(0), "name"));
  }

  private static List<String> scopeOf(Map<String, String> scopes, String prefix) {
    List<String> found = new ArrayList<>();
    scopes.forEach(
        (dependency, scope) -> {
          if (dependency.startsWith(prefix)) {
            found.add(scope);
          }
        });
    return found;
  }

  @ParameterizedTest
  @ValueSource(strings = {"apiElements", "runtimeElements", "javadocElements", "sourcesElements"})
  void eachVariantsFileIsTheJarTheBuildMade(String name) throws Exception {
    String suffix =
        name.equals("javadocElements")
            ? "-javadoc"
            : name.equals("sourcesElements") ? "-sources" : "";
    Path jar = BUILD.resolve(property("osai.finalName") + suffix + ".jar");
    JsonNode files = variant(module(), name).get("files");
    assertEquals(1, files.size(), files::toString);
    JsonNode file = files.get(0);
    String published = ARTIFACT + "-" + VERSION + suffix + ".jar";
    assertEquals(published, file.get("name").asText());
    assertEquals(published, file.get("url").asText());
    assertEquals(jar.getFileName().toString(), file.get("name").asText());
    assertEquals(Files.size(jar), file.get("size").asLong());
    assertEquals(sha256(jar), file.get("sha256").asText());
  }

  @Test
  void installedPomPointsGradleAtTheInstalledModule() throws Exception {
    Path pom = INSTALLED.resolve(ARTIFACT + "-" + VERSION + ".pom");
    Path module = INSTALLED.resolve(ARTIFACT + "-" + VERSION + ".module");
    assertTrue(Files.isRegularFile(pom), "not installed: " + pom);
    assertTrue(
        new String(Files.readAllBytes(pom), StandardCharsets.UTF_8).contains(MARKER),
        "the installed POM lacks <!-- " + MARKER + " -->, so Gradle never reads the .module");
    assertTrue(Files.isRegularFile(module), "not installed: " + module);
    assertEquals(sha256(MODULE), sha256(module), "the installed .module is the one checked here");
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    StringBuilder hex = new StringBuilder();
    for (byte b : digest) {
      hex.append(String.format("%02x", b));
    }
    return hex.toString();
  }
}
