package com.onestepai.osai;

import static com.onestepai.osai.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.growth.api.RequestsApi;
import com.onestepai.osai.growth.model.RequestItem;
import com.onestepai.osai.growth.model.RequestItemPage;
import com.onestepai.osai.growth.model.SortOrder;
import java.util.Arrays;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The OpenAPI shapes of parameters and request bodies (fragment growth/shapes-requests.yaml) on the
 * wire: the exact request line, headers and body bytes sent.
 */
class RequestShapesWireTest extends SignedInWireTest {
  static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2ln";
  static final String ITEM = "{\"id\":\"a\",\"title\":\"First\",\"sort\":\"asc\"}";
  static final String PAGE = "{\"name\":\"box 1\",\"items\":[" + ITEM + "]}";

  RequestsApi requests;

  @BeforeEach
  void api() {
    requests = client.api(RequestsApi.class);
  }

  /**
   * The same JSON values, the same members (key order is the model adapter's, not the spec's), and
   * compact: no whitespace outside strings.
   */
  static void assertJson(String expected, String actual) throws java.io.IOException {
    com.squareup.moshi.JsonAdapter<Object> values =
        new com.squareup.moshi.Moshi.Builder().build().adapter(Object.class);
    assertEquals(values.fromJson(expected), values.fromJson(actual), actual);
    assertEquals(expected.length(), actual.length(), actual);
  }

  RecordedRequest find(String name) throws InterruptedException {
    server.enqueue(json(200, PAGE));
    requests.findRequestItems(name, Collections.singletonList("a"));
    return takeCall();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "box 1|box%201",
        "a/b|a%2Fb", // one segment: the slash is escaped, never a separator
        "what?|what%3F",
        "#1|%231",
        "100%|100%25",
        "%2F|%252F", // a value that looks escaped is escaped again: it is text, not a URL
        "café|caf%C3%A9",
        "a.b|a.b",
        "...|...",
        "a+b=c&d|a+b=c&d", // legal in a path segment, and ASP.NET reads them as they are
      })
  void escapesPathParametersAsOneSegment(String name, String wire) throws InterruptedException {
    RecordedRequest call = find(name);

    assertEquals("GET", call.getMethod());
    assertEquals("/api/Requests/" + wire + "/Items?ids=a", call.getTarget());
    assertEquals(name, call.getUrl().pathSegments().get(2), "decoded back to the value");
  }

  @ParameterizedTest
  @CsvSource({".", ".."})
  void refusesDotSegmentsBeforeSending(String name) {
    // A URL cannot carry "." or ".." as a segment (it would be resolved away), so Retrofit refuses.
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> requests.findRequestItems(name, Collections.singletonList("a")));
    assertTrue(e.getMessage().contains("path traversal"), e.getMessage());
    assertEquals(0, server.getRequestCount(), "nothing sent, not even the sign-in");
  }

  @Test
  void sendsQueryArraysAsRepeatedKeysAndEveryParameterAsItsWireText() throws Exception {
    server.enqueue(json(200, PAGE));

    RequestItemPage page =
        requests.findRequestItems(
            "box 1", Arrays.asList("a", "b c", "é&="), SortOrder.DESC, 10, "tag-1");

    RecordedRequest call = takeCall();
    assertEquals(
        "GET /api/Requests/box%201/Items?ids=a&ids=b%20c&ids=%C3%A9%26%3D&sort=desc&limit=10"
            + " HTTP/1.1",
        call.getRequestLine());
    assertEquals("tag-1", call.getHeaders().get("X-Request-Tag"));
    assertEquals("Bearer " + JWT, call.getHeaders().get("Authorization"));
    assertEquals(0, call.getBodySize());
    assertEquals("box 1", page.getName());
    assertEquals(SortOrder.ASC, page.getItems().get(0).getSort());
  }

  @Test
  void leavesOutOptionalParametersLeftNull() throws Exception {
    server.enqueue(json(200, PAGE));
    server.enqueue(json(200, PAGE));

    requests.findRequestItems("b", Collections.singletonList("a"), null, null, null);
    RecordedRequest full = takeCall();
    requests.findRequestItemsAsync("b", Arrays.asList("a", "b")).join();
    RecordedRequest shortForm = server.takeRequest(5, TimeUnit.SECONDS);

    assertEquals("/api/Requests/b/Items?ids=a", full.getTarget());
    assertNull(full.getHeaders().get("X-Request-Tag"));
    assertEquals("/api/Requests/b/Items?ids=a&ids=b", shortForm.getTarget());
    assertNull(shortForm.getHeaders().get("X-Request-Tag"));
  }

  @Test
  void sendsAnEmptyQueryArrayAsNoKeyAtAll() throws Exception {
    server.enqueue(json(200, PAGE));

    requests.findRequestItems("b", Collections.emptyList());

    assertEquals("/api/Requests/b/Items", takeCall().getTarget());
  }

  @Test
  void sendsEnumParametersAsTheirWireValue() throws Exception {
    server.enqueue(json(200, PAGE));
    server.enqueue(json(200, PAGE));

    requests.findRequestItems("b", Collections.singletonList("a"), SortOrder.ASC, null, null);
    String asc = takeCall().getTarget();
    requests.findRequestItems("b", Collections.singletonList("a"), SortOrder.DESC, null, null);
    String desc = server.takeRequest(5, TimeUnit.SECONDS).getTarget();

    assertEquals("/api/Requests/b/Items?ids=a&sort=asc", asc); // the Java name is ASC
    assertEquals("/api/Requests/b/Items?ids=a&sort=desc", desc);
  }

  @Test
  void sendsAJsonObjectBody() throws Exception {
    server.enqueue(json(200, ITEM));

    RequestItem stored =
        requests.createRequestItem(
            RequestItem.builder().id("a").title("Fish & \"chips\"").sort(SortOrder.DESC).build());

    RecordedRequest call = takeCall();
    assertEquals("POST /api/Requests/Items HTTP/1.1", call.getRequestLine());
    assertEquals("application/json", call.getHeaders().get("Content-Type")); // the spec's, UTF-8
    assertJson(
        "{\"id\":\"a\",\"title\":\"Fish & \\\"chips\\\"\",\"sort\":\"desc\"}",
        call.getBody().utf8());
    assertEquals("First", stored.getTitle());
  }

  @Test
  void sendsAJsonArrayBody() throws Exception {
    server.enqueue(json(200, PAGE));

    requests.replaceRequestItems(
        Arrays.asList(
            RequestItem.builder().id("a").title("First").sort(SortOrder.ASC).build(),
            RequestItem.builder().id("b").title("Second").weight(2.5).build()));

    RecordedRequest call = takeCall();
    assertEquals("PUT /api/Requests/Items HTTP/1.1", call.getRequestLine());
    assertEquals("application/json", call.getHeaders().get("Content-Type")); // the spec's, UTF-8
    assertJson(
        "[{\"id\":\"a\",\"title\":\"First\",\"sort\":\"asc\"},"
            + "{\"id\":\"b\",\"title\":\"Second\",\"weight\":2.5}]",
        call.getBody().utf8());
  }

  @Test
  void sendsAnEmptyJsonArrayBody() throws Exception {
    server.enqueue(json(200, PAGE));

    requests.replaceRequestItems(Collections.emptyList());

    assertEquals("[]", takeCall().getBody().utf8());
  }

  @Test
  void sendsAJsonStringBody() throws Exception {
    server.enqueue(json(200, ITEM));

    requests.setRequestTitle("box 1", "Fish \"é\"\n");

    RecordedRequest call = takeCall();
    assertEquals("PUT /api/Requests/box%201/Title HTTP/1.1", call.getRequestLine());
    assertEquals("application/json", call.getHeaders().get("Content-Type")); // the spec's, UTF-8
    assertEquals("\"Fish \\\"é\\\"\\n\"", call.getBody().utf8());
  }

  @Test
  void sendsAJsonNumberBody() throws Exception {
    server.enqueue(json(200, ITEM));
    server.enqueue(json(200, ITEM));

    requests.setRequestWeight("box 1", 2.5);
    RecordedRequest call = takeCall();
    requests.setRequestWeight("box 1", 3.0);
    RecordedRequest whole = server.takeRequest(5, TimeUnit.SECONDS);

    assertEquals("PUT /api/Requests/box%201/Weight HTTP/1.1", call.getRequestLine());
    assertEquals("application/json", call.getHeaders().get("Content-Type")); // the spec's, UTF-8
    assertEquals("2.5", call.getBody().utf8());
    assertEquals("3.0", whole.getBody().utf8()); // a JSON number either way: ASP.NET binds it
  }

  @Test
  void sendsAFormUrlEncodedBodyOfWireText() throws Exception {
    server.enqueue(json(200, ITEM));

    requests.submitRequestForm("box 1", "Fish & chips = é+1", SortOrder.DESC, 3);

    RecordedRequest call = takeCall();
    assertEquals("POST /api/Requests/box%201/Form HTTP/1.1", call.getRequestLine());
    assertEquals("application/x-www-form-urlencoded", call.getHeaders().get("Content-Type"));
    assertEquals(
        "title=Fish+%26+chips+%3D+%C3%A9%2B1&sort=desc&count=3",
        call.getBody().utf8()); // a space is "+", as browsers send forms
  }
}
