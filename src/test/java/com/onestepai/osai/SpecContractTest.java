package com.onestepai.osai;

import com.onestepai.osai.api.OsaiApis;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of openapi/osai.yaml, through the generated methods and accessors, against Prism
 * serving the same file. Nothing here names an operation: the spec drives it (see {@link
 * SpecContract}).
 */
@ExtendWith(PrismExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpecContractTest {
  SpecContract contract;

  @TestFactory
  List<DynamicTest> everyOperationOfTheSpec(PrismServer prism) {
    contract =
        new SpecContract(
            PrismServer.projectDir().resolve("openapi/osai.yaml"),
            "com.onestepai.osai.api",
            OsaiApis.class,
            client -> client,
            prism);
    return contract.tests();
  }

  @AfterAll
  void close() {
    if (contract != null) {
      contract.close();
    }
  }
}
