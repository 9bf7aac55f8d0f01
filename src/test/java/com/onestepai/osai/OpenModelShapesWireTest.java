package com.onestepai.osai;

import static com.onestepai.osai.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.growth.api.AnnotationsApi;
import com.onestepai.osai.growth.model.Annotation;
import com.onestepai.osai.growth.model.AnnotationKind;
import com.onestepai.osai.growth.model.AnnotationPriority;
import com.onestepai.osai.growth.model.AnnotationStatus;
import com.onestepai.osai.growth.model.ModelSize;
import com.onestepai.osai.growth.model.Point;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Open enums, maps, free-form objects, properties the spec does not list, and required, optional
 * and nullable properties (fragment growth/shapes-open.yaml, issue 10 rows 4 to 9) on the wire: the
 * exact values read and the exact bytes sent back.
 */
class OpenModelShapesWireTest extends SignedInWireTest {
  /** The example of getAnnotation, as ASP.NET writes it: no spaces, properties in spec order. */
  static final String FULL =
      "{\"id\":\"a-1\",\"kind\":1,\"status\":\"reviewed\",\"priority\":2,\"size\":5000000000,"
          + "\"state\":\"open\",\"level\":3,"
          + "\"points\":[{\"x\":0.5,\"y\":0.25},{\"x\":1.0,\"y\":0.75}],\"labels\":[\"cat\",\"dog\"],"
          + "\"matrix\":[[1.5,2.0],[3.25]],\"scores\":{\"cat\":0.875,\"dog\":0.125},"
          + "\"tagsByLocale\":{\"en\":[\"cat\"],\"de\":[\"Katze\"]},"
          + "\"pointsByName\":{\"nose\":{\"x\":0.5,\"y\":0.5}},"
          + "\"metadata\":{\"camera\":\"front\",\"exposure\":12,\"flags\":[true,false]},"
          + "\"settings\":{\"threshold\":0.5},\"note\":\"checked twice\",\"reviewer\":null,"
          + "\"confidence\":0.12345678901234567890123}";

  /**
   * What a newer server sends: values no enum lists, and properties the spec does not list (a
   * number above 2^53, a nested object with a null, an explicit null), after the listed ones.
   */
  static final String NEWER =
      "{\"id\":\"a-2\",\"kind\":7,\"status\":\"archived\",\"priority\":9,\"size\":6000000000,"
          + "\"state\":\"frozen\",\"level\":42,\"points\":[],\"labels\":[],\"note\":null,"
          + "\"reviewer\":\"ada\",\"rank\":9007199254740993,"
          + "\"origin\":{\"tool\":\"sam\",\"version\":[2,1],\"parent\":null},\"deletedAt\":null,"
          + "\"ratio\":0.5}";

  AnnotationsApi annotations;

  @BeforeEach
  void api() {
    annotations = client.api(AnnotationsApi.class);
  }

  Annotation read(String body) {
    server.enqueue(json(200, body));
    return annotations.getAnnotation("a-1");
  }

  /** Sends {@code annotation} back with putAnnotation; the body the server received. */
  String sendBack(Annotation annotation) throws InterruptedException {
    server.enqueue(json(200, FULL));
    annotations.putAnnotation("a-1", annotation);
    return takeNext("PUT").getBody().utf8();
  }

  @Test
  void everyListedShapeReadsAsItsJavaType() {
    Annotation a = read(FULL);

    assertEquals("a-1", a.getId());
    assertSame(AnnotationKind.POLYGON, a.getKind()); // 1, named by x-enum-varnames
    assertEquals(1, a.getKind().value());
    assertSame(AnnotationStatus.REVIEWED, a.getStatus());
    assertSame(AnnotationPriority.MEDIUM, a.getPriority()); // 2, named by NSwag's x-enumNames
    assertSame(ModelSize.NUMBER_5000000000, a.getSize()); // int64, generated name
    assertEquals(5000000000L, a.getSize().value());
    assertSame(Annotation.StateEnum.OPEN, a.getState());
    assertSame(Annotation.LevelEnum.NUMBER_3, a.getLevel());
    assertEquals(Arrays.asList(point(0.5, 0.25), point(1.0, 0.75)), a.getPoints());
    assertEquals(Arrays.asList("cat", "dog"), a.getLabels());
    assertEquals(Arrays.asList(Arrays.asList(1.5, 2.0), Arrays.asList(3.25)), a.getMatrix());
    assertEquals(map("cat", 0.875, "dog", 0.125), a.getScores());
    assertEquals(
        map("en", Arrays.asList("cat"), "de", Arrays.asList("Katze")), a.getTagsByLocale());
    assertEquals(map("nose", point(0.5, 0.5)), a.getPointsByName());
    // Free-form objects: JSON values, with a whole number as a Long, any other as a BigDecimal.
    assertEquals(
        map("camera", "front", "exposure", 12L, "flags", Arrays.asList(true, false)),
        a.getMetadata());
    assertEquals(map("threshold", new BigDecimal("0.5")), a.getSettings());
    assertEquals("checked twice", a.getNote());
    assertNull(a.getReviewer());
    assertTrue(a.isExplicitNull("reviewer"));
    assertEquals(new BigDecimal("0.12345678901234567890123"), a.getConfidence());
    assertEquals(Collections.emptyMap(), a.getAdditionalProperties());
  }

  @Test
  void aModelReadAndSentBackUnchangedIsTheSameBytes() throws Exception {
    assertEquals(FULL, sendBack(read(FULL)));
  }

  @Test
  void valuesAndPropertiesANewerServerAddsReadWithoutErrorAndGoBackUnchanged() throws Exception {
    Annotation a = read(NEWER);

    assertFalse(a.getKind().isKnown());
    assertEquals(7, a.getKind().value());
    assertEquals(AnnotationKind.of(7), a.getKind());
    assertFalse(a.getStatus().isKnown());
    assertEquals("archived", a.getStatus().value());
    assertEquals("archived", a.getStatus().toString());
    assertEquals(9, a.getPriority().value());
    assertEquals(6000000000L, a.getSize().value());
    assertEquals("frozen", a.getState().value());
    assertEquals(42, a.getLevel().value());
    assertTrue(AnnotationStatus.REVIEWED.isKnown());

    Map<String, Object> origin = new LinkedHashMap<>();
    origin.put("tool", "sam");
    origin.put("version", Arrays.asList(2L, 1L));
    origin.put("parent", null);
    Map<String, Object> added = new LinkedHashMap<>();
    added.put("rank", 9007199254740993L); // 2^53 + 1, exact
    added.put("origin", origin);
    added.put("deletedAt", null);
    added.put("ratio", new BigDecimal("0.5")); // exact, as it came
    assertEquals(added, a.getAdditionalProperties());
    assertEquals(
        Arrays.asList("rank", "origin", "deletedAt", "ratio"),
        Arrays.asList(a.getAdditionalProperties().keySet().toArray()));
    assertThrows(
        UnsupportedOperationException.class, () -> a.getAdditionalProperties().put("x", 1));
    assertTrue(
        a.toString()
            .endsWith(
                ", reviewer=ada, confidence=null, additionalProperties={rank=9007199254740993,"
                    + " origin={tool=sam, version=[2, 1], parent=null}, deletedAt=null,"
                    + " ratio=0.5}}"),
        a.toString());
    assertTrue(a.isExplicitNull("deletedAt"));
    assertTrue(a.isExplicitNull("note"));
    assertFalse(a.isExplicitNull("matrix"));

    // Read, toBuilder(), build(), send: the same bytes, unknown values, unknown properties,
    // explicit nulls and the exact 2^53 + 1 included.
    assertEquals(NEWER, sendBack(a.toBuilder().build()));
  }

  @Test
  void anExplicitNullAndAnAbsentPropertyStayApart() throws Exception {
    Annotation absent =
        read("{\"id\":\"a\",\"kind\":0,\"points\":[],\"labels\":[],\"reviewer\":null}");
    Annotation nulled =
        read(
            "{\"id\":\"a\",\"kind\":0,\"points\":[],\"labels\":[],\"note\":null,\"reviewer\":null}");

    assertNull(absent.getNote());
    assertNull(nulled.getNote());
    assertFalse(absent.isExplicitNull("note"));
    assertTrue(nulled.isExplicitNull("note"));
    assertFalse(absent.equals(nulled));
    assertEquals(
        "{\"id\":\"a\",\"kind\":0,\"points\":[],\"labels\":[],\"reviewer\":null}",
        sendBack(absent));
    assertEquals(
        "{\"id\":\"a\",\"kind\":0,\"points\":[],\"labels\":[],\"note\":null,\"reviewer\":null}",
        sendBack(nulled));
    // Setting a value clears the explicit null; setting null on a nullable property sends null.
    assertEquals(
        "{\"id\":\"a\",\"kind\":0,\"points\":[],\"labels\":[],\"note\":\"n\",\"reviewer\":null}",
        sendBack(nulled.toBuilder().note("n").build()));
    assertEquals(
        "{\"id\":\"a\",\"kind\":0,\"points\":[],\"labels\":[],\"note\":null,\"reviewer\":null}",
        sendBack(absent.toBuilder().note(null).build()));
  }

  @Test
  void aBuilderSetsEveryShapeAndAdditionalProperties() throws Exception {
    Annotation built =
        Annotation.builder()
            .id("a-3")
            .kind(AnnotationKind.KEYPOINTS)
            .status(AnnotationStatus.of("archived"))
            .level(Annotation.LevelEnum.of(9))
            .points(Arrays.asList(point(1, 2)))
            .labels(Collections.singletonList("cat"))
            .scores(map("cat", 1.0))
            .reviewer("ada")
            .additionalProperty("rank", 9007199254740993L)
            .additionalProperty("origin", map("tool", "sam"))
            .additionalProperty("deletedAt", null)
            .build();

    assertEquals(
        "{\"id\":\"a-3\",\"kind\":2,\"status\":\"archived\",\"level\":9,"
            + "\"points\":[{\"x\":1.0,\"y\":2.0}],\"labels\":[\"cat\"],\"scores\":{\"cat\":1.0},"
            + "\"reviewer\":\"ada\",\"rank\":9007199254740993,\"origin\":{\"tool\":\"sam\"},"
            + "\"deletedAt\":null}",
        sendBack(built));
    IllegalArgumentException listed =
        assertThrows(
            IllegalArgumentException.class,
            () -> Annotation.builder().additionalProperty("note", "x"));
    assertTrue(listed.getMessage().contains("note"), listed.getMessage());
    assertEquals(
        Collections.singletonMap("deletedAt", null),
        built.toBuilder()
            .removeAdditionalProperty("rank")
            .removeAdditionalProperty("origin")
            .build()
            .getAdditionalProperties());
  }

  @Test
  void buildRefusesAModelWithoutARequiredPropertyNamingIt() {
    Annotation.Builder builder =
        Annotation.builder()
            .id("a")
            .kind(AnnotationKind.POLYGON)
            .points(Collections.emptyList())
            .labels(Collections.emptyList());
    IllegalStateException noReviewer = assertThrows(IllegalStateException.class, builder::build);
    assertTrue(noReviewer.getMessage().contains("reviewer"), noReviewer.getMessage());
    // Required but nullable: an explicit null is a value.
    assertTrue(builder.reviewer(null).build().isExplicitNull("reviewer"));

    IllegalStateException noPoints =
        assertThrows(
            IllegalStateException.class,
            () -> Annotation.builder().id("a").kind(AnnotationKind.POLYGON).reviewer("r").build());
    assertTrue(noPoints.getMessage().contains("points"), noPoints.getMessage());
    NullPointerException nullId =
        assertThrows(NullPointerException.class, () -> Annotation.builder().id(null));
    assertTrue(nullId.getMessage().contains("id"), nullId.getMessage());
    assertThrows(IllegalStateException.class, () -> Point.builder().x(1.0).build());
  }

  @Test
  void anAnswerWithoutARequiredPropertyIsInvalidDataNamingIt() {
    OsaiInvalidDataException missing =
        assertThrows(
            OsaiInvalidDataException.class,
            () -> read("{\"id\":\"a\",\"kind\":0,\"labels\":[],\"reviewer\":null}"));
    assertTrue(missing.getMessage().contains("'points'"), missing.getMessage());

    OsaiInvalidDataException nulled =
        assertThrows(
            OsaiInvalidDataException.class,
            () -> read("{\"id\":null,\"kind\":0,\"points\":[],\"labels\":[],\"reviewer\":null}"));
    assertTrue(nulled.getMessage().contains("'id'"), nulled.getMessage());

    OsaiInvalidDataException noReviewer =
        assertThrows(
            OsaiInvalidDataException.class,
            () -> read("{\"id\":\"a\",\"kind\":0,\"points\":[],\"labels\":[]}"));
    assertTrue(noReviewer.getMessage().contains("'reviewer'"), noReviewer.getMessage());
  }

  @Test
  void enumParametersSendTheirWireValuesAndATopLevelArrayIsAList() throws Exception {
    server.enqueue(
        json(
            200,
            "["
                + NEWER
                + ",{\"id\":\"b\",\"kind\":0,\"points\":[],\"labels\":[],\"reviewer\":\"r\"}]"));
    List<Annotation> list =
        annotations.listAnnotations(AnnotationStatus.of("archived"), AnnotationKind.KEYPOINTS);

    assertEquals(2, list.size());
    assertEquals("a-2", list.get(0).getId());
    assertSame(AnnotationKind.BOUNDING_BOX, list.get(1).getKind());
    assertEquals("/api/Annotations?status=archived&kind=2", takeCall().getTarget());

    server.enqueue(json(200, "[]"));
    assertEquals(Collections.emptyList(), annotations.listAnnotations(null, null));
    assertEquals("/api/Annotations", server.takeRequest().getTarget());
  }

  @Test
  void openEnumsCompareByValueAndListTheirKnownValues() {
    assertSame(AnnotationKind.POLYGON, AnnotationKind.of(1));
    assertEquals(AnnotationStatus.of("new"), AnnotationStatus.of("new"));
    assertFalse(AnnotationStatus.of("new").equals(AnnotationStatus.of("newer")));
    assertEquals(
        Arrays.asList(
            AnnotationKind.BOUNDING_BOX, AnnotationKind.POLYGON, AnnotationKind.KEYPOINTS),
        AnnotationKind.knownValues());
    assertEquals("2", AnnotationKind.KEYPOINTS.toString());
    assertEquals("polygon", describe(AnnotationKind.of(1)));
    assertEquals("other: 7", describe(AnnotationKind.of(7)));
    assertEquals(Annotation.StateEnum.Known._UNKNOWN, Annotation.StateEnum.of("frozen").known());
    assertEquals(AnnotationStatus.Known.DRAFT, AnnotationStatus.DRAFT.known());
    assertThrows(NullPointerException.class, () -> AnnotationStatus.of(null));
  }

  /** How a caller switches over an open enum, unknown values included. */
  static String describe(AnnotationKind kind) {
    switch (kind.known()) {
      case BOUNDING_BOX:
        return "box";
      case POLYGON:
        return "polygon";
      case KEYPOINTS:
        return "keypoints";
      default:
        return "other: " + kind.value();
    }
  }

  static Point point(double x, double y) {
    return Point.builder().x(x).y(y).build();
  }

  static <V> Map<String, V> map(Object... keysAndValues) {
    Map<String, V> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      @SuppressWarnings("unchecked")
      V value = (V) keysAndValues[i + 1];
      map.put((String) keysAndValues[i], value);
    }
    return map;
  }
}
