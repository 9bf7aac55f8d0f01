package com.onestepai.osai.internal;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.jspecify.annotations.Nullable;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;
import retrofit2.http.Part;

/**
 * Request bodies go out as JSON through Moshi, a {@code String} included (the SignIn body is the
 * access token as a JSON string), but for the fields of a multipart body: see {@code
 * multipartField}. Response bodies are read by Moshi, except that a {@code String} is read by the
 * answer's content type: a JSON string from {@code application/json}, the text as it is from
 * anything else (the JWT comes as {@code text/plain}). A JSON number read as a {@code String} is
 * its text ({@code 42} is {@code "42"}). An empty body is {@code null} for a method marked {@link
 * NullableAnswer}, and a {@link BodyDecodingException} for any other. {@code ResponseBody} and
 * {@code Void} answers never come here: Retrofit's built-in converters serve them (a
 * {@code @Streaming} body unread, a {@code Void} one closed).
 *
 * <p>The string formats of the spec (date-time, date, uuid) are read and written by {@link
 * ScalarAdapters}, in bodies (through Moshi) and in parameters ({@link #stringConverter}).
 *
 * <p>A response body is buffered whole before it is parsed, so that a failure to read it (a
 * transport error, an {@code IOException}) stays apart from a failure to parse it (a {@link
 * BodyDecodingException} naming the type, the content type and the start of the body).
 */
final class OsaiConverterFactory extends Converter.Factory {
  private static final ByteString UTF8_BOM = ByteString.decodeHex("EFBBBF");
  private static final MediaType TEXT = MediaType.get("text/plain; charset=utf-8");
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final Moshi moshi;
  private final MoshiConverterFactory requests;
  private final ConcurrentMap<Class<?>, Map<String, String>> enumWireNames =
      new ConcurrentHashMap<>();

  OsaiConverterFactory(Moshi moshi) {
    this.moshi = moshi;
    this.requests = MoshiConverterFactory.create(moshi);
  }

  @Override
  public @Nullable Converter<?, RequestBody> requestBodyConverter(
      Type type,
      Annotation[] parameterAnnotations,
      Annotation[] methodAnnotations,
      Retrofit retrofit) {
    for (Annotation annotation : parameterAnnotations) {
      if (annotation instanceof Part) {
        return multipartField(type);
      }
    }
    return requests.requestBodyConverter(type, parameterAnnotations, methodAnnotations, retrofit);
  }

  /**
   * A multipart field (an {@code @Part} other than a file, which is a {@code RequestBody} that
   * Retrofit sends as it is): a string, number, boolean or enum goes as its wire text in {@code
   * text/plain; charset=utf-8} ({@code abc}, not the JSON {@code "abc"}), as a form would send it;
   * an object or an array as JSON. The elements of a list are one part each (Retrofit's).
   */
  private Converter<Object, RequestBody> multipartField(Type type) {
    JsonAdapter<Object> adapter = moshi.adapter(type);
    return value -> {
      Buffer json = new Buffer();
      adapter.toJson(json, value);
      JsonReader reader = JsonReader.of(json.clone());
      switch (reader.peek()) {
        case STRING:
          return RequestBody.create(reader.nextString(), TEXT);
        case NUMBER:
        case BOOLEAN:
          return RequestBody.create(json.readUtf8(), TEXT);
        default:
          return RequestBody.create(json.readByteString(), JSON);
      }
    };
  }

  /**
   * Query, path, header and form-field values as their wire text, the same as in JSON: the spec's
   * string formats (date-time, date, uuid) as {@link ScalarAdapters} writes them, and a Java enum
   * constant (of a user-declared interface) as the name of its {@code @Json} annotation, or its
   * Java name if it has none. Other types: Retrofit's {@code toString()}, which for the spec's
   * enums ({@link com.onestepai.osai.OpenEnum}) is their value ({@code SortOrder.DESC} is {@code
   * desc}, {@code AnnotationKind.POLYGON} is {@code 1}). For a {@code List} parameter Retrofit asks
   * for its element type and sends one key per element.
   */
  @Override
  public @Nullable Converter<?, String> stringConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    if (ScalarAdapters.handles(type)) {
      return ScalarAdapters::toWire;
    }
    if (type instanceof Class && ((Class<?>) type).isEnum()) {
      Map<String, String> wire = enumWireNames((Class<?>) type);
      return value -> {
        String name = ((Enum<?>) value).name();
        String text = wire.get(name);
        return text == null ? name : text;
      };
    }
    return null;
  }

  /** Constant name to {@code @Json(name)}, built once per enum class. */
  private Map<String, String> enumWireNames(Class<?> enumType) {
    Map<String, String> cached = enumWireNames.get(enumType);
    if (cached != null) {
      return cached;
    }
    Map<String, String> names = new HashMap<>();
    for (Field field : enumType.getFields()) {
      Json json = field.getAnnotation(Json.class);
      if (field.isEnumConstant() && json != null) {
        names.put(field.getName(), json.name());
      }
    }
    Map<String, String> raced = enumWireNames.putIfAbsent(enumType, names);
    return raced == null ? names : raced;
  }

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    JsonAdapter<Object> adapter = moshi.adapter(type);
    boolean textUnlessJson = type == String.class;
    boolean emptyIsNull = false;
    for (Annotation annotation : annotations) {
      emptyIsNull |= annotation instanceof NullableAnswer;
    }
    boolean nullable = emptyIsNull;
    return body -> {
      try {
        BufferedSource source = body.source();
        source.request(Long.MAX_VALUE); // reads to the end; an IOException here is transport
        Buffer buffer = source.getBuffer();
        if (nullable && buffer.size() == 0) {
          return null; // the spec documents a successful answer without a body
        }
        if (textUnlessJson) {
          MediaType contentType = body.contentType();
          if (!isJson(contentType)) {
            if (buffer.rangeEquals(0, UTF8_BOM)) {
              buffer.skip(UTF8_BOM.size()); // as the JSON path does: a BOM is no text
            }
            return buffer.readString(charset(contentType));
          }
        }
        return parse(adapter, buffer, type, body);
      } finally {
        body.close();
      }
    };
  }

  /** What {@link #parse} says of a body with more after its JSON value. */
  static final String NOT_FULLY_CONSUMED = "JSON document was not fully consumed.";

  private static Object parse(
      JsonAdapter<Object> adapter, Buffer buffer, Type type, ResponseBody body) {
    long from = buffer.rangeEquals(0, UTF8_BOM) ? UTF8_BOM.size() : 0;
    // Read through a copy, chunk by chunk, so that the body stays whole for the message of a
    // failure (its start) without okio's peek(), which would mark the body's segment shared and
    // cost a new 8 KiB segment per call.
    CopyingSource copying = new CopyingSource(buffer, from);
    BufferedSource source = Okio.buffer(copying);
    JsonReader reader = JsonReader.of(source);
    try {
      Object result = adapter.fromJson(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new JsonDataException(NOT_FULLY_CONSUMED);
      }
      return result;
    } catch (JsonDataException | IOException e) {
      // The buffer held the whole body, so any IOException here is malformed JSON.
      // The content type is parsed here, on failure only: it costs a regex match per call.
      long failedAt = copying.position - source.getBuffer().size();
      throw new BodyDecodingException(
          type, body.contentType(), buffer, from, failedAt, reader.getPath(), e);
    }
  }

  /**
   * A source of {@code buffer}'s bytes from {@code position} on that leaves {@code buffer} as it is
   * and shares none of its segments: each chunk is copied (through this, an output stream) into the
   * reader's own segments, which okio recycles.
   */
  private static final class CopyingSource extends OutputStream implements Source {
    private final Buffer buffer;
    long position;
    private @Nullable Buffer target;

    CopyingSource(Buffer buffer, long position) {
      this.buffer = buffer;
      this.position = position;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      long count = Math.min(byteCount, buffer.size() - position);
      if (count <= 0) {
        return -1;
      }
      target = sink;
      buffer.copyTo(this, position, count);
      position += count;
      return count;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      target.write(bytes, offset, length);
    }

    @Override
    public void write(int b) {
      target.writeByte(b);
    }

    @Override
    public Timeout timeout() {
      return Timeout.NONE;
    }

    @Override
    public void close() {}
  }

  static boolean isJson(@Nullable MediaType contentType) {
    return contentType != null
        && ("json".equals(contentType.subtype()) || contentType.subtype().endsWith("+json"));
  }

  private static java.nio.charset.Charset charset(@Nullable MediaType contentType) {
    java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
    return contentType == null ? utf8 : contentType.charset(utf8);
  }
}
