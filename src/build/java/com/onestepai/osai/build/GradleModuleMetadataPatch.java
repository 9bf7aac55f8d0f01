package com.onestepai.osai.build;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Finishes the Gradle module metadata that gradle-module-metadata-maven-plugin writes from the POM,
 * for what the POM cannot say:
 *
 * <ul>
 *   <li>OkHttp is {@code com.squareup.okhttp3:okhttp}, not {@code okhttp-jvm}. For Maven the {@code
 *       okhttp} artifact is an empty jar, so the POM names {@code okhttp-jvm}; Gradle reads {@code
 *       okhttp}'s own module metadata and picks {@code okhttp-jvm} on the JVM and {@code
 *       okhttp-android} on Android. Naming {@code okhttp-jvm} here would give an Android app that
 *       also uses OkHttp both jars: "Duplicate class okhttp3...".
 *   <li>The POM's exclusions of {@code okhttp} (there only so that Maven users do not get the empty
 *       jar from Retrofit and logging-interceptor) are dropped.
 *   <li>{@code org.gradle.jvm.version} is 8, as the main code is compiled with {@code --release 8}:
 *       the attribute Gradle's own Java plugins publish, and OkHttp's JVM modules too.
 *   <li>{@code apiElements} (what a Gradle consumer compiles against) holds only the published
 *       POM's {@code compile} dependencies: the plugin reads the build's model, where profile
 *       sdk-build puts converter-moshi and logging-interceptor in compile scope for the SDK's own
 *       code, while the flattened POM that is published says {@code runtime}.
 *   <li>The published (flattened) POM gets back its root's {@code xmlns}, which
 *       flatten-maven-plugin drops when it keeps comments.
 * </ul>
 *
 * <p>The build runs it in the package phase, right after the plugin (pom.xml, execution
 * gradle-module-metadata); GradleModuleMetadataIT checks the result:
 *
 * <pre>
 * java -cp TEST_CLASSPATH GradleModuleMetadataPatch.java MODULE_JSON PUBLISHED_POM
 * </pre>
 */
public final class GradleModuleMetadataPatch {
  public static final String OKHTTP_GROUP = "com.squareup.okhttp3";
  public static final int JVM_VERSION = 8;

  private GradleModuleMetadataPatch() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: GradleModuleMetadataPatch MODULE_JSON PUBLISHED_POM");
      System.exit(2);
    }
    Path file = Paths.get(args[0]);
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode module = (ObjectNode) mapper.readTree(file.toFile());
    int okhttp = patch(module, runtimeOnly(Paths.get(args[1])));
    if (okhttp == 0) {
      System.err.println(
          file + ": no okhttp-jvm dependency to replace; is the POM still the same?");
      System.exit(1);
    }
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    byte[] json = mapper.writer(printer).writeValueAsBytes(module);
    Files.write(
        file, (new String(json, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));
    Path pom = Paths.get(args[1]);
    String text = new String(Files.readAllBytes(pom), StandardCharsets.UTF_8);
    Files.write(pom, withPomNamespace(text).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The published POM with its root element in the POM namespace: flatten-maven-plugin 1.7.3 drops
   * {@code xmlns} when it keeps comments (which it must, for the Gradle-metadata marker).
   */
  public static String withPomNamespace(String pom) {
    int root = pom.indexOf("<project");
    if (root < 0 || pom.substring(root, pom.indexOf('>', root)).contains("xmlns=\"")) {
      return pom;
    }
    return pom.substring(0, root)
        + "<project xmlns=\"http://maven.apache.org/POM/4.0.0\""
        + pom.substring(root + "<project".length());
  }

  /** group:artifact of each dependency the published POM declares in {@code runtime} scope. */
  public static Set<String> runtimeOnly(Path pom) throws IOException {
    Set<String> runtime = new TreeSet<>();
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Element project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
      for (Element dependency : children(child(project, "dependencies"), "dependency")) {
        if ("runtime".equals(text(dependency, "scope"))) {
          runtime.add(text(dependency, "groupId") + ":" + text(dependency, "artifactId"));
        }
      }
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException(pom + ": not a POM: " + e.getMessage(), e);
    }
    return runtime;
  }

  /**
   * Patches the module in place; returns how many okhttp-jvm dependencies became okhttp. {@code
   * runtimeOnly} (group:artifact) leave apiElements.
   */
  public static int patch(ObjectNode module, Set<String> runtimeOnly) {
    int replaced = 0;
    for (JsonNode variant : module.withArray("variants")) {
      if ("apiElements".equals(variant.path("name").asText()) && variant.has("dependencies")) {
        ArrayNode dependencies = (ArrayNode) variant.get("dependencies");
        for (int i = dependencies.size() - 1; i >= 0; i--) {
          JsonNode d = dependencies.get(i);
          if (runtimeOnly.contains(d.path("group").asText() + ":" + d.path("module").asText())) {
            dependencies.remove(i);
          }
        }
      }
      ObjectNode attributes = (ObjectNode) variant.get("attributes");
      boolean library =
          attributes != null && "library".equals(attributes.path("org.gradle.category").asText());
      if (library) {
        attributes.put("org.gradle.jvm.version", JVM_VERSION);
        sort(attributes);
      }
      JsonNode dependencies = variant.get("dependencies");
      if (dependencies == null) {
        continue;
      }
      for (JsonNode node : dependencies) {
        ObjectNode dependency = (ObjectNode) node;
        if (OKHTTP_GROUP.equals(dependency.path("group").asText())
            && "okhttp-jvm".equals(dependency.path("module").asText())) {
          dependency.put("module", "okhttp");
          replaced++;
        }
        ArrayNode excludes = (ArrayNode) dependency.get("excludes");
        if (excludes == null) {
          continue;
        }
        for (int i = excludes.size() - 1; i >= 0; i--) {
          JsonNode exclude = excludes.get(i);
          if (OKHTTP_GROUP.equals(exclude.path("group").asText())
              && "okhttp".equals(exclude.path("module").asText())) {
            excludes.remove(i);
          }
        }
        if (excludes.isEmpty()) {
          dependency.remove("excludes");
        }
      }
    }
    return replaced;
  }

  private static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? parent.getOwnerDocument().createElement(name) : found.get(0);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element && name.equals(((Element) n).getTagName())) {
        found.add((Element) n);
      }
    }
    return found;
  }

  private static String text(Element parent, String name) {
    return child(parent, name).getTextContent().trim();
  }

  private static void sort(ObjectNode attributes) {
    Map<String, JsonNode> sorted = new TreeMap<>();
    List<String> names = new ArrayList<>();
    attributes.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      sorted.put(name, attributes.get(name));
    }
    attributes.removeAll();
    attributes.setAll(sorted);
  }
}
