package com.onestepai.osai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.model.User;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SDK against Prism serving openapi/osai.yaml: every call succeeds, and Prism finds nothing in
 * any request or response that breaks the spec (its {@code sl-violations} header stays absent).
 */
@ExtendWith(PrismExtension.class)
class PrismContractTest {
  /** Every response the SDK saw, as {@code "METHOD path -> code"} plus Prism's violations. */
  final List<String> exchanges = new CopyOnWriteArrayList<>();
  final List<String> violations = new CopyOnWriteArrayList<>();

  OkHttpClient shared;
  OsaiClient client;

  @BeforeEach
  void setUp(PrismServer prism) {
    // The caller's client, shared by the SDK: its network interceptor sees what went on the wire.
    shared =
        new OkHttpClient.Builder()
            .addNetworkInterceptor(
                chain -> {
                  Response response = chain.proceed(chain.request());
                  exchanges.add(chain.request().method() + " " + chain.request().url().encodedPath()
                      + " -> " + response.code());
                  String violation = response.header("sl-violations");
                  if (violation != null) {
                    violations.add(chain.request().url().encodedPath() + ": " + violation);
                  }
                  return response;
                })
            .build();
    client = OsaiClient.builder().accessToken("example-access-token").baseUrl(prism.url().toString())
        .okHttpClient(shared).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
    shared.dispatcher().executorService().shutdown();
    shared.connectionPool().evictAll();
  }

  @Test
  void getCurrentUserBlockingMatchesTheSpec() {
    User user = client.users().getCurrentUser();

    assertEquals("Guid-Guid-Guid-Guid", user.getId());
    assertEquals("OneStep AI", user.getUserName());
    assertEquals(Integer.valueOf(1), user.getColorMode());
    assertEquals(List.of("POST /Users/SignIn -> 200", "GET /Users -> 200"), exchanges);
    assertEquals(List.of(), violations);
  }

  @Test
  void getCurrentUserAsyncMatchesTheSpec() throws Exception {
    User user = client.users().getCurrentUserAsync().get(30, TimeUnit.SECONDS);

    assertEquals("onestepai@email.com", user.getEmail());
    assertEquals(List.of("POST /Users/SignIn -> 200", "GET /Users -> 200"), exchanges);
    assertEquals(List.of(), violations);
  }

  @Test
  void signInBothFormsMatchTheSpec() throws Exception {
    String jwt = client.users().signIn("example-access-token");
    String jwtAsync = client.users().signInAsync("example-access-token").get(30, TimeUnit.SECONDS);

    assertTrue(jwt.startsWith("eyJ"), "the spec's example JWT");
    assertEquals(jwt, jwtAsync);
    assertEquals(List.of("POST /Users/SignIn -> 200", "POST /Users/SignIn -> 200"), exchanges);
    assertEquals(List.of(), violations);
  }

  /** The control: the recorder does see Prism's violations when a request breaks the spec. */
  @Test
  void aRequestThatBreaksTheSpecIsCaught(PrismServer prism) throws IOException {
    Request numberBody =
        new Request.Builder()
            .url(prism.url().resolve("Users/SignIn"))
            .post(RequestBody.create("123", MediaType.get("application/json")))
            .build();
    Request noAuth = new Request.Builder().url(prism.url().resolve("Users")).build();
    try (Response badBody = shared.newCall(numberBody).execute();
        Response unauthenticated = shared.newCall(noAuth).execute()) {
      assertEquals(400, badBody.code());
      assertEquals(401, unauthenticated.code());
    }
    assertNotNull(violations.isEmpty() ? null : violations, "Prism reported " + exchanges);
  }
}
