package com.onestepai.osai;

import com.onestepai.osai.internal.ClientStack;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.reflect.Type;

/**
 * Writes and reads any model as the SDK does on the wire: to cache a model, store it, or print it.
 *
 * <p>What the server sent comes back as it came: properties the spec does not list, explicit {@code
 * null}s kept apart from absent properties, and numbers with every digit ({@code BigDecimal},
 * numbers beyond {@code long} and {@code double}). The string formats (date-time, date, uuid) are
 * written as the SDK sends them.
 *
 * <pre>{@code
 * String json = OsaiJson.toJson(user);               // store it
 * User again = OsaiJson.fromJson(json, User.class);  // equals(user)
 * System.out.println(OsaiJson.adapter(User.class).indent("    ").toJson(user));
 * }</pre>
 *
 * <p>A plain {@code new Moshi.Builder().build()} does not do this: it refuses a model with a {@code
 * BigDecimal} ("Platform class java.math.BigDecimal requires explicit JsonAdapter") and reads
 * numbers as {@code double}. To add adapters of your own, start from {@code
 * OsaiJson.moshi().newBuilder()}.
 */
public final class OsaiJson {
  private static final Moshi MOSHI = ClientStack.moshi();

  private OsaiJson() {}

  /** The SDK's Moshi, the one every client reads and writes bodies with. Thread-safe. */
  public static Moshi moshi() {
    return MOSHI;
  }

  /** The adapter the SDK uses for {@code type}: a model, an enum, a {@code List} of models... */
  public static <T> JsonAdapter<T> adapter(Type type) {
    return MOSHI.adapter(type);
  }

  /** The adapter the SDK uses for {@code type}. */
  public static <T> JsonAdapter<T> adapter(Class<T> type) {
    return MOSHI.adapter(type);
  }

  /**
   * {@code model} as the JSON the SDK would send, compact.
   *
   * @throws IllegalArgumentException if {@code model} is not something the SDK can write (a class
   *     with no adapter, say)
   */
  @SuppressWarnings("unchecked")
  public static String toJson(Object model) {
    if (model == null) {
      throw new NullPointerException("model is null: OsaiJson.toJson writes a model, not null");
    }
    return ((JsonAdapter<Object>) MOSHI.adapter(model.getClass())).toJson(model);
  }

  /**
   * Reads {@code json} as a {@code type}, with the rules of a server's answer.
   *
   * @throws OsaiInvalidDataException if {@code json} is not valid JSON for {@code type}: the
   *     message names the type and where reading stopped
   */
  public static <T> T fromJson(String json, Class<T> type) {
    if (json == null || type == null) {
      throw new NullPointerException(json == null ? "json is null" : "type is null");
    }
    T value;
    try {
      value = MOSHI.adapter(type).fromJson(json);
    } catch (JsonDataException | IOException e) {
      throw new OsaiInvalidDataException(
          "The JSON is not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
    if (value == null) {
      throw new OsaiInvalidDataException(
          "The JSON is null, not a " + type.getSimpleName() + ": pass the JSON of an object", null);
    }
    return value;
  }
}
