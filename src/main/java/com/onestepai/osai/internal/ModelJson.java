package com.onestepai.osai.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * What the JSON adapters the templates write for each model ({@code model.mustache}) share: a
 * property read with JSON {@code null} kept apart from a value, a {@code null} written even though
 * the writer drops nulls, and the errors Moshi's own generated adapters give for a required
 * property the server left out or sent as {@code null}. Public only because generated code in other
 * packages calls it.
 */
public final class ModelJson {
  private ModelJson() {}

  /** The next value through {@code adapter}, or {@code null} for a JSON {@code null}. */
  public static <T> @Nullable T read(JsonAdapter<T> adapter, JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    return adapter.fromJson(reader);
  }

  /**
   * Writes {@code value} through {@code adapter}, nulls included wherever they are nested: an
   * explicit {@code null} the model keeps, and the values of properties the spec does not list, go
   * back as they came.
   */
  public static <T> void write(JsonAdapter<T> adapter, JsonWriter writer, @Nullable T value)
      throws IOException {
    boolean serializeNulls = writer.getSerializeNulls();
    writer.setSerializeNulls(true);
    try {
      if (value == null) {
        writer.nullValue();
      } else {
        adapter.toJson(writer, value);
      }
    } finally {
      writer.setSerializeNulls(serializeNulls);
    }
  }

  /** A required property the JSON object did not have. */
  public static JsonDataException missing(String jsonName, String model, JsonReader reader) {
    return new JsonDataException(
        "Required property '" + jsonName + "' of " + model + " missing at " + reader.getPath());
  }

  /** A property the spec says is never null, sent as {@code null}. */
  public static JsonDataException unexpectedNull(String jsonName, String model, JsonReader reader) {
    return new JsonDataException(
        "Property '"
            + jsonName
            + "' of "
            + model
            + " is null at "
            + reader.getPath()
            + ", and the API says it never is");
  }
}
