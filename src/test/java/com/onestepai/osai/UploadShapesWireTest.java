package com.onestepai.osai;

import static com.onestepai.osai.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.growth.api.UploadsApi;
import com.onestepai.osai.growth.model.UploadedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Row 13 of the README's OpenAPI shapes on the wire, through the generated {@code UploadsApi} of
 * the growth fixture (src/test/resources/growth/shapes-uploads.yaml): a multipart/form-data upload
 * of a file, an array field and a scalar field.
 */
class UploadShapesWireTest extends SignedInWireTest {
  static final String ANSWER = "{\"imageId\":\"i-1\",\"size\":4}";

  UploadsApi uploads;

  @BeforeEach
  void api() {
    uploads = client.api(UploadsApi.class);
  }

  static String boundary(RecordedRequest request) {
    MediaType type = MediaType.get(request.getHeaders().get("Content-Type"));
    assertEquals("multipart", type.type());
    assertEquals("form-data", type.subtype());
    String boundary = type.parameter("boundary");
    assertTrue(boundary != null && !boundary.isEmpty());
    return boundary;
  }

  static String filePart(String boundary, String filename, String type, String content) {
    return "--"
        + boundary
        + "\r\n"
        + "Content-Disposition: form-data; name=\"file\"; filename=\""
        + filename
        + "\"\r\n"
        + "Content-Type: "
        + type
        + "\r\n"
        + "\r\n"
        + (content == null ? "" : content)
        + "\r\n";
  }

  static String textPart(String boundary, String name, String value) {
    return "--"
        + boundary
        + "\r\n"
        + "Content-Disposition: form-data; name=\""
        + name
        + "\"\r\n"
        + "Content-Transfer-Encoding: binary\r\n"
        + "Content-Type: text/plain; charset=utf-8\r\n"
        + "\r\n"
        + value
        + "\r\n";
  }

  @Test
  void theMultipartBytesOnTheWire() throws Exception {
    server.enqueue(json(200, ANSWER));

    UploadedImage image =
        uploads.uploadImage(
            "d 1",
            UploadFile.of("PNG!".getBytes(StandardCharsets.US_ASCII), "cat.png", "image/png"),
            Arrays.asList("c-1", "c-2"),
            "first shot é");

    assertEquals("i-1", image.getImageId());
    assertEquals(4L, image.getSize());
    RecordedRequest request = takeCall();
    assertEquals("POST", request.getMethod());
    assertEquals("/api/Uploads/d%201/Images", request.getTarget());
    assertEquals("Bearer " + OsaiClientWireTest.JWT, request.getHeaders().get("Authorization"));
    String boundary = boundary(request);
    String expected =
        filePart(boundary, "cat.png", "image/png", "PNG!")
            + textPart(boundary, "categoryIds", "c-1")
            + textPart(boundary, "categoryIds", "c-2")
            + textPart(boundary, "note", "first shot é")
            + "--"
            + boundary
            + "--\r\n";
    assertEquals(expected, request.getBody().utf8());
    assertEquals(
        String.valueOf(expected.getBytes(StandardCharsets.UTF_8).length),
        request.getHeaders().get("Content-Length"));
  }

  @Test
  void aFileOnDiskGivesItsNameAndAGuessedTypeAndAnAbsentFieldIsNoPart() throws Exception {
    server.enqueue(json(200, ANSWER));
    File dir = Files.createTempDirectory("upload").toFile();
    File file = new File(dir, "photo.png");
    Files.write(file.toPath(), new byte[] {1, 2, 3});
    try {
      uploads
          .uploadImageAsync("d-1", UploadFile.of(file), Arrays.asList("c-1"), null)
          .get(10, TimeUnit.SECONDS);
    } finally {
      assertTrue(file.delete() && dir.delete());
    }

    RecordedRequest request = takeCall();
    String boundary = boundary(request);
    String body = request.getBody().string(StandardCharsets.ISO_8859_1);
    assertEquals(
        filePart(boundary, "photo.png", "image/png", "\u0001\u0002\u0003")
            + textPart(boundary, "categoryIds", "c-1")
            + "--"
            + boundary
            + "--\r\n",
        body);
  }

  @Test
  void progressIsToldAsTheBytesGoOut() throws Exception {
    server.enqueue(json(200, ANSWER));
    List<String> progress = new CopyOnWriteArrayList<>();
    UploadFile plain = UploadFile.of(new byte[20_000], "big.bin", "application/octet-stream");
    UploadFile withProgress = plain.withProgress((sent, total) -> progress.add(sent + "/" + total));

    uploads.uploadImage("d-1", withProgress, Arrays.asList("c-1"), null);

    assertEquals(Arrays.asList("0/20000", "8192/20000", "16384/20000", "20000/20000"), progress);
    assertEquals(20_000, withProgress.contentLength());
    assertEquals("big.bin", withProgress.filename());
    assertFalse(withProgress.isOneShot());
    assertEquals("UploadFile{big.bin, application/octet-stream, 20000 bytes}", plain.toString());
    assertTrue(takeCall().getBody().size() > 20_000);
  }

  @Test
  void aStreamOfUnknownLengthIsSentChunkedAndOnce() throws Exception {
    server.enqueue(json(200, ANSWER));
    List<String> progress = new CopyOnWriteArrayList<>();
    UploadFile stream =
        UploadFile.of(
                new ByteArrayInputStream("STREAMED".getBytes(StandardCharsets.US_ASCII)),
                -1,
                "s.txt",
                "text/plain")
            .withProgress((sent, total) -> progress.add(sent + "/" + total));
    assertTrue(stream.isOneShot());

    uploads.uploadImage("d-1", stream, Arrays.asList("c-1"), null);

    RecordedRequest request = takeCall();
    assertEquals("chunked", request.getHeaders().get("Transfer-Encoding"));
    assertNull(request.getHeaders().get("Content-Length"));
    String boundary = boundary(request);
    assertEquals(
        "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\"s.txt\"\r\n"
            + "Content-Type: text/plain\r\n"
            + "\r\n"
            + "STREAMED\r\n"
            + textPart(boundary, "categoryIds", "c-1")
            + "--"
            + boundary
            + "--\r\n",
        request.getBody().utf8());
    assertEquals(Arrays.asList("0/-1", "8/-1"), progress);

    // Sent once: a second call with the same stream fails without reading it again.
    OsaiIoException again =
        assertThrows(
            OsaiIoException.class,
            () -> uploads.uploadImage("d-1", stream, Arrays.asList("c-1"), null));
    assertTrue(again.getMessage().contains("can be sent once"), again.getMessage());
  }

  @Test
  void bodyLoggingLeavesTheUploadOut() throws Exception {
    client.close();
    client = client(builder -> builder.logLevel(LogLevel.BODY).logger(logLines::add));
    uploads = client.api(UploadsApi.class);
    server.enqueue(json(200, ANSWER));

    uploads.uploadImage(
        "d-1",
        UploadFile.of("SECRET-PIXELS".getBytes(StandardCharsets.US_ASCII), "a.png", "image/png"),
        Arrays.asList("c-1"),
        "a note");

    takeCall();
    String log = String.join("\n", logLines);
    assertTrue(log.contains("--> body not logged (a multipart upload, streamed)"), log);
    assertFalse(log.contains("SECRET-PIXELS"), log);
    assertFalse(log.contains("a note"), log);
  }

  @Test
  void factoriesRefuseBadArguments() {
    assertThrows(
        IllegalArgumentException.class, () -> UploadFile.of(new byte[0], "a", "not a type"));
    assertThrows(
        IllegalArgumentException.class,
        () -> UploadFile.of(new ByteArrayInputStream(new byte[0]), -2, "a", "image/png"));
    assertThrows(IllegalArgumentException.class, () -> UploadFile.of(new File("no/such/file")));
  }
}
