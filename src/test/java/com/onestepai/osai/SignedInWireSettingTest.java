package com.onestepai.osai;

import static com.onestepai.osai.Fixtures.USER_JSON;
import static com.onestepai.osai.Fixtures.json;
import static com.onestepai.osai.Fixtures.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The setting of the wire tests itself: a test's own options win over its defaults (issue 17, item
 * 18: {@code maxRetries(0)} used to be set after them, silently).
 */
class SignedInWireSettingTest extends SignedInWireTest {
  @Test
  void byDefaultACallIsNotRetried() {
    server.enqueue(status(500));

    assertThrows(InternalServerException.class, () -> client.users().getCurrentUser());
  }

  @Test
  void aTestsOwnMaxRetriesIsKept() {
    client.close();
    client =
        client(
            builder -> {
              builder.maxRetries(1);
              builder.sleeper = (nanos, canceled) -> {};
            });
    server.enqueue(status(500));
    server.enqueue(json(200, USER_JSON));

    assertEquals("OneStep AI", client.users().getCurrentUser().getUserName());
  }
}
