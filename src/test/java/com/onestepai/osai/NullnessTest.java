package com.onestepai.osai;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.api.DatasetsApi;
import com.onestepai.osai.api.UsersApi;
import com.onestepai.osai.growth.api.FilesApi;
import com.onestepai.osai.growth.model.RenditionRequest;
import com.onestepai.osai.model.User;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The JSpecify metadata Kotlin and nullness checkers read: every package is {@code @NullMarked},
 * and the generated models mark exactly the properties the spec lets be absent or null.
 */
class NullnessTest {
  static boolean nullable(AnnotatedType type) {
    return type.isAnnotationPresent(Nullable.class);
  }

  @Test
  void everyPackageIsNullMarked() {
    for (Class<?> type :
        new Class<?>[] {
          OsaiClient.class,
          com.onestepai.osai.internal.ClientStack.class,
          UsersApi.class,
          User.class
        }) {
      assertTrue(
          type.getPackage().isAnnotationPresent(NullMarked.class), type.getPackage().getName());
    }
  }

  @Test
  void optionalOrNullablePropertiesAreNullableAndRequiredOnesAreNot() throws Exception {
    // User: every property optional and nullable in the spec.
    assertTrue(nullable(User.class.getMethod("getEmail").getAnnotatedReturnType()));
    assertTrue(nullable(User.class.getMethod("getColorMode").getAnnotatedReturnType()));
    assertTrue(
        nullable(
            User.Builder.class.getMethod("email", String.class).getAnnotatedParameterTypes()[0]));
    // The growth fixture's RenditionRequest: format is required, background optional.
    assertFalse(nullable(RenditionRequest.class.getMethod("getFormat").getAnnotatedReturnType()));
    assertTrue(
        nullable(RenditionRequest.class.getMethod("getBackground").getAnnotatedReturnType()));
  }

  @Test
  void operationsReturnNonNullResults() throws Exception {
    assertFalse(nullable(UsersApi.class.getMethod("getCurrentUser").getAnnotatedReturnType()));
  }

  /** {@code OsaiResponse<User>}, but {@code OsaiResponse<@Nullable Void>}: body() says which. */
  @Test
  void theBodyOfAWholeAnswerIsNullableExactlyWhereTheResultIs() throws Exception {
    assertFalse(nullable(bodyType(UsersApi.class.getMethod("getCurrentUserWithResponse"))));
    assertTrue(
        nullable(
            bodyType(
                DatasetsApi.class.getMethod(
                    "finishUploadingWithResponse", String.class, String.class))));
    assertTrue(nullable(bodyType(FilesApi.class.getMethod("lockFileWithResponse", String.class))));
    assertFalse(
        nullable(bodyType(FilesApi.class.getMethod("downloadFileWithResponse", String.class))));
  }

  private static AnnotatedType bodyType(java.lang.reflect.Method method) {
    return ((AnnotatedParameterizedType) method.getAnnotatedReturnType())
        .getAnnotatedActualTypeArguments()[0];
  }
}
