package com.onestepai.osai.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.PrismExtension;
import com.onestepai.osai.PrismServer;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The dataset workflow example, run as a user runs it: a child JVM configured by environment. */
@ExtendWith(PrismExtension.class)
class ImageUploadTest {
  static final String TOKEN = "example-canary-token";

  @StartStop final MockWebServer server = new MockWebServer();
  @TempDir Path temp;

  @Test
  void runsTheWorkflowAgainstPrism(PrismServer prism) throws Exception {
    Path folder = ExampleAgainstPrism.sampleFolder(temp);

    ExampleProcess run =
        ExampleProcess.run(
            ImageUpload.class,
            prism.url().toString(),
            TOKEN,
            ExampleProcess.CAPTURE,
            folder.toString());

    assertEquals(0, run.exitCode, run.stderr);
    assertEquals("", run.stderr);
    assertTrue(run.stdout.startsWith("Dataset 'cats-and-dogs': "), run.stdout);
    assertTrue(run.stdout.contains("Category 'cat': "), run.stdout);
    assertTrue(run.stdout.contains("  cat ("), run.stdout);
    assertTrue(run.stdout.contains("): 2 image(s) to send: cat-1.jpg, cat-2.png\n"), run.stdout);
    assertTrue(run.stdout.contains("): 1 image(s) to send: dog-1.jpg\n"), run.stdout);
    assertTrue(run.stdout.endsWith("Upload finished: the dataset is unlocked\n"), run.stdout);
    assertFalse(run.stdout.contains(TOKEN));
  }

  @Test
  void sendsTheDocumentedCallsInOrderAndFinishesTheUpload() throws Exception {
    Path folder = ExampleAgainstPrism.sampleFolder(temp);
    server.enqueue(text("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJleGFtcGxlIn0.c2ln"));
    server.enqueue(json("{\"id\":\"d-1\"}"));
    server.enqueue(json("{\"id\":\"c-cat\"}"));
    server.enqueue(json("{\"id\":\"c-dog\"}"));
    server.enqueue(json("17"));
    server.enqueue(new MockResponse.Builder().code(200).build());

    ExampleProcess run =
        ExampleProcess.run(
            ImageUpload.class,
            server.url("/api").toString(),
            TOKEN,
            ExampleProcess.CAPTURE,
            folder.toString(),
            "--dataset",
            "Pets");

    assertEquals(0, run.exitCode, run.stderr);
    List<String> calls =
        List.of(1, 2, 3, 4, 5, 6).stream().map(i -> take()).collect(Collectors.toList());
    assertEquals(
        List.of(
            "POST /api/Users/SignIn \"" + TOKEN + "\"",
            "POST /api/Datasets {\"name\":\"Pets\"}",
            "POST /api/Categories {\"datasetId\":\"d-1\",\"name\":\"cat\"}",
            "POST /api/Categories {\"datasetId\":\"d-1\",\"name\":\"dog\"}",
            "POST /api/Datasets/d-1/StartUploading ",
            "POST /api/Datasets/d-1/FinishUploading?datasetUploadId=17 "),
        calls);
    assertTrue(run.stdout.contains("  cat (c-cat): 2 image(s)"), run.stdout);
    assertTrue(run.stdout.contains("Upload 17 started"), run.stdout);
  }

  @Test
  void aFolderWithoutSubfoldersIsAUsageError() throws Exception {
    ExampleProcess run =
        ExampleProcess.run(
            ImageUpload.class,
            server.url("/api").toString(),
            TOKEN,
            ExampleProcess.CAPTURE,
            temp.toString());

    assertEquals(2, run.exitCode);
    assertTrue(run.stderr.contains("has no subfolders"), run.stderr);
    assertEquals(0, server.getRequestCount());
  }

  String take() {
    try {
      RecordedRequest r = server.takeRequest();
      return r.getMethod() + " " + r.getTarget() + " " + r.getBody().utf8();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  static MockResponse json(String body) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  static MockResponse text(String body) {
    return new MockResponse.Builder().addHeader("Content-Type", "text/plain").body(body).build();
  }
}
