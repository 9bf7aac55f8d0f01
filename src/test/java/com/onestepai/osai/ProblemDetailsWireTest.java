package com.onestepai.osai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.growth.api.ProblemsApi;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OpenAPI shape row 17: RFC 7807 problems on the typed exception, against MockWebServer. */
class ProblemDetailsWireTest {
  static final String TOKEN = "osai-access-token-canary";
  static final String JWT = OsaiClientWireTest.JWT;
  // A JWT the client has never seen, shaped like one: redacted by its shape.
  static final String OTHER_JWT = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJvdGhlciJ9.c2lnbmF0dXJl";

  static final String VALIDATION =
      "{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.1\","
          + "\"title\":\"One or more validation errors occurred.\",\"status\":400,"
          + "\"errors\":{\"Name\":[\"The Name field is required.\"],"
          + "\"CategoryIds\":[\"At least one category is required.\",\"Category 9 does not"
          + " exist.\"]},"
          + "\"traceId\":\"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00\"}";

  static final String NOT_FOUND =
      "{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.5\",\"title\":\"Not Found\","
          + "\"status\":404,\"detail\":\"No thing has the id p-7.\","
          + "\"instance\":\"/Problems/p-7/Validate\","
          + "\"traceId\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00\","
          + "\"retryable\":false,\"limits\":{\"perMinute\":60,\"tags\":[\"a\",null]}}";

  @StartStop final MockWebServer server = new MockWebServer();
  OsaiClient client;
  ProblemsApi api;

  @BeforeEach
  void setUp() {
    client =
        OsaiClient.builder()
            .accessToken(TOKEN)
            .baseUrl(server.url("/api").toString())
            .maxRetries(0)
            .build();
    api = client.api(ProblemsApi.class);
    server.enqueue(Fixtures.text(JWT)); // sign-in
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  /**
   * The message before the request id that every error message ends with, after checking that the
   * id is the exception's {@code requestId()}.
   */
  static String messageOf(OsaiServiceException e) {
    String suffix = " (request id " + e.requestId() + ")";
    assertTrue(e.getMessage().endsWith(suffix), e.getMessage());
    return e.getMessage().substring(0, e.getMessage().length() - suffix.length());
  }

  static MockResponse answer(int code, String contentType, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", contentType)
        .body(body)
        .build();
  }

  void takeTheCall() throws InterruptedException {
    assertNotNull(server.takeRequest(5, TimeUnit.SECONDS)); // sign-in
    RecordedRequest call = server.takeRequest(5, TimeUnit.SECONDS);
    assertNotNull(call);
    assertEquals("POST", call.getMethod());
    assertEquals("/api/Problems/p-7/Validate", call.getTarget());
  }

  @Test
  void aValidationProblemIsReadWhole() throws Exception {
    server.enqueue(answer(400, "application/problem+json; charset=utf-8", VALIDATION));

    BadRequestException e =
        assertThrows(BadRequestException.class, () -> api.validateProblem("p-7"));

    takeTheCall();
    Problem problem = e.problem();
    assertNotNull(problem);
    assertEquals("https://tools.ietf.org/html/rfc9110#section-15.5.1", problem.type());
    assertEquals("One or more validation errors occurred.", problem.title());
    assertEquals(Integer.valueOf(400), problem.status());
    assertNull(problem.detail());
    assertNull(problem.instance());
    assertEquals("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00", problem.traceId());
    Map<String, List<String>> errors = new LinkedHashMap<>();
    errors.put("Name", Arrays.asList("The Name field is required."));
    errors.put(
        "CategoryIds",
        Arrays.asList("At least one category is required.", "Category 9 does not exist."));
    assertEquals(errors, problem.errors());
    assertEquals(Arrays.asList("Name", "CategoryIds"), List.copyOf(problem.errors().keySet()));
    assertEquals(Map.of(), problem.extensions());
    assertEquals(VALIDATION, e.body());
    assertEquals(
        "POST "
            + server.url("/api/Problems/p-7/Validate")
            + " answered HTTP 400: One or more validation errors occurred. (Name: The Name field"
            + " is required.; CategoryIds: At least one category is required.)",
        messageOf(e));
    assertThrows(UnsupportedOperationException.class, () -> problem.errors().clear());
    assertThrows(UnsupportedOperationException.class, () -> problem.errors().get("Name").add("x"));
  }

  /** Issue 17, item 11: a byte order mark opens the body, as some servers write it. */
  @Test
  void aProblemAfterAByteOrderMarkIsRead() throws Exception {
    server.enqueue(answer(404, "application/problem+json", "\uFEFF" + NOT_FOUND));

    NotFoundException e = assertThrows(NotFoundException.class, () -> api.validateProblem("p-7"));

    takeTheCall();
    assertNotNull(e.problem(), e.body());
    assertEquals("No thing has the id p-7.", e.problem().detail());
    assertEquals(NOT_FOUND, e.body(), "no BOM in the body");
    assertTrue(messageOf(e).endsWith(": Not Found: No thing has the id p-7."), e.getMessage());
  }

  @Test
  void aProblemWithTraceIdAndExtensionsIsReadWhole() throws Exception {
    server.enqueue(answer(404, "application/problem+json", NOT_FOUND));

    ExecutionException wrapped =
        assertThrows(
            ExecutionException.class,
            () -> api.validateProblemAsync("p-7").get(5, TimeUnit.SECONDS));

    takeTheCall();
    NotFoundException e = assertInstanceOf(NotFoundException.class, wrapped.getCause());
    Problem problem = e.problem();
    assertNotNull(problem);
    assertEquals("https://tools.ietf.org/html/rfc9110#section-15.5.5", problem.type());
    assertEquals("Not Found", problem.title());
    assertEquals(Integer.valueOf(404), problem.status());
    assertEquals("No thing has the id p-7.", problem.detail());
    assertEquals("/Problems/p-7/Validate", problem.instance());
    assertEquals("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00", problem.traceId());
    assertEquals(Map.of(), problem.errors());
    Map<String, Object> limits = new LinkedHashMap<>();
    limits.put("perMinute", 60.0);
    limits.put("tags", Arrays.asList("a", null));
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put("retryable", false);
    extensions.put("limits", limits);
    assertEquals(extensions, problem.extensions());
    assertTrue(
        messageOf(e).endsWith(" answered HTTP 404: Not Found: No thing has the id p-7."),
        e.getMessage());
  }

  @Test
  void aJsonBodyThatIsNotAProblemGivesNullAndTheMessageOfToday() throws Exception {
    server.enqueue(answer(400, "application/json", "{\"message\":\"bad name\"}"));

    BadRequestException e =
        assertThrows(BadRequestException.class, () -> api.validateProblem("p-7"));

    assertNull(e.problem());
    assertEquals("{\"message\":\"bad name\"}", e.body());
    assertTrue(messageOf(e).endsWith(": {\"message\":\"bad name\"}"), e.getMessage());
  }

  @Test
  void aJsonBodyWithATitleIsAProblem() throws Exception {
    server.enqueue(answer(409, "application/json", "{\"title\":\"Taken\",\"status\":409}"));

    ConflictException e = assertThrows(ConflictException.class, () -> api.validateProblem("p-7"));

    assertNotNull(e.problem());
    assertEquals("Taken", e.problem().title());
    assertEquals(Integer.valueOf(409), e.problem().status());
  }

  @Test
  void aProblemOfTheWrongJsonTypesKeepsThemAsExtensions() throws Exception {
    server.enqueue(
        answer(
            422,
            "application/problem+json",
            "{\"status\":\"422\",\"title\":7,\"errors\":[\"flat\"]}"));

    UnprocessableEntityException e =
        assertThrows(UnprocessableEntityException.class, () -> api.validateProblem("p-7"));

    Problem problem = e.problem();
    assertNotNull(problem);
    assertNull(problem.status());
    assertNull(problem.title());
    assertEquals(Map.of(), problem.errors());
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put("status", "422");
    extensions.put("title", 7.0);
    extensions.put("errors", Arrays.asList("flat"));
    assertEquals(extensions, problem.extensions());
  }

  @Test
  void aLoneFieldMessageIsAListOfOne() throws Exception {
    server.enqueue(
        answer(400, "application/problem+json", "{\"errors\":{\"Name\":\"Required.\"}}"));

    BadRequestException e =
        assertThrows(BadRequestException.class, () -> api.validateProblem("p-7"));

    assertNotNull(e.problem());
    assertEquals(Map.of("Name", List.of("Required.")), e.problem().errors());
    assertTrue(messageOf(e).endsWith("answered HTTP 400: Name: Required."), e.getMessage());
  }

  @Test
  void aMalformedProblemGivesNullAndTheExceptionIsStillTyped() throws Exception {
    String malformed = "{\"title\":\"Cut short\",\"status\":400,\"detail\":\"no end";
    server.enqueue(answer(400, "application/problem+json", malformed));

    BadRequestException e =
        assertThrows(BadRequestException.class, () -> api.validateProblem("p-7"));

    assertNull(e.problem());
    assertEquals(malformed, e.body());
    assertTrue(messageOf(e).endsWith(": " + malformed), e.getMessage());
  }

  @Test
  void nonJsonBodiesBehaveAsBefore() throws Exception {
    server.enqueue(answer(500, "text/plain", "{\"title\":\"looks like one\"}"));

    InternalServerException e =
        assertThrows(InternalServerException.class, () -> api.validateProblem("p-7"));

    assertNull(e.problem());
    assertEquals("{\"title\":\"looks like one\"}", e.body());
  }

  @Test
  void aHugeDetailIsBounded() throws Exception {
    StringBuilder huge = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      huge.append((char) ('a' + i % 26));
      if (i % 10 == 9) {
        huge.append(' ');
      }
    }
    server.enqueue(
        answer(
            400,
            "application/problem+json",
            "{\"title\":\"Too long\",\"status\":400,\"detail\":\"" + huge + "\"}"));

    BadRequestException e =
        assertThrows(BadRequestException.class, () -> api.validateProblem("p-7"));

    Problem problem = e.problem();
    assertNotNull(problem);
    assertTrue(problem.detail().length() <= 8192 + 1, "detail of " + problem.detail().length());
    assertTrue(problem.detail().endsWith("…"));
    assertTrue(huge.toString().startsWith(problem.detail().substring(0, 8000)));
    assertTrue(e.body().length() <= 8192 + 1);
    assertTrue(e.getMessage().length() < 600, "message of " + e.getMessage().length());
    assertTrue(e.getMessage().contains(": Too long: abcdefghij klmno"), e.getMessage());
  }

  @Test
  void aBodyLongerThanWhatIsReadGivesNull() throws Exception {
    StringBuilder huge = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      huge.append('x');
    }
    server.enqueue(
        answer(400, "application/problem+json", "{\"title\":\"T\",\"detail\":\"" + huge + "\"}"));

    BadRequestException e =
        assertThrows(BadRequestException.class, () -> api.validateProblem("p-7"));

    assertNull(e.problem());
    assertTrue(e.body().startsWith("{\"title\":\"T\",\"detail\":\""), e.body());
  }

  @Test
  void secretsInAProblemAreRedactedEverywhere() throws Exception {
    String body =
        "{\"title\":\"Bad token "
            + TOKEN
            + "\",\"status\":400,\"detail\":\"JWT "
            + JWT
            + " was refused\","
            + "\"errors\":{\"Authorization\":[\"Bearer "
            + OTHER_JWT
            + " expired\"]},\"echo\":{\"token\":\""
            + TOKEN
            + "\"}}";
    server.enqueue(answer(400, "application/problem+json", body));

    BadRequestException e =
        assertThrows(BadRequestException.class, () -> api.validateProblem("p-7"));

    Problem problem = e.problem();
    assertNotNull(problem);
    assertEquals("Bad token [redacted]", problem.title());
    assertEquals("JWT [redacted] was refused", problem.detail());
    assertEquals(Map.of("Authorization", List.of("Bearer [redacted] expired")), problem.errors());
    assertEquals(Map.of("echo", Map.of("token", "[redacted]")), problem.extensions());
    assertTrue(
        messageOf(e)
            .endsWith(
                "answered HTTP 400: Bad token [redacted]: JWT [redacted] was refused"
                    + " (Authorization: Bearer [redacted] expired)"),
        e.getMessage());
    for (String text : List.of(e.getMessage(), e.body(), problem.toString(), e.toString())) {
      assertFalse(text.contains(TOKEN), text);
      assertFalse(text.contains(JWT), text);
      assertFalse(text.contains(OTHER_JWT), text);
      assertFalse(text.contains("eyJ"), text);
    }
  }

  @Test
  void theProblemSurvivesJavaSerialization() throws Exception {
    server.enqueue(answer(404, "application/problem+json", NOT_FOUND));

    NotFoundException sent =
        assertThrows(NotFoundException.class, () -> api.validateProblem("p-7"));
    NotFoundException got = ExceptionsTest.roundTrip(sent);

    assertNotNull(got.problem());
    assertEquals(sent.problem(), got.problem());
    assertEquals("No thing has the id p-7.", got.problem().detail());
    assertEquals(60.0, ((Map<?, ?>) got.problem().extensions().get("limits")).get("perMinute"));
    assertEquals(sent.getMessage(), got.getMessage());
  }
}
