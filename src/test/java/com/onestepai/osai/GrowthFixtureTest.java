package com.onestepai.osai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.growth.api.WidgetsApi;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Proof that the SDK grows with the spec: src/test/resources/growth/osai-growth-fixture.yaml is
 * osai.yaml plus one invented operation (tag Widgets: secured, a path parameter, a query
 * parameter, a JSON body and a JSON answer). The build generates it into test sources; this test
 * calls it through the same client machinery, against Prism serving the fixture, with no code
 * written for that operation: its accessor, both method forms, the JWT and the typed errors all
 * come from generation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrowthFixtureTest {
  static final Path FIXTURE = PrismServer.projectDir().resolve("src/test/resources/growth/osai-growth-fixture.yaml");
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
    contract = new SpecContract(FIXTURE, "com.onestepai.osai.growth.api",
        com.onestepai.osai.growth.api.OsaiApis.class,
        client -> (com.onestepai.osai.growth.api.OsaiApis) client::api, prism);
    assertTrue(contract.operations().containsKey("createWidgetRendition"), contract.operations().toString());
    return contract.tests();
  }

  /** The fixture stays osai.yaml plus the Widgets operation, so the proof tracks the real spec. */
  @Test
  void theFixtureIsTheSpecPlusOneOperation() {
    OpenAPI fixture = new OpenAPIV3Parser().read(FIXTURE.toString());
    OpenAPI spec = new OpenAPIV3Parser().read(SPEC.toString());
    fixture.getPaths().remove("/Widgets/{widgetId}/Renditions");
    fixture.getTags().removeIf(tag -> tag.getName().equals("Widgets"));
    fixture.getComponents().getSchemas().remove("RenditionRequest");
    fixture.getComponents().getSchemas().remove("Rendition");

    assertEquals(Yaml.pretty(spec), Yaml.pretty(fixture),
        "src/test/resources/growth/osai-growth-fixture.yaml must be openapi/osai.yaml plus the Widgets"
            + " operation: copy your change to osai.yaml into it");
  }

  @Test
  void theFixtureNeverReachesTheMainJar() {
    String location = WidgetsApi.class.getProtectionDomain().getCodeSource().getLocation().toString();
    assertTrue(location.endsWith("/test-classes/"), location);
  }
}
