package com.onestepai.osai.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The names of operations without an operationId, and the interfaces of untagged operations. */
class OperationNamesTest {
  static Map<String, String> names(String... operations) {
    List<OperationNames.Operation> list = new ArrayList<>();
    for (String op : operations) {
      String[] parts = op.split(" ");
      list.add(
          new OperationNames.Operation(parts[0], parts[1], parts.length > 2 ? parts[2] : null));
    }
    Map<String, String> names = new LinkedHashMap<>();
    OperationNames.names(list).forEach(names::put);
    return names;
  }

  static String name(String operation) {
    return names(operation).values().iterator().next();
  }

  @Test
  void actionsAreTheirLastSegment() {
    assertEquals("startUploading", name("POST /Datasets/{id}/StartUploading"));
    assertEquals("signIn", name("POST /api/Users/SignIn"));
    assertEquals("export", name("GET /api/v2/Reports/{reportId}/Export"));
    assertEquals("resetPassword", name("POST /api/v1.0/users/reset-password"));
  }

  @Test
  void plainCrudIsTheResourceNamedByTheMethod() {
    assertEquals("getDatasets", name("GET /api/v1/Datasets"));
    assertEquals("getDataset", name("GET /api/v1/Datasets/{id}"));
    assertEquals("createDataset", name("POST /api/v1/Datasets"));
    assertEquals("updateDataset", name("PUT /api/v1/Datasets/{id}"));
    assertEquals("patchDataset", name("PATCH /api/v1/Datasets/{id}"));
    assertEquals("deleteDataset", name("DELETE /api/v1/Datasets/{id}"));
    assertEquals("getCategory", name("GET /Categories/{categoryId}"));
    assertEquals("getStatus", name("GET /api/v{version}/System/Status"));
    assertEquals("createImage", name("POST /Datasets/{datasetId}/Images"));
    assertEquals("getRoot", name("GET /"));
    assertEquals("getIndexer", name("GET /api/v1/indexer/{id}"));
  }

  @Test
  void collisionsTakeTheLongerFormsInPathOrder() {
    Map<String, String> names =
        names(
            "GET /Images",
            "GET /Datasets/{datasetId}/Images",
            "GET /Items/{id}",
            "GET /Items/{id}/{revision}",
            "POST /Users/Register registerUser",
            "POST /Accounts/Register",
            "GET /a/Things",
            "GET /b/Things");
    assertEquals("getImages", names.get("GET /Images"));
    assertEquals("getDatasetImages", names.get("GET /Datasets/{datasetId}/Images"));
    assertEquals("getItemById", names.get("GET /Items/{id}"));
    assertEquals("getItemByIdAndRevision", names.get("GET /Items/{id}/{revision}"));
    // A declared name never moves; a derived one beside it does.
    assertEquals("registerUser", names.get("POST /Users/Register"));
    assertEquals("register", names.get("POST /Accounts/Register"));
    assertEquals("getAThings", names.get("GET /a/Things"));
    assertEquals("getBThings", names.get("GET /b/Things"));

    Map<String, String> numbered =
        names("GET /x/Things", "GET /x/Things/", "PUT /Things getThings");
    assertEquals("getXThings", numbered.get("GET /x/Things"));
    assertEquals("getXThings2", numbered.get("GET /x/Things/"));
  }

  @Test
  void theNamesDoNotDependOnTheDocumentOrder() {
    String[] ops = {"GET /x/Things", "GET /x/Things/", "GET /Images", "GET /A/Images"};
    Map<String, String> forward = names(ops);
    List<String> reversed = new ArrayList<>(List.of(ops));
    Collections.reverse(reversed);
    assertEquals(
        new java.util.TreeMap<>(forward),
        new java.util.TreeMap<>(names(reversed.toArray(new String[0]))));
    assertEquals("getXThings", forward.get("GET /x/Things"));
    assertEquals("getXThings2", forward.get("GET /x/Things/"));
  }

  @Test
  void javaKeywordsAreNeverNames() {
    assertEquals("postImport", name("POST /Datasets/{id}/Import"));
  }

  @Test
  void applyWritesNamesAndTheDefaultTagAndDropsApiFromTags() throws Exception {
    YAMLMapper yaml = new YAMLMapper();
    ObjectNode spec =
        (ObjectNode)
            yaml.readTree(
                "openapi: 3.0.3\n"
                    + "tags: [{name: WeatherApi}]\n"
                    + "paths:\n"
                    + "  /api/v1/WeatherForecast:\n"
                    + "    get: {tags: [WeatherApi], responses: {'200': {description: ok}}}\n"
                    + "  /health:\n"
                    + "    get: {operationId: health, responses: {'200': {description: ok}}}\n");

    assertTrue(OperationNames.apply(spec));

    assertEquals(
        "getWeatherForecast",
        spec.at("/paths/~1api~1v1~1WeatherForecast/get/operationId").asText());
    assertEquals("Weather", spec.at("/paths/~1api~1v1~1WeatherForecast/get/tags/0").asText());
    assertEquals("Weather", spec.at("/tags/0/name").asText());
    assertEquals("health", spec.at("/paths/~1health/get/operationId").asText());
    assertEquals(OperationNames.DEFAULT_TAG, spec.at("/paths/~1health/get/tags/0").asText());
    assertEquals(OperationNames.DEFAULT_TAG, spec.at("/tags/1/name").asText());
    assertFalse(OperationNames.apply(spec), "a second pass changes nothing");
  }
}
