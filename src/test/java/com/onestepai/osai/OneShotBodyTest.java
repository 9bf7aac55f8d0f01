package com.onestepai.osai;

import static com.onestepai.osai.Fixtures.TOKEN;
import static com.onestepai.osai.Fixtures.USER_JSON;
import static com.onestepai.osai.Fixtures.json;
import static com.onestepai.osai.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.onestepai.osai.model.User;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A request that is not safe to repeat is sent once, whatever the answer: not by the SDK's retries
 * and not by OkHttp's own follow-ups (a 408, or a 503 with {@code Retry-After: 0}), body or no
 * body.
 */
class OneShotBodyTest {
  static final String JWT = Fixtures.jwt("{\"sub\":\"one-shot\"}");

  /** The shapes of the documented StartUploading call and of a create call. */
  interface Writes {
    @retrofit2.http.POST("Datasets/{id}/StartUploading")
    String start(@retrofit2.http.Path("id") String id);

    @retrofit2.http.POST("Datasets")
    User create(@retrofit2.http.Body User body);

    @retrofit2.http.PATCH("Datasets/{id}")
    User patch(@retrofit2.http.Path("id") String id);
  }

  @StartStop final MockWebServer server = new MockWebServer();

  static Stream<Arguments> cases() {
    List<String> answers = List.of("408", "503 with Retry-After: 0");
    List<String> calls = List.of("POST without a body", "POST with a body", "PATCH without a body");
    return answers.stream().flatMap(a -> calls.stream().map(c -> Arguments.of(c, a)));
  }

  static MockResponse answer(String name) {
    return name.startsWith("408")
        ? json(408, "{}")
        : new MockResponse.Builder().code(503).addHeader("Retry-After", "0").build();
  }

  @ParameterizedTest(name = "{0} answered {1}")
  @MethodSource("cases")
  void isSentOnce(String call, String answer) throws Exception {
    server.enqueue(text(JWT));
    server.enqueue(answer(answer));
    server.enqueue(json(200, USER_JSON)); // what a second send would get
    try (OsaiClient client =
        OsaiClient.builder().accessToken(TOKEN).baseUrl(server.url("/api").toString()).build()) {
      Writes writes = client.api(Writes.class);
      Runnable send =
          switch (call) {
            case "POST without a body" -> () -> writes.start("ds-1");
            case "POST with a body" -> () -> writes.create(User.builder().name("n").build());
            default -> () -> writes.patch("ds-1");
          };
      assertThrows(OsaiServiceException.class, send::run);
    }
    assertEquals(2, server.getRequestCount(), "sign-in, then the call sent once");
  }
}
