package com.onestepai.osai;

import static com.onestepai.osai.Fixtures.json;
import static com.onestepai.osai.UploadShapesWireTest.boundary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.growth.api.AspNetApi;
import com.onestepai.osai.growth.api.GeneralApi;
import com.onestepai.osai.growth.model.AspNetAddress;
import com.onestepai.osai.growth.model.AspNetOrder;
import com.onestepai.osai.growth.model.AspNetOrderRequest;
import com.onestepai.osai.growth.model.AspNetUploadResult;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shapes of src/test/resources/growth/shapes-aspnet.yaml (what Swashbuckle writes for an
 * ASP.NET Core controller, without operationIds, examples or required bodies) on the wire, through
 * the methods named from their paths.
 */
class AspNetShapesWireTest extends SignedInWireTest {
  AspNetApi aspNet;

  @BeforeEach
  void api() {
    aspNet = client.api(AspNetApi.class);
  }

  static String part(String boundary, String name, String filename, String type, String content) {
    return "--"
        + boundary
        + "\r\nContent-Disposition: form-data; name=\""
        + name
        + "\"; filename=\""
        + filename
        + "\"\r\nContent-Type: "
        + type
        + "\r\n\r\n"
        + content
        + "\r\n";
  }

  @Test
  void aFileArrayIsRepeatedPartsAndAnAbsentOptionalFileIsNoPart() throws Exception {
    server.enqueue(json(200, "{\"count\":2,\"names\":[\"a.png\",\"b.gif\"]}"));

    AspNetUploadResult result =
        aspNet.uploadImages(
            "d-1",
            Arrays.asList(
                UploadFile.of("A".getBytes(StandardCharsets.US_ASCII), "a.png", "image/png"),
                UploadFile.of("B".getBytes(StandardCharsets.US_ASCII), "b.gif", "image/gif")),
            null);

    assertEquals(2, result.getCount());
    assertEquals(List.of("a.png", "b.gif"), result.getNames());
    RecordedRequest request = takeCall();
    assertEquals("/api/api/v1/AspNet/d-1/UploadImages", request.getTarget());
    String boundary = boundary(request);
    assertEquals(
        part(boundary, "Images", "a.png", "image/png", "A")
            + part(boundary, "Images", "b.gif", "image/gif", "B")
            + "--"
            + boundary
            + "--\r\n",
        request.getBody().utf8());
  }

  @Test
  void anOptionalFileBesideARequiredOne() throws Exception {
    server.enqueue(json(200, "{\"count\":1,\"names\":null}"));

    AspNetUploadResult result =
        aspNet.createDocument(
            UploadFile.of("PDF".getBytes(StandardCharsets.US_ASCII), "d.pdf", "application/pdf"),
            UploadFile.of("P".getBytes(StandardCharsets.US_ASCII), "p.png", "image/png"),
            null);

    assertNull(result.getNames());
    RecordedRequest request = takeCall();
    String boundary = boundary(request);
    assertEquals(
        part(boundary, "Document", "d.pdf", "application/pdf", "PDF")
            + part(boundary, "Preview", "p.png", "image/png", "P")
            + "--"
            + boundary
            + "--\r\n",
        request.getBody().utf8());
  }

  @Test
  void freeFormAnswersAreMapsOfJsonValues() throws Exception {
    server.enqueue(json(200, "{\"state\":\"up\",\"load\":[1,2.5],\"extra\":null}"));
    server.enqueue(json(200, "{}"));
    server.enqueue(json(200, "{\"removed\":true}"));

    Map<String, Object> status = aspNet.getStatus();
    Map<String, Object> settings = aspNet.getSettings();
    Map<String, Object> deleted = aspNet.deleteSetting("theme");

    assertEquals("up", status.get("state"));
    // Free-form numbers: a whole number that fits a long is a Long, any other a BigDecimal (exact).
    assertEquals(List.of(1L, new BigDecimal("2.5")), status.get("load"));
    assertTrue(status.containsKey("extra") && status.get("extra") == null);
    assertEquals(Map.of(), settings);
    assertEquals(Map.of("removed", true), deleted);
    takeCall();
    takeNext("GET");
    assertEquals("/api/api/v1/AspNet/Settings/theme", takeNext("DELETE").getTarget());
  }

  @Test
  void theJsonBodyOfThreeMediaTypesIsSentAsApplicationJson() throws Exception {
    server.enqueue(
        json(
            200,
            "{\"id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\",\"quantity\":3,\"priority\":2,"
                + "\"total\":12.50,\"createdAt\":\"2024-05-01T08:30:00.1234567Z\",\"address\":null}"));

    AspNetOrder order =
        aspNet.createOrder(
            AspNetOrderRequest.builder()
                .quantity(3)
                .priority(AspNetOrderRequest.PriorityEnum.NUMBER_2)
                .password("s3cret")
                .address(AspNetAddress.builder().city("Lyon").build())
                .build());

    RecordedRequest request = takeCall();
    assertEquals("application/json", request.getHeaders().get("Content-Type"));
    // Only what was set: no readOnly id, no defaults filled in (the server applies them); the
    // writeOnly password is sent; an inline integer enum is its number.
    assertEquals(
        "{\"quantity\":3,\"priority\":2,\"password\":\"s3cret\",\"address\":{\"city\":\"Lyon\"}}",
        request.getBody().utf8());
    assertEquals(UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6"), order.getId());
    assertEquals(AspNetOrder.PriorityEnum.NUMBER_2, order.getPriority());
    assertEquals(new BigDecimal("12.50"), order.getTotal());
    assertEquals(OffsetDateTime.parse("2024-05-01T08:30:00.1234567Z"), order.getCreatedAt());
    // The nullable-$ref wrapper: an explicit null is null, and kept apart from absent.
    assertNull(order.getAddress());
    assertTrue(order.isExplicitNull("address"));
  }

  @Test
  void anAbsentPropertyWithADefaultStaysAbsent() throws Exception {
    server.enqueue(json(200, "{\"quantity\":1}"));

    AspNetOrder order = aspNet.createOrder(AspNetOrderRequest.builder().build());

    assertEquals("{}", takeCall().getBody().utf8());
    assertEquals(1, order.getQuantity());
    assertNull(order.getPriority(), "no default is made up for an answer");
  }

  @Test
  void decimalAndInt64QueryParametersAreSentExactly() throws Exception {
    server.enqueue(json(200, "[]"));
    server.enqueue(json(200, "[]"));

    aspNet.getOrders(new BigDecimal("12.50"), 2, 9007199254740993L);
    aspNet.getOrders();

    assertEquals(
        "/api/api/v1/AspNet/Orders?minTotal=12.50&page=2&sinceId=9007199254740993",
        takeCall().getTarget());
    assertEquals("/api/api/v1/AspNet/Orders", takeNext("GET").getTarget());
  }

  @Test
  void anUntaggedOperationIsInTheDefaultInterface() throws Exception {
    server.enqueue(new mockwebserver3.MockResponse.Builder().code(204).build());

    com.onestepai.osai.growth.api.OsaiApis accessors = client::api;
    GeneralApi general = accessors.general();
    assertNull(general.getHealth());

    RecordedRequest request = takeCall();
    assertEquals("/api/api/v1/Health", request.getTarget());
    assertEquals("Bearer " + OsaiClientWireTest.JWT, request.getHeaders().get("Authorization"));
  }
}
