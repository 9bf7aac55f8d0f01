package com.onestepai.osai.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/**
 * What the JSON adapters the templates write for each model ({@code model.mustache}) share: a
 * property read with JSON {@code null} kept apart from a value, a {@code null} written even though
 * the writer drops nulls, the arrays and maps of a model's properties, and the errors for a
 * required property the server left out or sent as {@code null}, a {@code null} where the schema
 * allows none, and a name twice in one object. Public only because generated code in other packages
 * calls it.
 *
 * <p>The rules, the same for every model (the README's round-trip promise):
 *
 * <ul>
 *   <li>A name twice in one JSON object (a listed property, an unlisted one, a map key, a
 *       discriminator) is refused, naming it and its path: JSON leaves its meaning open (RFC 8259
 *       section 4, I-JSON forbids it), and keeping either value would send back other JSON than
 *       came.
 *   <li>An element of an array, or a value of a map, that is JSON {@code null} is refused, naming
 *       its path, unless the schema allows it ({@code items} or {@code additionalProperties} with
 *       {@code nullable: true}, or a free-form value): then it is kept, typed {@code @Nullable},
 *       and sent back.
 *   <li>What a caller builds goes out as built: nulls inside a list or a map are written as JSON
 *       {@code null}.
 * </ul>
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

  /**
   * A JSON array as a {@code List}, each element through {@code element}, in order.
   *
   * @param element the adapter of the elements
   * @param nullable whether the schema lets an element be {@code null}; if not, a {@code null}
   *     element is refused naming its path
   */
  public static <T> JsonAdapter<List<T>> listOf(JsonAdapter<T> element, boolean nullable) {
    return new ArrayAdapter<>(element, nullable, false);
  }

  /**
   * A JSON array with {@code uniqueItems} as a {@code Set} in arrival order: see {@link #listOf}.
   */
  public static <T> JsonAdapter<Set<T>> setOf(JsonAdapter<T> element, boolean nullable) {
    return new ArrayAdapter<>(element, nullable, true);
  }

  /**
   * A JSON object as a {@code Map} from name to value, in arrival order; a name twice is refused.
   * Null values are written as JSON {@code null}.
   *
   * @param value the adapter of the values
   * @param nullable whether the schema lets a value be {@code null}; if not, a {@code null} value
   *     is refused naming its path
   */
  public static <V> JsonAdapter<Map<String, V>> mapOf(JsonAdapter<V> value, boolean nullable) {
    return new MapAdapter<>(value, nullable);
  }

  /**
   * Writes {@code text}, the text of a JSON number as it was read, as that number, every character
   * as it came.
   */
  public static void writeNumber(JsonWriter writer, String text) throws IOException {
    try (BufferedSink sink = writer.valueSink()) {
      sink.writeUtf8(text);
    }
  }

  /** A name the JSON object at {@code reader} already had. */
  public static JsonDataException duplicate(String jsonName, JsonReader reader) {
    return new JsonDataException(
        "The name '"
            + jsonName
            + "' appears more than once in one object at "
            + reader.getPath()
            + ": JSON does not say which value counts, so the SDK takes neither");
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

  /** JSON null where the schema allows none, at the reader's path. */
  static JsonDataException unexpectedNullElement(JsonReader reader) {
    return new JsonDataException(
        "A null at " + reader.getPath() + ", where the API allows no null");
  }

  private static final class ArrayAdapter<C extends Collection<T>, T> extends JsonAdapter<C> {
    private final JsonAdapter<T> element;
    private final boolean nullable;
    private final boolean set;

    ArrayAdapter(JsonAdapter<T> element, boolean nullable, boolean set) {
      this.element = element;
      this.nullable = nullable;
      this.set = set;
    }

    @Override
    @SuppressWarnings("unchecked")
    public @Nullable C fromJson(JsonReader reader) throws IOException {
      if (reader.peek() == JsonReader.Token.NULL) {
        return reader.nextNull();
      }
      Collection<@Nullable T> items = set ? new LinkedHashSet<>() : new ArrayList<>();
      reader.beginArray();
      while (reader.hasNext()) {
        if (reader.peek() == JsonReader.Token.NULL) {
          if (!nullable) {
            throw unexpectedNullElement(reader);
          }
          items.add(reader.nextNull());
        } else {
          items.add(element.fromJson(reader));
        }
      }
      reader.endArray();
      return (C) items;
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable C value) throws IOException {
      if (value == null) {
        writer.nullValue();
        return;
      }
      writer.beginArray();
      for (T item : value) {
        if (item == null) {
          writer.nullValue(); // in an array, a null is always written
        } else {
          element.toJson(writer, item);
        }
      }
      writer.endArray();
    }

    @Override
    public String toString() {
      return "JsonAdapter(" + (set ? "Set" : "List") + " of " + element + ")";
    }
  }

  private static final class MapAdapter<V> extends JsonAdapter<Map<String, V>> {
    private final JsonAdapter<V> value;
    private final boolean nullable;

    MapAdapter(JsonAdapter<V> value, boolean nullable) {
      this.value = value;
      this.nullable = nullable;
    }

    @Override
    public @Nullable Map<String, V> fromJson(JsonReader reader) throws IOException {
      if (reader.peek() == JsonReader.Token.NULL) {
        return reader.nextNull();
      }
      Map<String, @Nullable V> map = new LinkedHashMap<>();
      reader.beginObject();
      while (reader.hasNext()) {
        String name = reader.nextName();
        V read;
        if (reader.peek() == JsonReader.Token.NULL) {
          if (!nullable) {
            throw unexpectedNullElement(reader);
          }
          read = reader.nextNull();
        } else {
          read = value.fromJson(reader);
        }
        int size = map.size();
        map.put(name, read);
        if (map.size() == size) {
          throw duplicate(name, reader);
        }
      }
      reader.endObject();
      @SuppressWarnings("unchecked")
      Map<String, V> result = (Map<String, V>) map;
      return result;
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable Map<String, V> map) throws IOException {
      if (map == null) {
        writer.nullValue();
        return;
      }
      boolean serializeNulls = writer.getSerializeNulls();
      writer.setSerializeNulls(true);
      try {
        writer.beginObject();
        for (Map.Entry<String, V> entry : map.entrySet()) {
          writer.name(entry.getKey());
          if (entry.getValue() == null) {
            writer.nullValue();
          } else {
            value.toJson(writer, entry.getValue());
          }
        }
        writer.endObject();
      } finally {
        writer.setSerializeNulls(serializeNulls);
      }
    }

    @Override
    public String toString() {
      return "JsonAdapter(Map of " + value + ")";
    }
  }
}
