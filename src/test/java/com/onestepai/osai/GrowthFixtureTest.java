package com.onestepai.osai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.build.GrowthFixtureSpec;
import com.onestepai.osai.build.OperationNames;
import com.onestepai.osai.growth.api.WidgetsApi;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Proof that the SDK grows with the spec: target/growth/osai-growth-fixture.yaml is osai.yaml plus
 * one invented operation from src/test/resources/growth/widgets.yaml (tag Widgets: secured, a path
 * parameter, a query parameter, a JSON body and a JSON answer), merged by {@link
 * GrowthFixtureSpec}. The build generates it into test sources; this test calls it through the same
 * client machinery, against Prism serving the fixture, with no code written for that operation: its
 * accessor, both method forms, the JWT and the typed errors all come from generation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrowthFixtureTest {
  static final Path FIXTURE =
      PrismServer.projectDir().resolve("target/growth/osai-growth-fixture.yaml");
  static final Path SPEC = PrismServer.projectDir().resolve("openapi/osai.yaml");

  PrismServer prism;
  SpecContract contract;

  @BeforeAll
  void startPrism() throws Exception {
    prism = PrismServer.start(FIXTURE);
  }

  @AfterAll
  void stopPrism() {
    if (contract != null) {
      contract.close();
    }
    if (prism != null) {
      prism.close();
    }
  }

  @TestFactory
  List<DynamicTest> theInventedOperationWorksLikeEveryOther() {
    contract =
        new SpecContract(
            FIXTURE,
            "com.onestepai.osai.growth.api",
            com.onestepai.osai.growth.api.OsaiApis.class,
            client -> (com.onestepai.osai.growth.api.OsaiApis) client::api,
            prism);
    assertTrue(
        contract.operations().containsKey("createWidgetRendition"),
        contract.operations().toString());
    return contract.tests();
  }

  /**
   * The fixture is the whole spec plus the fragments' operations: the proof tracks the real API.
   */
  @Test
  void theFixtureIsTheSpecPlusTheFragmentsOperations() throws Exception {
    Map<String, String> fixture = operations(new OpenAPIV3Parser().read(FIXTURE.toString()));
    // The fragments' operations as written (some without operationId, as Swashbuckle writes
    // them), named as the generator names them.
    com.fasterxml.jackson.dataformat.yaml.YAMLMapper yaml =
        new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();
    List<OperationNames.Operation> written =
        new java.util.ArrayList<>(OperationNames.operations(yaml.readTree(SPEC.toFile())));
    for (Path fragment :
        GrowthFixtureSpec.fragments(
            PrismServer.projectDir().resolve("src/test/resources/growth"))) {
      written.addAll(OperationNames.operations(yaml.readTree(fragment.toFile())));
    }
    Map<String, String> expected = new TreeMap<>();
    OperationNames.names(written).forEach((operation, name) -> expected.put(name, operation));

    assertEquals("POST /Widgets/{widgetId}/Renditions", fixture.get("createWidgetRendition"));
    assertEquals("POST /api/v1/AspNet/{datasetId}/UploadImages", fixture.get("uploadImages"));
    assertEquals("GET /api/v1/AspNet/Orders", fixture.get("getOrders"));
    assertEquals(expected, fixture);
  }

  private static Map<String, String> operations(OpenAPI api) {
    Map<String, String> operations = new TreeMap<>();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, op) -> operations.put(op.getOperationId(), method + " " + path)));
    return operations;
  }

  @Test
  void theFixtureNeverReachesTheMainJar() {
    String location =
        WidgetsApi.class.getProtectionDomain().getCodeSource().getLocation().toString();
    assertTrue(location.endsWith("/test-classes/"), location);
  }
}
