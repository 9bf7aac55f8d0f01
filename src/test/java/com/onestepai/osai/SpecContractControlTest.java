package com.onestepai.osai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.onestepai.osai.api.OsaiApis;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SpecContract's control (a request that breaks the spec is reported) does not depend on the spec's
 * order: with a GET-only operation first, as Swashbuckle sorts paths by controller name, it still
 * finds an operation that takes a JSON object and sends it a number.
 */
class SpecContractControlTest {
  @TempDir Path dir;

  @Test
  void theControlPicksAnOperationByItsShapeNotItsPosition() throws Throwable {
    YAMLMapper yaml = new YAMLMapper();
    ObjectNode spec =
        (ObjectNode) yaml.readTree(PrismServer.projectDir().resolve("openapi/osai.yaml").toFile());
    ObjectNode paths = yaml.createObjectNode();
    ObjectNode first = paths.putObject("/Aaa/Status").putObject("get");
    first.putArray("tags").add("Users");
    first.put("operationId", "getAaaStatus").put("summary", "S").put("description", "D.");
    first.putObject("responses").putObject("204").put("description", "Up.");
    paths.setAll((ObjectNode) spec.get("paths"));
    spec.set("paths", paths);
    Path copy = dir.resolve("osai-get-first.yaml");
    yaml.writeValue(copy.toFile(), spec);

    try (PrismServer prism = PrismServer.start(copy);
        SpecContract contract =
            new SpecContract(copy, "com.onestepai.osai.api", OsaiApis.class, c -> c, prism)) {
      contract.tests().get(0).getExecutable().execute();
    }
  }
}
