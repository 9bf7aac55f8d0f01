package com.onestepai.osai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.onestepai.osai.internal.ClientStack;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What of the machinery other packages can reach: only what they must. */
class PublicSurfaceTest {
  @Test
  void theInternalPackageExposesOnlyMarkersTheStackAndTheTestSeam() throws Exception {
    assertEquals(
        Set.of("ClientStack", "ModelJson", "NullableAnswer", "SecretBodies", "Sleeper"),
        publicTypes(ClientStack.class));
  }

  static Set<String> publicTypes(Class<?> inPackage) throws IOException, URISyntaxException {
    Path dir =
        Paths.get(inPackage.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve(inPackage.getPackage().getName().replace('.', '/'));
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".class") || name.contains("$") || name.startsWith("package-info")) {
          continue;
        }
        try {
          Class<?> type =
              Class.forName(
                  inPackage.getPackage().getName() + "." + name.replace(".class", ""),
                  false,
                  inPackage.getClassLoader());
          if (Modifier.isPublic(type.getModifiers())) {
            names.add(type.getSimpleName());
          }
        } catch (ClassNotFoundException e) {
          throw new AssertionError(e);
        }
      }
    }
    return names;
  }
}
