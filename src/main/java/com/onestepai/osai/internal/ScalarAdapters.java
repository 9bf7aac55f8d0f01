package com.onestepai.osai.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The wire text of the string formats Moshi has no adapter for, and of {@code BigDecimal}, in JSON
 * (a Moshi factory) and in query, path and header parameters ({@link #toWire}):
 *
 * <ul>
 *   <li>{@code format: date-time} is an {@link OffsetDateTime}. Read: RFC 3339 / ISO 8601 with
 *       {@code Z} or an offset such as {@code +02:00}, 0 to 9 fractional digits (ASP.NET writes 7),
 *       seconds optional. A value with no offset at all (an ASP.NET {@code DateTime} of kind
 *       Unspecified) is read as UTC. Written as RFC 3339 with its offset ({@link
 *       DateTimeFormatter#ISO_OFFSET_DATE_TIME}: seconds always, as many fractional digits as the
 *       value needs, {@code Z} for UTC).
 *   <li>{@code format: date} is a {@link LocalDate}, {@code yyyy-MM-dd} both ways.
 *   <li>{@code format: uuid} is a {@link UUID}, read by {@link UUID#fromString}, written lower case
 *       (as ASP.NET writes a {@code Guid}).
 *   <li>{@code type: number} with no format is a {@link java.math.BigDecimal} (the generator's
 *       choice), read from the number's text and written as a JSON number: no digit is lost.
 * </ul>
 *
 * A value that is not of its format fails with a {@link JsonDataException} naming its JSON path.
 */
final class ScalarAdapters {
  private ScalarAdapters() {}

  /** The adapters, for {@link Moshi.Builder#add(JsonAdapter.Factory)}. */
  static final JsonAdapter.Factory FACTORY = ScalarAdapters::create;

  private static @Nullable JsonAdapter<?> create(
      Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty() || !handles(type)) {
      return null;
    }
    if (type == OffsetDateTime.class) {
      return new Adapter<>(OffsetDateTime.class, ScalarAdapters::parseDateTime);
    }
    if (type == LocalDate.class) {
      return new Adapter<>(LocalDate.class, LocalDate::parse);
    }
    if (type == UUID.class) {
      return new Adapter<>(UUID.class, UUID::fromString);
    }
    if (type == BigDecimal.class) {
      return new Adapter<>(BigDecimal.class, BigDecimal::new);
    }
    return null;
  }

  /**
   * The text of a parameter of one of these types, or null for any other type (Retrofit then uses
   * {@code toString()}).
   */
  static @Nullable String toWire(Object value) {
    if (value instanceof UUID) {
      return value.toString();
    }
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).toPlainString();
    }
    if (value instanceof OffsetDateTime) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((OffsetDateTime) value);
    }
    if (value instanceof LocalDate) {
      return DateTimeFormatter.ISO_LOCAL_DATE.format((LocalDate) value);
    }
    return null;
  }

  /**
   * Whether this is one of the types. Checked by name before any {@code java.time} class literal is
   * touched: on Android 24-25 without core library desugaring {@code java.time} is absent (using a
   * class literal of it would throw), so clients whose models have no dates need no desugaring;
   * desugared, the classes are {@code j$.time.*}.
   */
  static boolean handles(Type type) {
    if (type == UUID.class || type == BigDecimal.class) {
      return true;
    }
    if (!(type instanceof Class)) {
      return false;
    }
    String name = ((Class<?>) type).getName();
    return (name.endsWith(".time.OffsetDateTime") && type == OffsetDateTime.class)
        || (name.endsWith(".time.LocalDate") && type == LocalDate.class);
  }

  /** RFC 3339 with or without an offset; without one, UTC. */
  static OffsetDateTime parseDateTime(String text) {
    TemporalAccessor parsed =
        DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
    return parsed instanceof OffsetDateTime
        ? (OffsetDateTime) parsed
        : ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
  }

  private interface Parser<T> {
    T parse(String text);
  }

  private static final class Adapter<T> extends JsonAdapter<T> {
    private final Class<T> type;
    private final Parser<T> parser;

    Adapter(Class<T> type, Parser<T> parser) {
      this.type = type;
      this.parser = parser;
    }

    @Override
    public @Nullable T fromJson(JsonReader reader) throws IOException {
      if (reader.peek() == JsonReader.Token.NULL) {
        return reader.nextNull();
      }
      String path = reader.getPath();
      String text = reader.nextString();
      try {
        return parser.parse(text);
      } catch (DateTimeException | IllegalArgumentException e) {
        // The value is left out: it may be anything the server put in that field.
        throw new JsonDataException(
            "Expected " + type.getSimpleName() + " but was another value at path " + path, e);
      }
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable T value) throws IOException {
      if (value == null) {
        writer.nullValue();
      } else if (value instanceof BigDecimal) {
        writer.value((BigDecimal) value); // a JSON number, every digit
      } else {
        writer.value(toWire(value));
      }
    }

    @Override
    public String toString() {
      return "JsonAdapter(" + type.getSimpleName() + ")";
    }
  }
}
