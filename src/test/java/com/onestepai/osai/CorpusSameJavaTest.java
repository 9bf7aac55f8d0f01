package com.onestepai.osai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The same service described in OpenAPI 3.0 and in 3.1 gives the same Java: dotnet/eShop's Catalog
 * API as Microsoft.AspNetCore.OpenApi 9 wrote it (3.0.1) and as version 10 writes it (3.1.1: every
 * number a {@code [integer, string]} union, every nullable a {@code ["null", X]} union or a {@code
 * oneOf} with null). Every public method of every generated class, with its generic signature.
 */
class CorpusSameJavaTest {
  static final String V30 = "com.onestepai.osai.corpus.eshopcatalogv1net9";
  static final String V31 = "com.onestepai.osai.corpus.eshopcatalogv1";

  static Map<String, List<String>> api(String pkg, String dir) throws Exception {
    Path sources =
        PrismServer.projectDir()
            .resolve("target/generated-test-sources/corpus/" + dir + "/src/main/java")
            .resolve(pkg.replace('.', '/'));
    Map<String, List<String>> classes = new TreeMap<>();
    for (String sub : new String[] {"api", "model"}) {
      for (String simple : javaFiles(sources.resolve(sub))) {
        Class<?> type = Class.forName(pkg + "." + sub + "." + simple);
        List<String> methods = new ArrayList<>();
        for (Method m : type.getDeclaredMethods()) {
          if (Modifier.isPublic(m.getModifiers())) {
            methods.add(m.toGenericString().replace(pkg, "PKG"));
          }
        }
        methods.sort(null);
        classes.put(sub + "." + simple, methods);
      }
    }
    return classes;
  }

  static List<String> javaFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".java") && !n.equals("package-info.java"))
          .map(n -> n.substring(0, n.length() - ".java".length()))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  @Test
  void eShopIn30AndIn31GivesTheSameJava() throws Exception {
    Map<String, List<String>> v30 = api(V30, "eshop-catalog-v1-net9");
    Map<String, List<String>> v31 = api(V31, "eshop-catalog-v1");

    assertTrue(v30.containsKey("model.CatalogItem") && v30.size() > 10, v30.keySet().toString());
    assertEquals(v30.keySet(), v31.keySet());
    for (String type : v30.keySet()) {
      assertEquals(v30.get(type), v31.get(type), type);
    }
    assertTrue(
        v31.get("model.CatalogItem")
                .contains("public java.lang.Double PKG.model.CatalogItem.getPrice()")
            || v31.get("model.CatalogItem").stream()
                .anyMatch(s -> s.contains("Double") && s.contains("getPrice")),
        Arrays.toString(v31.get("model.CatalogItem").toArray()));
  }
}
