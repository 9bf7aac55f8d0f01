package com.onestepai.osai;

import static com.onestepai.osai.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.onestepai.osai.model.Category;
import com.onestepai.osai.model.CreateCategoryRequest;
import com.onestepai.osai.model.CreateDatasetRequest;
import com.onestepai.osai.model.Dataset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * The dataset calls the vendor documents (createDataset, createCategory, startUploading,
 * finishUploading) on the wire: the exact bytes sent, the values read, and what the server sends
 * beyond the docs, readable.
 */
class DatasetsWireTest extends SignedInWireTest {
  @Test
  void createDatasetSendsItsNameAndReadsTheIdAndWhatElseComes() throws Exception {
    server.enqueue(
        json(
            200,
            "{\"id\":\"d-1\",\"name\":\"Cats\",\"imageCount\":0,\"createdAt\":\"2024-05-01\"}"));

    Dataset dataset =
        client.datasets().createDataset(CreateDatasetRequest.builder().name("Cats").build());

    RecordedRequest call = takeCall();
    assertEquals("POST", call.getMethod());
    assertEquals("/api/Datasets", call.getTarget());
    assertEquals("application/json", call.getHeaders().get("Content-Type"));
    assertEquals("{\"name\":\"Cats\"}", call.getBody().utf8());
    assertEquals("d-1", dataset.getId());
    Map<String, Object> more = new LinkedHashMap<>();
    more.put("name", "Cats");
    more.put("imageCount", 0L);
    more.put("createdAt", "2024-05-01");
    assertEquals(more, dataset.getAdditionalProperties());
  }

  @Test
  void aDatasetIdSentAsANumberReadsAsItsText() {
    server.enqueue(json(200, "{\"id\":42}"));

    assertEquals(
        "42",
        client.datasets().createDataset(CreateDatasetRequest.builder().name("n").build()).getId());
  }

  @Test
  void createCategorySendsDatasetAndNameAndReadsTheIdAndWhatElseComes() throws Exception {
    server.enqueue(
        json(200, "{\"id\":\"c-1\",\"datasetId\":\"d-1\",\"name\":\"cat\",\"color\":\"#ff0000\"}"));

    Category category =
        client
            .categories()
            .createCategoryAsync(
                CreateCategoryRequest.builder().datasetId("d-1").name("cat").build())
            .get(5, TimeUnit.SECONDS);

    RecordedRequest call = takeCall();
    assertEquals("POST /api/Categories", call.getMethod() + " " + call.getTarget());
    assertEquals("{\"datasetId\":\"d-1\",\"name\":\"cat\"}", call.getBody().utf8());
    assertEquals("c-1", category.getId());
    assertEquals("d-1", category.getDatasetId());
    assertEquals("#ff0000", category.getAdditionalProperties().get("color"));
  }

  @Test
  void aCategoryWithoutTheAssumedPropertiesStillReads() {
    server.enqueue(json(200, "{\"categoryId\":7}"));

    Category category =
        client
            .categories()
            .createCategory(CreateCategoryRequest.builder().datasetId("d").name("n").build());

    assertNull(category.getId());
    assertEquals(7L, category.getAdditionalProperties().get("categoryId"));
  }

  @Test
  void startUploadingSendsAnEmptyPostAndReadsTheIdFromAJsonString() throws Exception {
    server.enqueue(json(200, "\"u-1\""));

    assertEquals("u-1", client.datasets().startUploading("d 1"));

    RecordedRequest call = takeCall();
    assertEquals(
        "POST /api/Datasets/d%201/StartUploading", call.getMethod() + " " + call.getTarget());
    assertEquals(0, call.getBodySize());
    assertEquals("Bearer " + OsaiClientWireTest.JWT, call.getHeaders().get("Authorization"));
  }

  @Test
  void startUploadingReadsTheIdFromAJsonNumber() {
    server.enqueue(json(200, "9007199254740993"));

    assertEquals("9007199254740993", client.datasets().startUploading("d-1"));
  }

  @Test
  void finishUploadingSendsTheUploadIdAndIgnoresAnyBody() throws Exception {
    server.enqueue(json(200, "{\"whatever\":true}"));
    server.enqueue(new MockResponse.Builder().code(200).build());

    assertNull(client.datasets().finishUploading("d-1", "u 1"));
    assertNull(client.datasets().finishUploadingAsync("d-1", "u-2").get(5, TimeUnit.SECONDS));

    RecordedRequest call = takeCall();
    assertEquals(
        "POST /api/Datasets/d-1/FinishUploading?datasetUploadId=u%201",
        call.getMethod() + " " + call.getTarget());
    assertEquals(0, call.getBodySize());
    assertEquals(
        "/api/Datasets/d-1/FinishUploading?datasetUploadId=u-2", server.takeRequest().getTarget());
  }

  @Test
  void aRefusedCallIsItsTypedException() {
    server.enqueue(
        new MockResponse.Builder()
            .code(400)
            .addHeader("Content-Type", "application/problem+json")
            .body("{\"title\":\"The dataset is locked\",\"status\":400}")
            .build());

    BadRequestException refused =
        assertThrows(BadRequestException.class, () -> client.datasets().startUploading("d-1"));
    assertEquals("The dataset is locked", refused.problem().title());
  }

  @Test
  void finishUploadingIsRetriedOnceSentButStartAndCreateAreNot() throws Exception {
    try (OsaiClient retrying =
        OsaiClient.builder()
            .accessToken(Fixtures.TOKEN)
            .baseUrl(server.url("/api").toString())
            .maxRetries(2)
            .build()) {
      // finishUploading (x-osai-idempotent): 503, then 200.
      server.enqueue(Fixtures.status(503, "Retry-After", "0"));
      server.enqueue(new MockResponse.Builder().code(200).build());
      assertNull(retrying.datasets().finishUploading("d-1", "u-1"));
      // startUploading and createDataset: one 503 each, given back, not repeated.
      server.enqueue(Fixtures.status(503, "Retry-After", "0"));
      assertThrows(OsaiServiceException.class, () -> retrying.datasets().startUploading("d-1"));
      server.enqueue(Fixtures.status(503, "Retry-After", "0"));
      assertThrows(
          OsaiServiceException.class,
          () ->
              retrying.datasets().createDataset(CreateDatasetRequest.builder().name("n").build()));
    }

    RecordedRequest first = takeCall(); // after the retrying client's sign-in
    List<String> seen = new ArrayList<>();
    seen.add(first.getMethod() + " " + first.getTarget());
    for (RecordedRequest r; (r = server.takeRequest(1, TimeUnit.SECONDS)) != null; ) {
      seen.add(r.getMethod() + " " + r.getTarget());
    }
    assertEquals(
        List.of(
            "POST /api/Datasets/d-1/FinishUploading?datasetUploadId=u-1",
            "POST /api/Datasets/d-1/FinishUploading?datasetUploadId=u-1",
            "POST /api/Datasets/d-1/StartUploading",
            "POST /api/Datasets"),
        seen);
  }
}
