package com.onestepai.osai.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Moshi's JSON values ({@code Object}: {@code Map}, {@code List}, {@code String}, {@code Boolean},
 * {@code null}), read so that a whole number stays exact: it is a {@code Long} when it fits one,
 * where Moshi's own adapter makes every number a {@code Double} (and 2^53 + 1 a different number).
 * Other numbers are {@code Double}, as in Moshi. Writing is Moshi's own. This is how free-form
 * objects and the properties a model does not list ({@code getAdditionalProperties()}) are read, so
 * that an id such as 9007199254740993 goes back to the server unchanged.
 */
final class JsonValues extends JsonAdapter<Object> {
  /** The adapter for {@code Object}, for {@link Moshi.Builder#add(JsonAdapter.Factory)}. */
  static final JsonAdapter.Factory FACTORY =
      (Type type, Set<? extends Annotation> annotations, Moshi moshi) ->
          type == Object.class && annotations.isEmpty()
              ? new JsonValues(moshi.nextAdapter(JsonValues.FACTORY, Object.class, annotations))
              : null;

  private final JsonAdapter<Object> writer;

  private JsonValues(JsonAdapter<Object> writer) {
    this.writer = writer;
  }

  @Override
  public @Nullable Object fromJson(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_ARRAY:
        List<@Nullable Object> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          list.add(fromJson(reader));
        }
        reader.endArray();
        return list;
      case BEGIN_OBJECT:
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          map.put(reader.nextName(), fromJson(reader));
        }
        reader.endObject();
        return map;
      case NUMBER:
        return number(reader.nextString());
      case STRING:
        return reader.nextString();
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new IllegalStateException(
            "Expected a value but was " + reader.peek() + " at path " + reader.getPath());
    }
  }

  /** A JSON number's text as a {@code Long} if it is a whole number that fits, else a Double. */
  static Object number(String text) {
    boolean whole = true;
    for (int i = 0; i < text.length() && whole; i++) {
      char c = text.charAt(i);
      whole = (c >= '0' && c <= '9') || (i == 0 && c == '-');
    }
    if (whole) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException tooLarge) {
        // falls through to Double, as Moshi reads it
      }
    }
    return Double.parseDouble(text);
  }

  @Override
  public void toJson(JsonWriter out, @Nullable Object value) throws IOException {
    writer.toJson(out, value);
  }

  @Override
  public String toString() {
    return "JsonAdapter(Object, whole numbers as Long)";
  }
}
