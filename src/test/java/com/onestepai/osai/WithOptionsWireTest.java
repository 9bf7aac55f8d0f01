package com.onestepai.osai;

import static com.onestepai.osai.Fixtures.USER_JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Issue 19 item 1: {@link OsaiClient#withOptions}, a derived client sharing the session. */
class WithOptionsWireTest extends SignedInWireTest {
  @Test
  void oneSignInForTheParentAndTwoDerivedClientsWhoseHeadersAndQueryArrive() throws Exception {
    OsaiClient tagged = client.withOptions(o -> o.header("X-Tenant", "t-1").header("X-B", "b"));
    OsaiClient queried = tagged.withOptions(o -> o.queryParam("dryRun", "true").header("X-B", "c"));
    server.enqueue(Fixtures.json(200, USER_JSON));
    server.enqueue(Fixtures.json(200, USER_JSON));
    server.enqueue(Fixtures.json(200, USER_JSON));

    client.users().getCurrentUser();
    tagged.users().getCurrentUser();
    queried.users().getCurrentUserAsync().get(5, TimeUnit.SECONDS);

    RecordedRequest parent = takeCall();
    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertEquals(4, server.getRequestCount(), "one sign-in for all three");
    String bearer = "Bearer " + OsaiClientWireTest.JWT;
    for (RecordedRequest call : new RecordedRequest[] {parent, first, second}) {
      assertEquals(bearer, call.getHeaders().get("Authorization"));
    }
    assertNull(parent.getHeaders().get("X-Tenant"));
    assertEquals("t-1", first.getHeaders().get("X-Tenant"));
    assertEquals("b", first.getHeaders().get("X-B"));
    assertEquals("/api/Users", first.getTarget());
    assertEquals("t-1", second.getHeaders().get("X-Tenant"), "inherited from its parent");
    assertEquals("c", second.getHeaders().get("X-B"), "replaced");
    assertEquals("/api/Users?dryRun=true", second.getTarget());
  }

  @Test
  void theDerivedTimeoutFiresWhileTheParentsDoesNot() throws Exception {
    OsaiClient impatient = client.withOptions(o -> o.timeout(200, TimeUnit.MILLISECONDS));
    server.enqueue(Fixtures.json(200, USER_JSON)); // signs in through the parent
    client.users().getCurrentUser();
    MockResponse slow =
        new MockResponse.Builder()
            .headersDelay(1, TimeUnit.SECONDS)
            .addHeader("Content-Type", "application/json")
            .body(USER_JSON)
            .build();
    server.enqueue(slow);
    server.enqueue(slow);

    OsaiIoException timedOut =
        assertThrows(OsaiIoException.class, () -> impatient.users().getCurrentUser());
    assertTrue(
        timedOut.getMessage().contains("its timeout (200 ms) passed"), timedOut.getMessage());
    client.users().getCurrentUser(); // the parent's 60 s are not 200 ms
    assertEquals(4, server.getRequestCount(), "one sign-in");
  }

  @Test
  void maxRetriesAndLogLevelAreTheDerivedClientsOwn() throws Exception {
    client.close();
    client = client(b -> b.logger(logLines::add)); // logging off, no retries
    OsaiClient patient = client.withOptions(o -> o.maxRetries(1).logLevel(LogLevel.BASIC));
    server.enqueue(Fixtures.status(503));
    assertThrows(InternalServerException.class, () -> client.users().getCurrentUser());
    assertTrue(logLines.isEmpty(), logLines.toString());

    server.enqueue(Fixtures.status(503));
    server.enqueue(Fixtures.json(200, USER_JSON));
    patient.users().getCurrentUser();
    assertEquals(4, server.getRequestCount(), "sign-in, the parent's call, two attempts");
    assertTrue(logLines.stream().anyMatch(l -> l.contains("--> GET")), logLines.toString());
  }

  @Test
  void closingTheDerivedClientLeavesItsParentOpenAndClosingTheParentClosesBoth() throws Exception {
    OsaiClient derived = client.withOptions(o -> o.maxRetries(0));
    derived.close();
    assertEquals(
        "OsaiClient is closed",
        assertThrows(IllegalStateException.class, () -> derived.users().getCurrentUser())
            .getMessage());
    server.enqueue(Fixtures.json(200, USER_JSON));
    client.users().getCurrentUser();

    OsaiClient other = client.withOptions(o -> o.maxRetries(0));
    client.close();
    assertThrows(IllegalStateException.class, () -> other.users().getCurrentUser());
    assertThrows(IllegalStateException.class, () -> client.withOptions(o -> {}));
  }

  @Test
  void anExtraHeaderCannotCarryAuthorization() {
    for (String name : new String[] {"Authorization", "authorization", " AUTHORIZATION"}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> client.withOptions(o -> o.header(name, "Bearer stolen")));
      assertTrue(e.getMessage().contains("Authorization"), e.getMessage());
    }
    assertThrows(
        IllegalArgumentException.class, () -> client.withOptions(o -> o.header("Bad Name", "x")));
    assertThrows(
        IllegalArgumentException.class,
        () -> client.withOptions(o -> o.timeout(-1, TimeUnit.SECONDS)));
  }
}
