package com.onestepai.osai.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Types;
import java.lang.annotation.Annotation;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import retrofit2.Converter;

/**
 * Issue 20: "no read takes more than linear time", checked without a clock (the standards keep
 * timings in benchmarks): the work of a read is counted as the bytes the reading thread allocates
 * (the JVM counts them exactly: {@code com.sun.management.ThreadMXBean}), for an answer of size n
 * and of size 2n, in the shapes where a read could do more than one pass: many unknown properties,
 * a discriminator after them (the oneOf adapter reads ahead for it), many oneOf elements, nesting
 * (free-form objects, within the reader's depth limit; deeper is refused, see the hostile run), a
 * long string, many map entries. Twice the input may cost at most {@link #BOUND} times the work: a
 * linear read costs about 2, a quadratic one 4.
 *
 * <p>What it does not see: work that allocates nothing (a scan repeated over data already read).
 * The generated adapters and {@code ModelJson} hold no such loop today; the benchmark harness
 * ({@code bench/}) is where a timing belongs.
 */
class ReadCostTest {
  static final double BOUND = 2.8;
  static final MediaType JSON = MediaType.get("application/json");
  static final OsaiConverterFactory CONVERTERS = new OsaiConverterFactory(SchemaPropertyTest.MOSHI);

  @Test
  void unknownPropertiesOfAModel() throws Exception {
    linear(
        "Cat with n unknown properties",
        type("com.onestepai.osai.growth.model.Cat"),
        n -> "{\"petType\":\"cat\",\"name\":\"x\"," + repeat(n, i -> "\"u" + i + "\":" + i) + "}",
        2000);
  }

  @Test
  void aDiscriminatorAfterManyProperties() throws Exception {
    linear(
        "Pet whose petType comes after n unknown properties",
        type("com.onestepai.osai.growth.model.Pet"),
        n ->
            "{"
                + repeat(n, i -> "\"u" + i + "\":[" + i + "]")
                + ",\"petType\":\"cat\",\"name\":\"x\"}",
        2000);
  }

  @Test
  void manyOneOfElements() throws Exception {
    linear(
        "a list of n Pets, half of a kind no mapping names",
        Types.newParameterizedType(List.class, type("com.onestepai.osai.growth.model.Pet")),
        n ->
            "["
                + repeat(
                    n,
                    i ->
                        i % 2 == 0
                            ? "{\"name\":\"x\",\"petType\":\"cat\"}"
                            : "{\"name\":\"x\",\"petType\":\"bird\",\"wings\":2}")
                + "]",
        2000);
  }

  @Test
  void nestedFreeFormObjects() throws Exception {
    linear(
        "free-form objects nested n deep, each with a sibling",
        Types.newParameterizedType(Map.class, String.class, Object.class),
        n -> "{\"a\":".repeat(n) + "1" + ",\"b\":[1,2.5,\"c\"]}".repeat(n),
        100); // 200 deep at most: the reader refuses more than 255
  }

  @Test
  void aLongString() throws Exception {
    linear(
        "Cat whose name has n characters, escapes among them",
        type("com.onestepai.osai.growth.model.Cat"),
        n -> "{\"petType\":\"cat\",\"name\":\"" + "ab\\u00e9\\n𝄞".repeat(n) + "\"}",
        5000);
  }

  @Test
  void aMapOfManyEntries() throws Exception {
    linear(
        "a free-form map of n entries",
        Types.newParameterizedType(Map.class, String.class, Object.class),
        n -> "{" + repeat(n, i -> "\"k" + i + "\":{\"v\":" + i + ".5}") + "}",
        2000);
  }

  /** The measure sees a quadratic read: a converter that copies what it has read per element. */
  @Test
  void aQuadraticReadFails() {
    Converter<ResponseBody, Object> quadratic =
        body -> {
          List<String> read = new java.util.ArrayList<>();
          for (String element : body.string().split(",")) {
            List<String> copy = new java.util.ArrayList<>(read);
            copy.add(element);
            read = copy;
          }
          return read;
        };
    AssertionError error =
        org.junit.jupiter.api.Assertions.assertThrows(
            AssertionError.class,
            () -> linear("a quadratic converter", quadratic, n -> repeat(n, i -> "1"), 500));
    assertTrue(error.getMessage().contains("times the work of n"), error.getMessage());
  }

  static Type type(String name) throws ClassNotFoundException {
    return Class.forName(name);
  }

  static String repeat(int n, IntFunction<String> item) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(item.apply(i));
    }
    return out.toString();
  }

  /** Reads the answers of size n and 2n, and compares the least work each took over 5 reads. */
  static void linear(String what, Type type, IntFunction<String> answer, int n) throws Exception {
    linear(what, CONVERTERS.responseBodyConverter(type, new Annotation[0], null), answer, n);
  }

  static void linear(
      String what, Converter<ResponseBody, ?> converter, IntFunction<String> answer, int n)
      throws Exception {
    byte[] small = answer.apply(n).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] large = answer.apply(2 * n).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    long smallWork = Long.MAX_VALUE;
    long largeWork = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      smallWork = Math.min(smallWork, work(converter, small));
      largeWork = Math.min(largeWork, work(converter, large));
    }
    double ratio = (double) largeWork / smallWork;
    System.out.printf(
        "%s: n=%d %d bytes, 2n %d bytes, ratio %.2f%n", what, n, smallWork, largeWork, ratio);
    assertTrue(
        ratio < BOUND,
        what
            + ": reading 2n cost "
            + ratio
            + " times the work of n (bytes allocated: "
            + smallWork
            + " for n="
            + n
            + ", "
            + largeWork
            + " for 2n); a linear read costs about 2");
  }

  static long work(Converter<ResponseBody, ?> converter, byte[] body) throws Exception {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    ResponseBody response = ResponseBody.create(body, JSON);
    long before = threads.getCurrentThreadAllocatedBytes();
    Object read = converter.convert(response);
    long after = threads.getCurrentThreadAllocatedBytes();
    assertTrue(read != null);
    return after - before;
  }
}
