package com.onestepai.osai;

import static com.onestepai.osai.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.growth.api.UploadsApi;
import com.onestepai.osai.growth.model.UploadedImage;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A call that sends an {@link UploadFile} has no whole-call deadline: an upload that takes longer
 * than {@code timeout} but never stalls longer than {@code readTimeout} goes through, in both
 * forms. The file is a slow producer: 4 chunks with {@link #PAUSE_MS} before each but the first, 3
 * pauses of twice the 100 ms deadline in all, each far under the 10 s {@code readTimeout}.
 */
class UploadDeadlineTest {
  static final int CHUNKS = 4;
  static final int CHUNK = 1024;
  static final long PAUSE_MS = 70;
  static final String ANSWER = "{\"imageId\":\"i-1\",\"size\":4096}";

  @StartStop final MockWebServer server = new MockWebServer();
  OsaiClient client;
  UploadsApi uploads;

  @BeforeEach
  void client() {
    client =
        OsaiClient.builder()
            .accessToken(Fixtures.TOKEN)
            .baseUrl(server.url("/api").toString())
            .maxRetries(0)
            .timeout(100, TimeUnit.MILLISECONDS)
            .readTimeout(10, TimeUnit.SECONDS)
            .build();
    uploads = client.api(UploadsApi.class);
    server.enqueue(Fixtures.text(OsaiClientWireTest.JWT));
  }

  @AfterEach
  void close() {
    client.close();
  }

  /** A file of {@code CHUNKS * CHUNK} bytes that its producer writes slowly. */
  static UploadFile slowFile() {
    InputStream slow =
        new InputStream() {
          int sent;

          @Override
          public int read() {
            throw new UnsupportedOperationException("read in chunks");
          }

          @Override
          public int read(byte[] b, int off, int len) throws InterruptedIOException {
            if (sent == CHUNKS * CHUNK) {
              return -1;
            }
            if (sent > 0) {
              try {
                Thread.sleep(PAUSE_MS); // the producer, not a synchronisation
              } catch (InterruptedException e) {
                throw new InterruptedIOException();
              }
            }
            int n = Math.min(len, CHUNK);
            Arrays.fill(b, off, off + n, (byte) 'x');
            sent += n;
            return n;
          }
        };
    return UploadFile.of(slow, CHUNKS * CHUNK, "slow.bin", "application/octet-stream");
  }

  @Test
  void aBlockingUploadLongerThanTheDeadlineGoesThrough() throws Exception {
    server.enqueue(json(200, ANSWER));

    UploadedImage image = uploads.uploadImage("d-1", slowFile(), Arrays.asList("c-1"), null);

    assertEquals("i-1", image.getImageId());
    assertReceivedTheWholeFile();
  }

  @Test
  void anAsyncUploadLongerThanTheDeadlineGoesThrough() throws Exception {
    server.enqueue(json(200, ANSWER));

    UploadedImage image =
        uploads
            .uploadImageAsync("d-1", slowFile(), Arrays.asList("c-1"), null)
            .get(10, TimeUnit.SECONDS);

    assertEquals("i-1", image.getImageId());
    assertReceivedTheWholeFile();
  }

  @Test
  void aCallWithoutAFileKeepsItsDeadline() {
    server.enqueue(
        json(200, Fixtures.USER_JSON).newBuilder().headersDelay(2, TimeUnit.SECONDS).build());

    OsaiIoException timedOut =
        assertThrows(OsaiIoException.class, () -> client.users().getCurrentUser());
    assertTrue(timedOut.getMessage().contains("timed out"), timedOut.getMessage());
  }

  void assertReceivedTheWholeFile() throws InterruptedException {
    server.takeRequest(); // sign-in
    RecordedRequest upload = server.takeRequest(5, TimeUnit.SECONDS);
    String body = upload.getBody().utf8();
    assertTrue(body.contains("x".repeat(CHUNKS * CHUNK)), "the whole file was sent");
  }
}
