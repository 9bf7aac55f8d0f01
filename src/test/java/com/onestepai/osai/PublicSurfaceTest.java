package com.onestepai.osai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.api.OsaiApis;
import com.onestepai.osai.internal.ClientStack;
import com.onestepai.osai.model.User;
import com.onestepai.osai.workflow.DatasetUpload;
import com.squareup.moshi.JsonClass;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public type of every package in the jar, so that a change to the surface is deliberate: the
 * hand-written packages by name, the generated ones by rule (a rule the templates keep). The
 * README's "Layout" says the same. Nested types are named {@code Outer.Inner}.
 */
class PublicSurfaceTest {
  @Test
  void theJarHasTheseFivePackagesAndNoOther() throws Exception {
    Path root = classesDir(OsaiClient.class);
    Set<String> packages;
    try (Stream<Path> files = Files.walk(root)) {
      packages =
          files
              .filter(f -> f.toString().endsWith(".class"))
              .map(
                  f ->
                      root.relativize(f.getParent())
                          .toString()
                          .replace(f.getFileSystem().getSeparator(), "."))
              .collect(Collectors.toCollection(TreeSet::new));
    }
    assertEquals(
        Set.of(
            "com.onestepai.osai",
            "com.onestepai.osai.api",
            "com.onestepai.osai.internal",
            "com.onestepai.osai.model",
            "com.onestepai.osai.workflow"),
        packages);
  }

  @Test
  void theApiIsTheseTypes() throws Exception {
    assertEquals(
        Set.of(
            "AccessTokenRejectedException",
            "AutoPager",
            "BadRequestException",
            "ConflictException",
            "Idempotent",
            "InternalServerException",
            "LogLevel",
            "NotFoundException",
            "OpenEnum",
            "OsaiClient",
            "OsaiClient.Builder",
            "OsaiClient.Options",
            "OsaiException",
            "OsaiInvalidDataException",
            "OsaiIoException",
            "OsaiJson",
            "OsaiResponse",
            "OsaiServiceException",
            "PermissionDeniedException",
            "Problem",
            "RateLimitException",
            "Region",
            "UnauthorizedException",
            "UnexpectedStatusCodeException",
            "UnprocessableEntityException",
            "UploadFile",
            "UploadFile.Progress",
            "WithoutJwt"),
        publicTypes(OsaiClient.class));
    assertEquals(Set.of("DatasetUpload"), publicTypes(DatasetUpload.class));
  }

  /**
   * Public because other packages must reach them (Java 8 has no module to export from), and not
   * API: the package's Javadoc and the README say so, and the published Javadoc leaves the package
   * out. The markers and ModelJson are named by generated code; ClientStack by OsaiClient,
   * UploadFile, OsaiJson and DatasetUpload; Sleeper by OsaiClient.Builder's test seam.
   */
  @Test
  void theInternalPackageExposesOnlyWhatOtherPackagesMustReach() throws Exception {
    assertEquals(
        Set.of(
            "ClientStack",
            "ClientStack.Hold",
            "ModelJson",
            "NullableAnswer",
            "SecretBodies",
            "Sleeper"),
        publicTypes(ClientStack.class));
  }

  /** One interface per tag, each with its accessor on OsaiApis; OsaiApis itself. */
  @Test
  void theGeneratedApiPackageHoldsTheTagInterfacesAndTheirAccessors() throws Exception {
    Set<String> expected = new TreeSet<>();
    expected.add("OsaiApis");
    for (Method accessor : OsaiApis.class.getMethods()) {
      if (accessor.getParameterCount() == 0) {
        assertTrue(accessor.getReturnType().isInterface(), accessor.toString());
        assertEquals(OsaiApis.class.getPackage(), accessor.getReturnType().getPackage());
        expected.add(accessor.getReturnType().getSimpleName());
      }
    }
    assertEquals(expected, publicTypes(OsaiApis.class));
    assertTrue(expected.contains("UsersApi"), expected.toString());
  }

  /**
   * A model or enum carries Moshi's {@code @JsonClass} (its adapter is package-private, found by
   * name), a oneOf is an interface its members implement (with a nested member for what no
   * discriminator value names), a model's public nested types are its builder and its enums.
   * Checked on the growth fixture's models too, which have every shape.
   */
  @Test
  void theGeneratedModelPackageHoldsModelsEnumsOneOfsAndBuilders() throws Exception {
    for (Class<?> inPackage :
        new Class<?>[] {User.class, com.onestepai.osai.growth.model.Annotation.class}) {
      Set<String> names = publicTypes(inPackage);
      assertTrue(names.size() > 1, names.toString());
      for (String name : names) {
        Class<?> type =
            Class.forName(
                inPackage.getPackage().getName() + "." + name.replace('.', '$'),
                false,
                inPackage.getClassLoader());
        boolean ok =
            type.isAnnotationPresent(JsonClass.class)
                || (type.isInterface() && type.getEnclosingClass() == null)
                || (type.getSimpleName().equals("Builder") && type.getEnclosingClass() != null)
                || (type.isEnum() && type.getEnclosingClass() != null)
                || (type.getEnclosingClass() != null // a oneOf's member for unknown discriminators
                    && type.getEnclosingClass().isInterface()
                    && type.getEnclosingClass().isAssignableFrom(type));
        assertTrue(ok, type + " is public, but neither a model, an enum, a oneOf nor a builder");
      }
    }
  }

  static Path classesDir(Class<?> type) throws URISyntaxException {
    return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** The public types of {@code inPackage}'s package, nested ones as {@code Outer.Inner}. */
  static Set<String> publicTypes(Class<?> inPackage) throws IOException, URISyntaxException {
    String pkg = inPackage.getPackage().getName();
    Path dir = classesDir(inPackage).resolve(pkg.replace('.', '/'));
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".class") || name.startsWith("package-info")) {
          continue;
        }
        String binary = name.substring(0, name.length() - ".class".length());
        try {
          Class<?> type = Class.forName(pkg + "." + binary, false, inPackage.getClassLoader());
          if (Modifier.isPublic(type.getModifiers())
              && !type.isAnonymousClass()
              && !type.isLocalClass()
              && !type.isSynthetic()) {
            names.add(binary.replace('$', '.'));
          }
        } catch (ClassNotFoundException e) {
          throw new AssertionError(e);
        }
      }
    }
    return names;
  }
}
