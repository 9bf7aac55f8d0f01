package com.onestepai.osai;

import static com.onestepai.osai.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.growth31.api.LedgersApi;
import com.onestepai.osai.growth31.model.LedgerEntry;
import com.onestepai.osai.growth31.model.LedgerParty;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI 3.1 forms ASP.NET Core 10 writes (fragment growth31/shapes-openapi31.yaml, a 3.1
 * document) on the wire: number unions read from a JSON number or a string holding one and written
 * as numbers, {@code ["null", X]} and oneOf/anyOf-with-null properties read as null, {@code const}
 * as its value, number-union parameters as their text, a {@code contentMediaType} file as a part.
 */
class OpenApi31ShapesWireTest extends SignedInWireTest {
  static final long ABOVE_2_POW_53 = 9007199254740993L;

  LedgersApi ledgers;

  @BeforeEach
  void api() {
    ledgers = client.api(LedgersApi.class);
  }

  LedgerEntry answer(String body) {
    server.enqueue(json(200, body));
    return ledgers.getLedgerEntry(42L);
  }

  @Test
  void readsNumberUnionsFromJsonNumbers() {
    LedgerEntry entry =
        answer(
            "{\"count\":5,\"total\":9007199254740993,\"rate\":0.875,\"ratio\":0.5,"
                + "\"amount\":12.30,\"previousCount\":4,\"kind\":\"ledger-entry\","
                + "\"lines\":[1,2]}");

    assertEquals(Integer.valueOf(5), entry.getCount());
    assertEquals(Long.valueOf(ABOVE_2_POW_53), entry.getTotal());
    assertEquals(Double.valueOf(0.875), entry.getRate());
    assertEquals(Float.valueOf(0.5f), entry.getRatio());
    assertEquals(new BigDecimal("12.30"), entry.getAmount());
    assertEquals(Integer.valueOf(4), entry.getPreviousCount());
    assertEquals(LedgerEntry.KindEnum.LEDGER_ENTRY, entry.getKind());
    assertEquals(Arrays.asList(1, 2), entry.getLines());
  }

  @Test
  void readsNumberUnionsFromStringsHoldingNumbers() {
    LedgerEntry entry =
        answer(
            "{\"count\":\"5\",\"total\":\"9007199254740993\",\"rate\":\"0.875\",\"ratio\":\"0.5\","
                + "\"amount\":\"12.30\",\"previousCount\":\"-4\",\"kind\":\"ledger-entry\","
                + "\"lines\":[\"1\",\"2\"]}");

    assertEquals(Integer.valueOf(5), entry.getCount());
    assertEquals(Long.valueOf(ABOVE_2_POW_53), entry.getTotal()); // exactly: no double between
    assertEquals(Double.valueOf(0.875), entry.getRate());
    assertEquals(Float.valueOf(0.5f), entry.getRatio());
    assertEquals(new BigDecimal("12.30"), entry.getAmount()); // the scale kept
    assertEquals(Integer.valueOf(-4), entry.getPreviousCount());
    assertEquals(Arrays.asList(1, 2), entry.getLines());
  }

  @Test
  void aStringThatHoldsNoNumberIsInvalidDataNamingItsPath() {
    server.enqueue(json(200, "{\"count\":\"five\",\"total\":1,\"kind\":\"ledger-entry\"}"));

    OsaiInvalidDataException thrown =
        assertThrows(OsaiInvalidDataException.class, () -> ledgers.getLedgerEntry(42L));
    assertTrue(thrown.getMessage().contains("$.count"), thrown.getMessage());
  }

  @Test
  void aNumberTooLargeForItsFormatIsInvalidData() {
    server.enqueue(json(200, "{\"count\":\"2147483648\",\"total\":1,\"kind\":\"ledger-entry\"}"));

    OsaiInvalidDataException thrown =
        assertThrows(OsaiInvalidDataException.class, () -> ledgers.getLedgerEntry(42L));
    assertTrue(thrown.getMessage().contains("$.count"), thrown.getMessage());
  }

  @Test
  void readsNullUnionsAndNullReferencesAsNull() {
    LedgerEntry entry =
        answer(
            "{\"count\":5,\"total\":1,\"kind\":\"ledger-entry\",\"previousCount\":null,"
                + "\"entryId\":null,\"bookedAt\":null,\"counterparty\":null,\"parent\":null}");

    assertNull(entry.getPreviousCount());
    assertNull(entry.getEntryId());
    assertNull(entry.getBookedAt());
    assertNull(entry.getCounterparty());
    assertNull(entry.getParent());
  }

  @Test
  void readsNullUnionsAndNullableReferencesWithValues() {
    LedgerEntry entry =
        answer(
            "{\"count\":5,\"total\":1,\"kind\":\"ledger-entry\","
                + "\"entryId\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\","
                + "\"bookedAt\":\"2024-05-01T08:30:00+02:00\","
                + "\"counterparty\":{\"name\":\"ACME\"},\"parent\":{\"name\":\"Parent\"}}");

    assertEquals(UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6"), entry.getEntryId());
    assertEquals(
        OffsetDateTime.of(2024, 5, 1, 8, 30, 0, 0, ZoneOffset.ofHours(2)), entry.getBookedAt());
    assertEquals("ACME", entry.getCounterparty().getName());
    assertEquals("Parent", entry.getParent().getName());
  }

  @Test
  void writesNumberUnionsAsJsonNumbersAndSendsParametersAsText() throws Exception {
    LedgerEntry entry =
        LedgerEntry.builder()
            .count(5)
            .total(ABOVE_2_POW_53)
            .rate(0.875)
            .ratio(0.5f)
            .amount(new BigDecimal("12.30"))
            .previousCount(null)
            .kind(LedgerEntry.KindEnum.LEDGER_ENTRY)
            .counterparty(LedgerParty.builder().name("ACME").build())
            .lines(Arrays.asList(1, 2))
            .build();
    server.enqueue(json(200, "{\"count\":5,\"total\":1,\"kind\":\"ledger-entry\"}"));

    ledgers.putLedgerEntry(ABOVE_2_POW_53, entry);

    RecordedRequest call = takeCall();
    assertEquals("/api/Ledgers/9007199254740993/Entries", call.getTarget());
    assertEquals(
        "{\"count\":5,\"total\":9007199254740993,\"rate\":0.875,\"ratio\":0.5,\"amount\":12.30,"
            + "\"previousCount\":null,\"kind\":\"ledger-entry\","
            + "\"counterparty\":{\"name\":\"ACME\"},\"lines\":[1,2]}",
        call.getBody().utf8());
  }

  @Test
  void sendsANullableNumberUnionQueryParameterAsText() throws Exception {
    server.enqueue(json(200, "{\"count\":5,\"total\":1,\"kind\":\"ledger-entry\"}"));

    ledgers.getLedgerEntry(-7L, 25);

    assertEquals("/api/Ledgers/-7/Entries?limit=25", takeCall().getTarget());
  }

  @Test
  void uploadsAContentMediaTypeFileAsAPart() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());

    ledgers.uploadLedgerReceipt(
        42L,
        UploadFile.of("receipt".getBytes(StandardCharsets.UTF_8), "r.pdf", "application/pdf"),
        "paid");

    RecordedRequest call = takeCall();
    assertEquals("/api/Ledgers/42/Receipts", call.getTarget());
    String body = call.getBody().utf8();
    assertTrue(
        body.contains("name=\"receipt\"; filename=\"r.pdf\"")
            && body.contains("Content-Type: application/pdf")
            && body.contains("receipt")
            && body.contains("name=\"note\""),
        body);
  }
}
