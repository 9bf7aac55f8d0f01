package com.onestepai.osai.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/**
 * JSON values ({@code Object}: {@code Map}, {@code List}, {@code String}, {@code Boolean}, a
 * number, {@code null}) read so that they go back as they came. This is how free-form objects and
 * the properties a model does not list ({@code getAdditionalProperties()}) are read and written:
 *
 * <ul>
 *   <li>A number keeps its exact value, where Moshi's own adapter makes every number a {@code
 *       Double} (2^53 + 1 a different number, 1e400 {@code Infinity}): a whole number that fits a
 *       {@code long} is a {@code Long}, any other a {@link BigDecimal} (every digit, and the scale:
 *       {@code 2.50} stays {@code 2.50}). A {@code BigDecimal} goes back in its own notation, so an
 *       exponent may be spelled otherwise ({@code 1e400} as {@code 1E+400}, {@code 0.0000001} as
 *       {@code 1E-7}), and {@code -0} goes back as {@code 0}.
 *   <li>An object is a {@code Map} in arrival order; a name twice in one object is refused ({@link
 *       ModelJson#duplicate}). Its {@code null} values are kept, and written.
 *   <li>A string with a lone surrogate (JSON can escape one, {@code "\ud800"}) goes back escaped,
 *       as it came, where Moshi's writer would send {@code ?} ({@link #STRINGS}).
 * </ul>
 */
final class JsonValues extends JsonAdapter<Object> {
  /** The adapter for {@code Object}, for {@link Moshi.Builder#add(JsonAdapter.Factory)}. */
  static final JsonAdapter.Factory FACTORY =
      (Type type, Set<? extends Annotation> annotations, Moshi moshi) ->
          type == Object.class && annotations.isEmpty()
              ? new JsonValues(moshi.nextAdapter(JsonValues.FACTORY, Object.class, annotations))
              : null;

  /**
   * The adapter for {@code String}: Moshi's, but a string with a lone surrogate is written with it
   * escaped ({@code \ud800}), so that it goes back unchanged.
   */
  static final JsonAdapter.Factory STRINGS =
      (Type type, Set<? extends Annotation> annotations, Moshi moshi) ->
          type == String.class && annotations.isEmpty() ? Strings.INSTANCE : null;

  /** Moshi's own, for values that are no JSON value (a model a caller put in a map). */
  private final JsonAdapter<Object> others;

  private JsonValues(JsonAdapter<Object> others) {
    this.others = others;
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
          String name = reader.nextName();
          int size = map.size();
          map.put(name, fromJson(reader));
          if (map.size() == size) {
            throw ModelJson.duplicate(name, reader);
          }
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

  /**
   * A JSON number's text as a {@code Long} if it is a whole number that fits, else a BigDecimal.
   */
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
        // falls through to BigDecimal, every digit
      }
    }
    return new BigDecimal(text);
  }

  @Override
  public void toJson(JsonWriter out, @Nullable Object value) throws IOException {
    if (value == null) {
      out.nullValue();
    } else if (value instanceof String) {
      Strings.write(out, (String) value);
    } else if (value instanceof Map) {
      boolean serializeNulls = out.getSerializeNulls();
      out.setSerializeNulls(true); // a null value goes back as it came
      try {
        out.beginObject();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
          out.name(String.valueOf(entry.getKey()));
          toJson(out, entry.getValue());
        }
        out.endObject();
      } finally {
        out.setSerializeNulls(serializeNulls);
      }
    } else if (value instanceof Collection) {
      out.beginArray();
      for (Object item : (Collection<?>) value) {
        toJson(out, item);
      }
      out.endArray();
    } else if (value instanceof Boolean) {
      out.value((Boolean) value);
    } else if (value instanceof Long || value instanceof Integer) {
      out.value(((Number) value).longValue());
    } else if (value instanceof BigDecimal) {
      out.value((BigDecimal) value);
    } else {
      others.toJson(out, value); // a Double, a model, anything else a caller put in: Moshi's way
    }
  }

  @Override
  public String toString() {
    return "JsonAdapter(Object, numbers exact)";
  }

  /** Moshi's {@code String} adapter, with lone surrogates written escaped. */
  private static final class Strings extends JsonAdapter<String> {
    static final JsonAdapter<String> INSTANCE = new Strings().nullSafe();

    @Override
    public String fromJson(JsonReader reader) throws IOException {
      return reader.nextString();
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable String value) throws IOException {
      if (value == null) {
        writer.nullValue();
      } else {
        write(writer, value);
      }
    }

    /** {@code value} as a JSON string; one with a lone surrogate escapes it, as JSON allows. */
    static void write(JsonWriter writer, String value) throws IOException {
      if (!hasLoneSurrogate(value)) {
        writer.value(value); // the common case: Moshi's own writing, no copy
        return;
      }
      StringBuilder json = new StringBuilder(value.length() + 16).append('"');
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        boolean pair =
            Character.isHighSurrogate(c)
                && i + 1 < value.length()
                && Character.isLowSurrogate(value.charAt(i + 1));
        if (pair) {
          json.append(c).append(value.charAt(++i));
        } else if (c == '"' || c == '\\') {
          json.append('\\').append(c);
        } else if (c < 0x20 || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)) {
          json.append(String.format("\\u%04x", (int) c));
        } else {
          json.append(c);
        }
      }
      json.append('"');
      BufferedSink sink;
      try {
        sink = writer.valueSink();
      } catch (IllegalStateException mapKey) {
        writer.value(value); // a map key cannot be written raw: Moshi's way, '?' for the surrogate
        return;
      }
      try (BufferedSink out = sink) {
        out.writeUtf8(json.toString());
      }
    }

    static boolean hasLoneSurrogate(String value) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)
            && i + 1 < value.length()
            && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public String toString() {
      return "JsonAdapter(String)";
    }
  }
}
