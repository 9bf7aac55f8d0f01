package com.onestepai.osai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.growth31.api.LedgersApi;
import com.onestepai.osai.growth31.model.LedgerEntry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The OpenAPI 3.1 growth fixture (target/growth31/osai-growth31-fixture.yaml: osai.yaml plus
 * growth31/shapes-openapi31.yaml, a 3.1 document) against Prism serving it as written: the number
 * unions read in both forms System.Text.Json writes, the schema's {@code examples} and {@code
 * const} as Prism answers them, and no request of the SDK flagged by Prism's 3.1 validation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Growth31FixtureTest {
  static final Path FIXTURE =
      PrismServer.projectDir().resolve("target/growth31/osai-growth31-fixture.yaml");

  PrismServer prism;
  final List<String> violations = new CopyOnWriteArrayList<>();
  volatile String prefer;

  @BeforeAll
  void startPrism() throws Exception {
    prism = PrismServer.start(FIXTURE);
  }

  @AfterAll
  void stopPrism() {
    if (prism != null) {
      prism.close();
    }
  }

  OsaiClient client() {
    OkHttpClient recorder =
        new OkHttpClient.Builder()
            .addNetworkInterceptor(
                chain -> {
                  String example = prefer;
                  Response response =
                      chain.proceed(
                          example == null
                              ? chain.request()
                              : chain
                                  .request()
                                  .newBuilder()
                                  .header("Prefer", "example=" + example)
                                  .build());
                  String violation = response.header("sl-violations");
                  if (violation != null) {
                    violations.add(chain.request().url().encodedPath() + ": " + violation);
                  }
                  return response;
                })
            .build();
    return OsaiClient.builder()
        .accessToken("contract-test-access-token")
        .baseUrl(prism.url().toString())
        .okHttpClient(recorder)
        .maxRetries(0)
        .build();
  }

  LedgerEntry entry(String example) {
    prefer = example;
    try (OsaiClient client = client()) {
      return client.api(LedgersApi.class).getLedgerEntry(42L, 10);
    } finally {
      prefer = null;
    }
  }

  @Test
  void readsNumberUnionsSentAsJsonNumbers() {
    LedgerEntry entry = entry("asNumbers");

    assertEquals(Integer.valueOf(5), entry.getCount());
    assertEquals(Long.valueOf(9007199254740991L), entry.getTotal());
    assertEquals(Double.valueOf(0.875), entry.getRate());
    assertEquals(Float.valueOf(0.5f), entry.getRatio());
    assertEquals(0, new BigDecimal("12.3").compareTo(entry.getAmount()));
    assertNull(entry.getPreviousCount());
    assertEquals("ACME", entry.getCounterparty().getName());
    assertNull(entry.getParent());
    assertEquals(Arrays.asList(1, 2), entry.getLines());
    assertEquals(List.of(), violations, "Prism's sl-violations");
  }

  @Test
  void readsNumberUnionsSentAsStrings() {
    LedgerEntry entry = entry("asStrings");

    assertEquals(Integer.valueOf(5), entry.getCount());
    assertEquals(Long.valueOf(9007199254740993L), entry.getTotal());
    assertEquals(Double.valueOf(0.875), entry.getRate());
    assertEquals(Float.valueOf(0.5f), entry.getRatio());
    assertEquals(new BigDecimal("12.30"), entry.getAmount());
    assertEquals(Integer.valueOf(4), entry.getPreviousCount());
    assertNull(entry.getEntryId());
    assertNull(entry.getBookedAt());
    assertNull(entry.getCounterparty());
    assertEquals("Parent", entry.getParent().getName());
    assertEquals(Arrays.asList(1, 2), entry.getLines());
    assertEquals(List.of(), violations, "Prism's sl-violations");
  }

  @Test
  void writesABodyPrismAcceptsAndReadsWhatPrismMakesOfTheSchema() {
    LedgerEntry sent =
        LedgerEntry.builder()
            .count(5)
            .total(9007199254740991L)
            .amount(new BigDecimal("12.30"))
            .previousCount(null)
            .kind(LedgerEntry.KindEnum.LEDGER_ENTRY)
            .lines(Arrays.asList(1, 2))
            .build();
    LedgerEntry answered;
    try (OsaiClient client = client()) {
      answered = client.api(LedgersApi.class).putLedgerEntry(42L, sent);
    }

    // No example for this answer: Prism makes it from the schema, its examples and const (a
    // float with none gives -3.4e38 or so, beyond a Java float: the fixture gives one).
    assertEquals("EUR", answered.getCurrency());
    assertEquals(LedgerEntry.KindEnum.LEDGER_ENTRY, answered.getKind());
    assertTrue(answered.getCount() != null && answered.getTotal() != null, answered.toString());
    assertEquals(List.of(), violations, "Prism's sl-violations");
  }
}
