package com.onestepai.osai;

import static com.onestepai.osai.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.growth.api.AnnotationsApi;
import com.onestepai.osai.growth.api.AspNetApi;
import com.onestepai.osai.growth.model.Annotation;
import com.onestepai.osai.growth.model.AspNetOrder;
import com.onestepai.osai.growth.model.AspNetOrderRequest;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 item 6: {@link OsaiJson} writes a model read from the wire as the server sent it
 * (unknown properties, explicit nulls, exact numbers), and reads it back equal.
 */
class OsaiJsonWireTest extends SignedInWireTest {
  static final String ORDER =
      "{\"id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\",\"quantity\":3,\"priority\":2,"
          + "\"total\":12.50,\"createdAt\":\"2024-05-01T08:30:00.1234567Z\",\"address\":null}";

  @Test
  void aModelWithABigDecimalGoesOutAndBackAsItCame() {
    server.enqueue(json(200, ORDER));
    AspNetOrder order =
        client.api(AspNetApi.class).createOrder(AspNetOrderRequest.builder().build());

    String stored = OsaiJson.toJson(order);

    assertEquals(new BigDecimal("12.50"), order.getTotal());
    assertEquals(ORDER, stored);
    AspNetOrder again = OsaiJson.fromJson(stored, AspNetOrder.class);
    assertEquals(order, again);
    assertEquals(new BigDecimal("12.50"), again.getTotal());
    assertTrue(again.isExplicitNull("address"));
  }

  @Test
  void plainMoshiRefusesTheSameModel() {
    // Why OsaiJson exists: the example program used this before; it refuses the platform types
    // of a model (BigDecimal, UUID, OffsetDateTime) for want of adapters.
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Moshi.Builder().build().adapter(AspNetOrder.class).fromJson(ORDER));
    assertTrue(
        String.valueOf(e.getMessage()).contains("requires explicit JsonAdapter"), e.getMessage());
  }

  @Test
  void unknownPropertiesExplicitNullsAndExactNumbersAreKept() {
    server.enqueue(json(200, OpenModelShapesWireTest.NEWER));
    Annotation annotation = client.api(AnnotationsApi.class).getAnnotation("a-2");

    String stored = OsaiJson.toJson(annotation);

    assertEquals(OpenModelShapesWireTest.NEWER, stored);
    assertEquals(annotation, OsaiJson.fromJson(stored, Annotation.class));
  }

  @Test
  void aListOfModelsAndIndentedOutputUseTheSameAdapters() throws Exception {
    server.enqueue(json(200, ORDER));
    AspNetOrder order =
        client.api(AspNetApi.class).createOrder(AspNetOrderRequest.builder().build());
    List<AspNetOrder> orders = Arrays.asList(order, order);

    String stored =
        OsaiJson.<List<AspNetOrder>>adapter(
                Types.newParameterizedType(List.class, AspNetOrder.class))
            .toJson(orders);

    assertEquals("[" + ORDER + "," + ORDER + "]", stored);
    assertTrue(
        OsaiJson.adapter(AspNetOrder.class)
            .indent("    ")
            .toJson(order)
            .contains("\n    \"total\": 12.50,\n"));
  }

  @Test
  void invalidJsonIsATypedErrorNamingTheTypeAndThePath() {
    OsaiInvalidDataException e =
        assertThrows(
            OsaiInvalidDataException.class,
            () -> OsaiJson.fromJson("{\"quantity\":\"three\"}", AspNetOrder.class));
    assertTrue(e.getMessage().contains("AspNetOrder"), e.getMessage());
    assertTrue(e.getMessage().contains("$.quantity"), e.getMessage());

    OsaiInvalidDataException nul =
        assertThrows(
            OsaiInvalidDataException.class, () -> OsaiJson.fromJson("null", AspNetOrder.class));
    assertTrue(nul.getMessage().contains("AspNetOrder"), nul.getMessage());
  }
}
