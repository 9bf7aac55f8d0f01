package com.onestepai.osai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The corpus of real documents (src/test/resources/corpus, see its README) through the SDK: each
 * document, merged into a copy of osai.yaml and generated into its own test package by the build,
 * is served by Prism as written (target/corpus/NAME.yaml) and called through the generated
 * interfaces. Per document, the shapes it has: a paging wrapper, a download, number unions, a date,
 * an enum, a problem-details error, a 204. No request may draw a Prism violation.
 */
class CorpusTest {
  static Path corpus(String name) {
    return PrismServer.projectDir().resolve("target/corpus/" + name + ".yaml");
  }

  /** Prism serving one corpus document, and a client of it that records Prism's violations. */
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  abstract static class AgainstPrism {
    PrismServer prism;
    OsaiClient client;
    final List<String> violations = new CopyOnWriteArrayList<>();
    volatile String prefer;

    abstract String document();

    @BeforeAll
    void start() throws Exception {
      prism = PrismServer.start(corpus(document()));
      OkHttpClient recorder =
          new OkHttpClient.Builder()
              .addNetworkInterceptor(
                  chain -> {
                    Request request = chain.request();
                    if (prefer != null) {
                      request = request.newBuilder().header("Prefer", prefer).build();
                    }
                    Response response = chain.proceed(request);
                    String violation = response.header("sl-violations");
                    if (violation != null) {
                      violations.add(request.url().encodedPath() + ": " + violation);
                    }
                    return response;
                  })
              .build();
      client =
          OsaiClient.builder()
              .accessToken("contract-test-access-token")
              .baseUrl(prism.url().toString())
              .okHttpClient(recorder)
              .maxRetries(0)
              .build();
    }

    @AfterEach
    void noViolations() {
      prefer = null;
      List<String> seen = List.copyOf(violations);
      violations.clear();
      assertEquals(List.of(), seen, "Prism's sl-violations");
    }

    /**
     * Takes the one violation Prism reports of its own answer for eShop's picture: it makes the
     * {@code image/*} body from a {@code type: string, format: byte} schema and then finds it does
     * not match that format. A defect of the document (base64 text is no image) and of Prism, not
     * of the request.
     */
    void takePrismsOwnByteFormatViolation() {
      assertEquals(1, violations.size(), violations.toString());
      assertTrue(
          violations.get(0).contains("\"location\":[\"response\",\"body\"]")
              && violations.get(0).contains("format \\\"byte\\\""),
          violations.toString());
      violations.clear();
    }

    @AfterAll
    void stop() {
      if (client != null) {
        client.close();
      }
      if (prism != null) {
        prism.close();
      }
    }
  }

  /** dotnet/eShop Catalog.API, Microsoft.AspNetCore.OpenApi 10, OpenAPI 3.1.1. */
  @Nested
  class EshopCatalogV1 extends AgainstPrism {
    @Override
    String document() {
      return "eshop-catalog-v1";
    }

    com.onestepai.osai.corpus.eshopcatalogv1.api.ItemsApi items() {
      return client.api(com.onestepai.osai.corpus.eshopcatalogv1.api.ItemsApi.class);
    }

    @Test
    void aPagingWrapperOfItemsWithNumberUnions() {
      com.onestepai.osai.corpus.eshopcatalogv1.model.PaginatedItemsOfCatalogItem page =
          items().listItems("1.0", 10, 0);

      // pageIndex, pageSize (int32) and count (int64) are [integer, string] unions: numbers here.
      assertNotNull(page.getPageIndex());
      assertNotNull(page.getPageSize());
      assertNotNull(page.getCount());
      assertNotNull(page.getData());
    }

    @Test
    void anItemWithNullableReferencesAndADecimalPrice() {
      com.onestepai.osai.corpus.eshopcatalogv1.model.CatalogItem item = items().getItem(1, "1.0");

      assertNotNull(item.getName());
      Double price = item.getPrice(); // [number, string], format double
      assertNotNull(price);
    }

    @Test
    void aPictureIsADownload() throws Exception {
      try (ResponseBody picture = items().getItemPicture(1, "1.0")) {
        assertNotNull(picture.contentType());
        assertTrue(picture.bytes().length > 0);
      }
      takePrismsOwnByteFormatViolation();
    }

    @Test
    void aValidationProblemIsABadRequestWithItsProblem() {
      prefer = "code=400";

      BadRequestException thrown =
          assertThrows(BadRequestException.class, () -> items().getItem(1, "1.0"));
      assertEquals(400, thrown.statusCode());
      // Prism makes the ProblemDetails from its 3.1 schema: every ["null", X] member null, so
      // there is nothing for problem() to hold; its members are in the body.
      assertTrue(
          thrown.body().contains("\"status\"") && thrown.body().contains("\"title\""),
          thrown.body());
    }

    @Test
    void a204IsNull() {
      assertNull(
          client
              .api(com.onestepai.osai.corpus.eshopcatalogv1.api.CatalogApi.class)
              .deleteItem(1, "1.0"));
    }
  }

  /** The same service a release earlier: Microsoft.AspNetCore.OpenApi 9, OpenAPI 3.0.1. */
  @Nested
  class EshopCatalogV1Net9 extends AgainstPrism {
    @Override
    String document() {
      return "eshop-catalog-v1-net9";
    }

    @Test
    void aPagingWrapperOfItems() {
      com.onestepai.osai.corpus.eshopcatalogv1net9.model.PaginatedItemsOfCatalogItem page =
          client
              .api(com.onestepai.osai.corpus.eshopcatalogv1net9.api.ItemsApi.class)
              .listItems("1.0", 10, 0);

      assertNotNull(page.getCount());
      assertNotNull(page.getData());
    }
  }

  /** dotnet/eShop Catalog.API, API version 2, Microsoft.AspNetCore.OpenApi 10, OpenAPI 3.1.1. */
  @Nested
  class EshopCatalogV2 extends AgainstPrism {
    @Override
    String document() {
      return "eshop-catalog-v2";
    }

    @Test
    void anItemAndItsPicture() throws Exception {
      com.onestepai.osai.corpus.eshopcatalogv2.api.ItemsApi items =
          client.api(com.onestepai.osai.corpus.eshopcatalogv2.api.ItemsApi.class);

      assertNotNull(items.getItem(1, "2.0").getName());
      try (ResponseBody picture = items.getItemPicture(1, "2.0")) {
        assertNotNull(picture.contentType());
      }
      takePrismsOwnByteFormatViolation();
    }
  }

  /** Swashbuckle 10's TodoApp sample (test/WebSites/TodoApp), OpenAPI 3.0.4. */
  @Nested
  class SwashbuckleTodoApp extends AgainstPrism {
    static final UUID ID = UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6");

    @Override
    String document() {
      return "swashbuckle-todoapp";
    }

    com.onestepai.osai.corpus.swashbuckletodoapp.api.TodoAppApi todos() {
      return client.api(com.onestepai.osai.corpus.swashbuckletodoapp.api.TodoAppApi.class);
    }

    @Test
    void aListWrapperWithDatesAndAnEnum() {
      com.onestepai.osai.corpus.swashbuckletodoapp.model.TodoListViewModel list =
          todos().listTodos();

      assertNotNull(list.getItems());
      assertTrue(!list.getItems().isEmpty(), list.toString());
      com.onestepai.osai.corpus.swashbuckletodoapp.model.TodoItemModel item =
          list.getItems().get(0);
      OffsetDateTime createdAt = item.getCreatedAt();
      assertNotNull(createdAt);
      assertNotNull(item.getPriority());
      assertTrue(item.getPriority().isKnown(), item.getPriority().toString());
    }

    @Test
    void aDateQueryParameter() {
      assertNotNull(todos().getAfterDate(OffsetDateTime.parse("2024-05-01T08:30:00+02:00")));
    }

    @Test
    void a204IsNull() {
      assertNull(todos().completeTodo(ID));
    }

    @Test
    void aProblemDetailsNotFound() {
      prefer = "code=404";

      NotFoundException thrown = assertThrows(NotFoundException.class, () -> todos().getTodo(ID));
      assertNotNull(thrown.problem(), thrown.body());
    }
  }

  /**
   * Swashbuckle 10's Basic sample (test/WebSites/Basic), OpenAPI 3.0.4: 35 operations, most without
   * an operationId (the build derives their names), the three JSON media types, multipart uploads.
   */
  @Nested
  class SwashbuckleBasic extends AgainstPrism {
    @Override
    String document() {
      return "swashbuckle-basic";
    }

    @Test
    void anUploadWithADerivedName() {
      assertNull(
          client
              .api(com.onestepai.osai.corpus.swashbucklebasic.api.FilesApi.class)
              .createSingle(
                  UploadFile.of(
                      "a receipt".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                      "receipt.txt",
                      "text/plain")));
    }

    @Test
    void aProductWithAnIntegerEnumSentAndRead() {
      com.onestepai.osai.corpus.swashbucklebasic.api.CrudActionsApi products =
          client.api(com.onestepai.osai.corpus.swashbucklebasic.api.CrudActionsApi.class);

      // Prism validates the body against the document: the enum goes as its number.
      assertNotNull(products.getProduct(1));
      assertNotNull(
          products.createProduct(
              com.onestepai.osai.corpus.swashbucklebasic.model.Product.builder()
                  .description("A product")
                  .status(com.onestepai.osai.corpus.swashbucklebasic.model.ProductStatus.NUMBER_1)
                  .price(9.5)
                  .build()));
    }
  }

  /** NSwag 14's .NET 10 sample (src/NSwag.Sample.NET100), OpenAPI 3.0.0. */
  @Nested
  class NswagSample extends AgainstPrism {
    @Override
    String document() {
      return "nswag-sample-net100";
    }

    com.onestepai.osai.corpus.nswagsamplenet100.api.ValuesApi values() {
      return client.api(com.onestepai.osai.corpus.nswagsamplenet100.api.ValuesApi.class);
    }

    @Test
    void anEnumAnswer() {
      com.onestepai.osai.corpus.nswagsamplenet100.model.TestEnum answer = values().valuesGet(1);

      assertTrue(answer.isKnown(), answer.toString());
    }

    @Test
    void a204IsNull() {
      assertNull(values().valuesDelete(1));
    }
  }
}
