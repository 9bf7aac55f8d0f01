package com.onestepai.osai.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.PrismExtension;
import com.onestepai.osai.PrismServer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The example program, run as a user runs it: a child JVM configured by environment variables. */
@ExtendWith(PrismExtension.class)
class PrintCurrentUserTest {
  static final String TOKEN = "example-canary-token";

  @StartStop final MockWebServer server = new MockWebServer();

  @Test
  void printsTheUserFromPrismAsIndentedJson(PrismServer prism) throws Exception {
    ExampleProcess run = ExampleProcess.run(prism.url().toString(), TOKEN, ExampleProcess.CAPTURE);

    assertEquals(0, run.exitCode, run.stderr);
    assertTrue(run.stdout.startsWith("-------User info-------\n{\n"), run.stdout);
    // The properties in the order the server sent them (the spec's), four spaces deep, like the
    // vendor's Python example's json.dumps(indent=4).
    assertTrue(run.stdout.contains("{\n    \"id\": \"Guid-Guid-Guid-Guid\",\n"), run.stdout);
    assertTrue(run.stdout.contains("\n    \"colorMode\": 1,\n"), run.stdout);
    assertTrue(run.stdout.endsWith("\n    \"enableTutorial\": false\n}\n"), run.stdout);
    assertEquals("", run.stderr);
    assertFalse(run.stdout.contains(TOKEN));
  }

  @Test
  void aRefusedTokenIsOneLineWithTheStatusAndWhatToCheck() throws Exception {
    server.enqueue(new MockResponse.Builder().code(401).body("unknown token").build());

    ExampleProcess run =
        ExampleProcess.run(server.url("/api").toString(), TOKEN, ExampleProcess.CAPTURE);

    assertEquals(1, run.exitCode);
    assertEquals("", run.stdout);
    String[] lines = run.stderr.split("\n");
    assertEquals(1, lines.length, run.stderr);
    assertTrue(lines[0].startsWith("osai-example: Sign-in failed: "), lines[0]);
    assertTrue(lines[0].contains("HTTP 401"), lines[0]);
    assertTrue(lines[0].contains("expired or been deleted in OSAI Settings"), lines[0]);
    assertTrue(lines[0].contains("region"), lines[0]);
    assertFalse(run.stderr.contains(TOKEN));
  }

  @Test
  void aMissingTokenSaysWhichVariableToSet() throws Exception {
    ExampleProcess run = ExampleProcess.run(null, null, ExampleProcess.CAPTURE);

    assertEquals(1, run.exitCode);
    assertEquals(1, run.stderr.split("\n").length, run.stderr);
    assertTrue(run.stderr.contains("OSAI_API_TOKEN is not set"), run.stderr);
  }

  @Test
  void anUnknownRegionIsAUsageError() throws Exception {
    ExampleProcess run =
        ExampleProcess.run(null, TOKEN, ExampleProcess.CAPTURE, "--region", "asia");

    assertEquals(2, run.exitCode);
    assertTrue(run.stderr.contains("unknown region 'asia'"), run.stderr);
  }
}
