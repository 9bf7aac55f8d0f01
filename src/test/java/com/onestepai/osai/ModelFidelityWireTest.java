package com.onestepai.osai;

import static com.onestepai.osai.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.growth.api.AnnotationsApi;
import com.onestepai.osai.growth.api.PetsApi;
import com.onestepai.osai.growth.model.Annotation;
import com.onestepai.osai.growth.model.AnnotationKind;
import com.onestepai.osai.growth.model.AnnotationStatus;
import com.onestepai.osai.growth.model.Pet;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The round-trip rules of the models (issue 17): what a server sends is read, rebuilt with {@code
 * toBuilder().build()} and sent back as the same JSON, nulls inside maps, exact numbers and an open
 * enum's JSON type included; and what the schema forbids (a null list element, a duplicate name) is
 * refused as {@link OsaiInvalidDataException} naming its JSON path, never a raw exception.
 */
class ModelFidelityWireTest extends SignedInWireTest {
  /** The required properties of an annotation, before whatever a test adds. */
  static final String HEAD = "{\"id\":\"a\",\"kind\":0,\"points\":[],\"labels\":[]";

  AnnotationsApi annotations;
  PetsApi pets;

  @BeforeEach
  void apis() {
    annotations = client.api(AnnotationsApi.class);
    pets = client.api(PetsApi.class);
  }

  Annotation read(String body) {
    server.enqueue(json(200, body));
    return annotations.getAnnotation("a-1");
  }

  /** An answer with {@code code}. */
  Annotation read(int code, String body) {
    server.enqueue(json(code, body));
    return annotations.getAnnotation("a-1");
  }

  String sendBack(Annotation annotation) throws InterruptedException {
    server.enqueue(json(200, OpenModelShapesWireTest.FULL));
    annotations.putAnnotation("a-1", annotation);
    return takeNext("PUT").getBody().utf8();
  }

  Pet readPet(String body) {
    server.enqueue(json(200, body));
    return pets.getPet("p-1");
  }

  String sendBack(Pet pet) throws InterruptedException {
    server.enqueue(json(200, "[]"));
    pets.putPet("p-1", pet);
    return takeNext("PUT").getBody().utf8();
  }

  OsaiInvalidDataException invalid(String body) {
    return assertThrows(OsaiInvalidDataException.class, () -> read(body));
  }

  // Item 2: nulls inside maps and free-form objects.

  @Test
  void nullsInsideFreeFormObjectsAndNullableMapsGoBack() throws Exception {
    String body =
        HEAD
            + ",\"metadata\":{\"camera\":null,\"exposure\":12,\"lens\":{\"model\":null}},"
            + "\"settings\":{\"threshold\":null},\"weights\":{\"cat\":null,\"dog\":0.5},"
            + "\"reviewer\":null,"
            + "\"origin\":{\"parent\":null,\"tags\":[null]}}";
    Annotation a = read(body);

    assertTrue(a.getMetadata().containsKey("camera"));
    assertNull(a.getMetadata().get("camera"));
    assertNull(a.getWeights().get("cat"));
    assertEquals(body, sendBack(a.toBuilder().build()));
  }

  @Test
  void aBuilderSetNullInsideAMapIsSent() throws Exception {
    Map<String, @Nullable Object> metadata = new LinkedHashMap<>();
    metadata.put("camera", null);
    Map<String, @Nullable Double> weights = new LinkedHashMap<>();
    weights.put("cat", null);
    Annotation a =
        read(HEAD + ",\"reviewer\":null}").toBuilder().metadata(metadata).weights(weights).build();

    assertEquals(
        HEAD + ",\"metadata\":{\"camera\":null},\"weights\":{\"cat\":null},\"reviewer\":null}",
        sendBack(a));
    // What a caller builds goes out as built, even a null the schema does not allow.
    assertEquals(
        "{\"id\":\"a\",\"kind\":0,\"points\":[],\"labels\":[\"cat\",null],\"reviewer\":null}",
        sendBack(
            read(HEAD + ",\"reviewer\":null}").toBuilder()
                .labels(Arrays.asList("cat", null))
                .build()));
  }

  // Item 3: numbers in properties the spec does not list and in free-form objects.

  @Test
  void numbersBeyondLongAndDoubleKeepTheirValue() throws Exception {
    Annotation a =
        read(
            HEAD
                + ",\"metadata\":{\"huge\":1e400,\"ulong\":18446744073709551615,\"ratio\":0.1,"
                + "\"long\":-9223372036854775808,\"fraction\":2.50},\"reviewer\":null,"
                + "\"big\":1E+400,\"tiny\":-1e-400,\"ulong\":18446744073709551615}");

    assertEquals(new BigDecimal("1e400"), a.getMetadata().get("huge"));
    assertEquals(new BigDecimal("18446744073709551615"), a.getMetadata().get("ulong"));
    assertEquals(new BigDecimal("0.1"), a.getMetadata().get("ratio"));
    assertEquals(Long.MIN_VALUE, a.getMetadata().get("long"));
    assertEquals(new BigDecimal("2.50"), a.getMetadata().get("fraction"));
    assertEquals(new BigDecimal("-1e-400"), a.getAdditionalProperties().get("tiny"));
    // Every value and every digit back; an exponent as BigDecimal writes it (1e400 is 1E+400).
    assertEquals(
        HEAD
            + ",\"metadata\":{\"huge\":1E+400,\"ulong\":18446744073709551615,\"ratio\":0.1,"
            + "\"long\":-9223372036854775808,\"fraction\":2.50},\"reviewer\":null,"
            + "\"big\":1E+400,\"tiny\":-1E-400,\"ulong\":18446744073709551615}",
        sendBack(a.toBuilder().build()));
  }

  // Item 4: a discriminator that is not a string.

  @Test
  void aDiscriminatorThatIsNullOrANumberIsUnknownAndGoesBackUnchanged() throws Exception {
    for (String body :
        new String[] {
          "{\"petType\":null,\"name\":\"Tom\"}",
          "{\"name\":\"Rex\",\"petType\":7}",
          "{\"petType\":{\"kind\":\"cat\"},\"name\":\"Tom\"}",
          "{\"petType\":[\"cat\"]}"
        }) {
      Pet.Unknown unknown = assertInstanceOf(Pet.Unknown.class, readPet(body), body);
      assertEquals(body, sendBack(unknown));
    }
  }

  @Test
  void aOneOfThatIsNoObjectIsInvalidDataNamingWhatCame() {
    OsaiInvalidDataException e =
        assertThrows(OsaiInvalidDataException.class, () -> readPet("[{\"petType\":\"cat\"}]"));
    assertTrue(
        e.getMessage().contains("Expected a Pet object but was BEGIN_ARRAY at $"), e.getMessage());
  }

  // Item 9: a null element where the schema allows none.

  @Test
  void aNullElementOfAListIsInvalidDataNamingItsPath() {
    OsaiInvalidDataException points =
        invalid(
            "{\"id\":\"a\",\"kind\":0,\"points\":[{\"x\":1,\"y\":2},null],\"labels\":[],"
                + "\"reviewer\":null}");
    assertTrue(points.getMessage().contains("$.points[1]"), points.getMessage());
  }

  @Test
  void aNullElementOfANestedListOrATypedMapIsInvalidDataNamingItsPath() {
    OsaiInvalidDataException matrix =
        invalid(HEAD + ",\"matrix\":[[1.5],[2.5,null]],\"reviewer\":null}");
    assertTrue(matrix.getMessage().contains("$.matrix[1][1]"), matrix.getMessage());

    OsaiInvalidDataException scores =
        invalid(HEAD + ",\"scores\":{\"cat\":null},\"reviewer\":null}");
    assertTrue(scores.getMessage().contains("$.scores.cat"), scores.getMessage());

    OsaiInvalidDataException labels =
        invalid("{\"id\":\"a\",\"kind\":0,\"points\":[],\"labels\":[null],\"reviewer\":null}");
    assertTrue(labels.getMessage().contains("$.labels[0]"), labels.getMessage());
  }

  @Test
  void aListWhoseItemsMayBeNullKeepsItsNulls() throws Exception {
    String body =
        HEAD + ",\"aliases\":[null,\"tom\",null],\"keywords\":[\"b\",\"a\"],\"reviewer\":null}";
    Annotation a = read(body);

    assertEquals(Arrays.asList(null, "tom", null), a.getAliases());
    assertEquals(Arrays.asList("b", "a"), new java.util.ArrayList<>(a.getKeywords()));
    assertEquals(body, sendBack(a.toBuilder().build()));
    OsaiInvalidDataException keyword =
        invalid(HEAD + ",\"keywords\":[\"b\",null],\"reviewer\":null}");
    assertTrue(keyword.getMessage().contains("$.keywords[1]"), keyword.getMessage());
  }

  // Item 10: an open enum keeps its JSON type.

  @Test
  void anOpenEnumValueOfTheOtherJsonTypeGoesBackAsItCame() throws Exception {
    String body =
        "{\"id\":\"a\",\"kind\":\"9\",\"status\":7,\"state\":12.5,\"level\":\"4\","
            + "\"points\":[],\"labels\":[],\"reviewer\":null}";
    Annotation a = read(body);

    assertEquals("7", a.getStatus().value());
    assertFalse(a.getStatus().isKnown());
    assertEquals(9, a.getKind().value());
    assertEquals(4, a.getLevel().value());
    assertEquals(body, sendBack(a.toBuilder().build()));
    // A listed value sent as the other type is its constant, and goes back as the spec says.
    assertSame(
        AnnotationKind.POLYGON, read(HEAD.replace("0", "\"1\"") + ",\"reviewer\":null}").getKind());
    assertSame(AnnotationStatus.DRAFT, AnnotationStatus.of("draft"));
  }

  // Item 17: free-form maps hold JSON nulls, and say so.

  @Test
  void freeFormMapsAndNullableItemsAreTypedNullable() throws Exception {
    for (String getter : new String[] {"getMetadata", "getSettings", "getWeights"}) {
      AnnotatedType type = Annotation.class.getMethod(getter).getAnnotatedReturnType();
      AnnotatedType value =
          ((AnnotatedParameterizedType) type).getAnnotatedActualTypeArguments()[1];
      assertTrue(value.isAnnotationPresent(Nullable.class), getter);
    }
    AnnotatedType aliases = Annotation.class.getMethod("getAliases").getAnnotatedReturnType();
    assertTrue(
        ((AnnotatedParameterizedType) aliases)
            .getAnnotatedActualTypeArguments()[0].isAnnotationPresent(Nullable.class));
    // Items the schema does not let be null are not marked.
    AnnotatedType labels = Annotation.class.getMethod("getLabels").getAnnotatedReturnType();
    assertFalse(
        ((AnnotatedParameterizedType) labels)
            .getAnnotatedActualTypeArguments()[0].isAnnotationPresent(Nullable.class));
  }

  // Duplicate names: refused wherever they stand, a repeated discriminator included.

  @Test
  void aNameTwiceInOneObjectIsInvalidDataNamingIt() {
    String[][] cases = {
      {
        "{\"id\":\"a\",\"id\":\"b\",\"kind\":0,\"points\":[],\"labels\":[],\"reviewer\":null}", "id"
      },
      {HEAD + ",\"note\":null,\"note\":\"x\",\"reviewer\":null}", "note"},
      {HEAD + ",\"reviewer\":null,\"rank\":1,\"rank\":2}", "rank"},
      {HEAD + ",\"metadata\":{\"a\":null,\"a\":1},\"reviewer\":null}", "a"},
      {HEAD + ",\"scores\":{\"cat\":1,\"cat\":2},\"reviewer\":null}", "cat"},
      {HEAD + ",\"reviewer\":null,\"origin\":{\"tool\":\"x\",\"tool\":\"y\"}}", "tool"},
    };
    for (String[] c : cases) {
      OsaiInvalidDataException e = invalid(c[0]);
      assertTrue(e.getMessage().contains("'" + c[1] + "'"), e.getMessage());
      assertTrue(e.getMessage().contains("more than once"), e.getMessage());
    }
  }

  @Test
  void aRepeatedDiscriminatorIsInvalidData() {
    for (String body :
        new String[] {
          "{\"petType\":\"cat\",\"name\":\"Tom\",\"petType\":\"dog\"}",
          "{\"petType\":\"cat\",\"name\":\"Tom\",\"petType\":\"cat\"}",
          "{\"petType\":\"parrot\",\"name\":\"Polly\",\"petType\":\"cat\"}",
          "{\"petType\":null,\"petType\":\"cat\"}"
        }) {
      OsaiInvalidDataException e =
          assertThrows(OsaiInvalidDataException.class, () -> readPet(body), body);
      assertTrue(e.getMessage().contains("'petType'"), e.getMessage());
    }
  }

  @Test
  void anErrorBodyWithANameTwiceIsNoProblemAndKeepsItsBody() {
    String body = "{\"title\":\"Bad\",\"status\":400,\"title\":\"Worse\"}";
    OsaiServiceException e = assertThrows(OsaiServiceException.class, () -> read(400, body));

    assertEquals(400, e.statusCode());
    assertNull(e.problem());
    assertEquals(body, e.body());
    // The same body without the second title is a problem: the name twice is what refuses it.
    OsaiServiceException once =
        assertThrows(
            OsaiServiceException.class, () -> read(400, "{\"title\":\"Bad\",\"status\":400}"));
    assertEquals("Bad", once.problem().title());
  }

  // Lone surrogates: JSON may escape one; it goes back escaped, not as '?'.

  @Test
  void aLoneSurrogateInAStringGoesBackEscaped() throws Exception {
    String body =
        HEAD
            + ",\"note\":\"a\\ud800b\\udc00\",\"reviewer\":\"\\udbff\","
            + "\"origin\":{\"name\":\"x\\ud83d\"},\"emoji\":\"\uD83D\uDE00\"}";
    Annotation a = read(body);

    assertEquals("a\ud800b\udc00", a.getNote());
    assertEquals(body, sendBack(a.toBuilder().build()));
  }
}
