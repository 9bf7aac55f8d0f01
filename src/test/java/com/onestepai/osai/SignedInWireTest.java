package com.onestepai.osai;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The setting of the OpenAPI-shape wire tests: a client of a MockWebServer, without retries, whose
 * first answer is a sign-in (tests may build another with {@link #client(Consumer)}), and ways to
 * take the calls that follow it.
 */
abstract class SignedInWireTest {
  @StartStop final MockWebServer server = new MockWebServer();
  OsaiClient client;

  /** What a test's own logger received, for clients built with {@code logger(logLines::add)}. */
  final List<String> logLines = new CopyOnWriteArrayList<>();

  @BeforeEach
  void signedInClient() {
    client = client(builder -> {});
    server.enqueue(Fixtures.text(OsaiClientWireTest.JWT));
  }

  /**
   * A client of the server, without retries unless {@code options} (a test's own) say otherwise:
   * they are applied after the defaults, so a test that sets {@code maxRetries} gets them.
   */
  OsaiClient client(Consumer<OsaiClient.Builder> options) {
    OsaiClient.Builder builder =
        OsaiClient.builder()
            .accessToken(Fixtures.TOKEN)
            .baseUrl(server.url("/api").toString())
            .maxRetries(0);
    options.accept(builder);
    return builder.build();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  /** The first call after sign-in, as the server saw it. */
  RecordedRequest takeCall() throws InterruptedException {
    RecordedRequest signIn = server.takeRequest(5, TimeUnit.SECONDS);
    assertTrue(signIn != null && signIn.getTarget().endsWith("/SignIn"), "sign-in first");
    RecordedRequest call = server.takeRequest(5, TimeUnit.SECONDS);
    assertTrue(call != null, "the server saw no call");
    return call;
  }

  /** The next call the server saw with {@code method}, past the sign-in and any calls before it. */
  RecordedRequest takeNext(String method) throws InterruptedException {
    while (true) {
      RecordedRequest call = server.takeRequest(5, TimeUnit.SECONDS);
      assertTrue(call != null, "the server saw no " + method);
      if (method.equals(call.getMethod()) && !call.getTarget().endsWith("/SignIn")) {
        return call;
      }
    }
  }
}
