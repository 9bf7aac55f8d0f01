package com.onestepai.osai;

import static com.onestepai.osai.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.growth.api.ShapesApi;
import com.onestepai.osai.growth.model.ShapeBase;
import com.onestepai.osai.growth.model.ShapeDetail;
import com.onestepai.osai.growth.model.ShapeDetail.ColorsEnum;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI shapes of fragment growth/shapes-models.yaml on the wire: an allOf child model is one
 * flat class with its parent's properties, awkward property and parameter names map to their exact
 * JSON names, deprecated properties and operations carry {@code @Deprecated}, and an array of an
 * inline enum reads.
 */
class ModelShapesWireTest extends SignedInWireTest {
  static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2ln";
  static final String SHAPE_JSON =
      "{\"id\":\"shape-1\",\"createdBy\":\"ada\",\"label\":\"Triangle\",\"legacyCode\":\"T3\","
          + "\"colors\":[\"red\",\"blue\"],\"class\":\"polygon\",\"default\":true,"
          + "\"public\":false,\"new\":3,\"content-type\":\"image/png\","
          + "\"file.name\":\"triangle.png\",\"3d\":true,\"builder\":\"b\",\"build\":\"1.2\"}";

  ShapesApi shapes;

  @BeforeEach
  void api() {
    shapes = client.api(ShapesApi.class);
  }

  static Map<String, Object> parse(String json) throws Exception {
    Map<String, Object> map =
        new Moshi.Builder()
            .build()
            .<Map<String, Object>>adapter(
                Types.newParameterizedType(Map.class, String.class, Object.class))
            .fromJson(json);
    return new LinkedHashMap<>(map);
  }

  @SuppressWarnings("deprecation")
  static void assertFullShape(ShapeDetail shape) {
    assertEquals("shape-1", shape.getId());
    assertEquals("ada", shape.getCreatedBy());
    assertEquals("Triangle", shape.getLabel());
    assertEquals("T3", shape.getLegacyCode());
    assertEquals(Arrays.asList(ColorsEnum.RED, ColorsEnum.BLUE), shape.getColors());
    assertEquals("polygon", shape.getPropertyClass());
    assertEquals(Boolean.TRUE, shape.getDefault());
    assertEquals(Boolean.FALSE, shape.getPublic());
    assertEquals(Integer.valueOf(3), shape.getNew());
    assertEquals("image/png", shape.getContentType());
    assertEquals("triangle.png", shape.getFileName());
    assertEquals(Boolean.TRUE, shape.get3d());
    assertEquals("b", shape.getBuilder());
    assertEquals("1.2", shape.getBuild());
  }

  @Test
  @SuppressWarnings("deprecation")
  void childModelReadsParentAndChildPropertiesAndAwkwardNames() throws Exception {
    server.enqueue(json(200, SHAPE_JSON));

    ShapeDetail shape = shapes.getShape("shape-1", "polygon", "req-42");

    assertFullShape(shape);
    RecordedRequest call = takeCall();
    assertEquals("/api/Shapes/shape-1?class=polygon", call.getTarget());
    assertEquals("req-42", call.getHeaders().get("X-Request-Id"));
  }

  @Test
  @SuppressWarnings("deprecation")
  void childModelWritesParentAndChildPropertiesWithExactJsonNames() throws Exception {
    server.enqueue(json(200, SHAPE_JSON));
    ShapeDetail body =
        ShapeDetail.builder()
            .id("shape-1")
            .createdBy("ada")
            .label("Triangle")
            .legacyCode("T3")
            .colors(Arrays.asList(ColorsEnum.RED, ColorsEnum.BLUE))
            .propertyClass("polygon")
            ._default(true)
            ._public(false)
            ._new(3)
            .contentType("image/png")
            .fileName("triangle.png")
            ._3d(true)
            .builder("b")
            .build("1.2")
            .build();
    assertFullShape(body);

    ShapeDetail stored = shapes.putShape("shape-1", body);

    assertEquals(body, stored);
    assertEquals(body.hashCode(), stored.hashCode());
    RecordedRequest put = takeCall();
    assertEquals("PUT", put.getMethod());
    assertEquals("/api/Shapes/shape-1", put.getTarget());
    assertEquals(parse(SHAPE_JSON), parse(put.getBody().utf8()));
  }

  @Test
  void absentPropertiesAndEnumArrayRead() throws Exception {
    server.enqueue(json(200, "{\"id\":\"shape-2\",\"colors\":[\"green\"],\"unknown\":1}"));

    ShapeDetail shape = shapes.getShape("shape-2");

    assertEquals("shape-2", shape.getId());
    assertEquals(Arrays.asList(ColorsEnum.GREEN), shape.getColors());
    assertNull(shape.getCreatedBy());
    assertNull(shape.getPropertyClass());
    assertEquals("/api/Shapes/shape-2", takeCall().getTarget());
  }

  @Test
  void childModelIsFlatWithoutExtends() {
    assertEquals(Object.class, ShapeDetail.class.getSuperclass());
    assertTrue(Modifier.isFinal(ShapeDetail.class.getModifiers()));
    assertEquals(Object.class, ShapeBase.class.getSuperclass());
  }

  @Test
  void deprecatedPropertyAndOperationCarryDeprecated() throws Exception {
    assertTrue(ShapeDetail.class.getMethod("getLegacyCode").isAnnotationPresent(Deprecated.class));
    assertFalse(ShapeDetail.class.getMethod("getLabel").isAnnotationPresent(Deprecated.class));
    int getShapeForms = 0;
    for (Method method : ShapesApi.class.getMethods()) {
      boolean deprecated = method.isAnnotationPresent(Deprecated.class);
      if (method.getName().startsWith("getShape")) {
        assertTrue(deprecated, method.toString());
        getShapeForms++;
      } else if (method.getName().startsWith("putShape")) {
        assertFalse(deprecated, method.toString());
      }
    }
    assertEquals(
        8,
        getShapeForms,
        "getShape, getShapeAsync, getShapeWithResponse(Async) and their short forms");
  }
}
