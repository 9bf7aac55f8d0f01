package com.onestepai.osai;

import static com.onestepai.osai.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onestepai.osai.growth.api.SchedulesApi;
import com.onestepai.osai.growth.model.ScheduleSlot;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OpenAPI shapes date-time, date, int64, double, float and uuid (fragment
 * growth/shapes-dates.yaml) on the wire: the exact values read and the exact text sent, in a JSON
 * body and in path and query parameters.
 */
class DateShapesWireTest extends SignedInWireTest {
  static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2ln";
  static final UUID ID = UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6");
  static final ZoneOffset PLUS_2 = ZoneOffset.ofHours(2);
  static final long ABOVE_2_POW_53 = 9007199254740993L; // 2^53 + 1: no double holds it

  SchedulesApi schedules;

  @BeforeEach
  void api() {
    schedules = client.api(SchedulesApi.class);
  }

  static String slotJson(String startsAt) {
    return "{\"id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\",\"startsAt\":\""
        + startsAt
        + "\",\"day\":\"2024-05-01\",\"sequence\":9007199254740993,\"score\":0.875,\"ratio\":0.5}";
  }

  ScheduleSlot answer(String body) {
    server.enqueue(json(200, body));
    return schedules.getScheduleSlot(
        LocalDate.of(2024, 5, 1), OffsetDateTime.of(2024, 5, 1, 8, 30, 0, 0, PLUS_2));
  }

  static Stream<Arguments> dateTimes() {
    return Stream.of(
        Arguments.of(
            "2024-05-01T06:30:00Z", OffsetDateTime.of(2024, 5, 1, 6, 30, 0, 0, ZoneOffset.UTC)),
        Arguments.of(
            "2024-05-01T08:30:00+02:00", OffsetDateTime.of(2024, 5, 1, 8, 30, 0, 0, PLUS_2)),
        Arguments.of(
            "2024-05-01T08:30:00-05:30",
            OffsetDateTime.of(2024, 5, 1, 8, 30, 0, 0, ZoneOffset.ofHoursMinutes(-5, -30))),
        Arguments.of("2024-05-01T08:30:00.1+02:00", at(100_000_000, PLUS_2)),
        Arguments.of("2024-05-01T08:30:00.12+02:00", at(120_000_000, PLUS_2)),
        Arguments.of("2024-05-01T08:30:00.123+02:00", at(123_000_000, PLUS_2)),
        Arguments.of("2024-05-01T08:30:00.1234+02:00", at(123_400_000, PLUS_2)),
        Arguments.of("2024-05-01T08:30:00.12345+02:00", at(123_450_000, PLUS_2)),
        Arguments.of("2024-05-01T08:30:00.123456+02:00", at(123_456_000, PLUS_2)),
        Arguments.of("2024-05-01T08:30:00.1234567+02:00", at(123_456_700, PLUS_2)),
        Arguments.of("2024-05-01T08:30:00.1234567Z", at(123_456_700, ZoneOffset.UTC)),
        Arguments.of("2024-05-01T08:30:00.123456789Z", at(123_456_789, ZoneOffset.UTC)),
        Arguments.of("2024-05-01T08:30Z", at(0, ZoneOffset.UTC)), // seconds are optional in ISO
        // No offset (an ASP.NET DateTime of kind Unspecified): read as UTC.
        Arguments.of("2024-05-01T08:30:00", at(0, ZoneOffset.UTC)),
        Arguments.of("2024-05-01T08:30:00.1234567", at(123_456_700, ZoneOffset.UTC)));
  }

  static OffsetDateTime at(int nanos, ZoneOffset offset) {
    return OffsetDateTime.of(2024, 5, 1, 8, 30, 0, nanos, offset);
  }

  @ParameterizedTest
  @MethodSource("dateTimes")
  void readsDateTimes(String wire, OffsetDateTime expected) {
    ScheduleSlot slot = answer(slotJson(wire));

    assertEquals(expected, slot.getStartsAt()); // equals compares the offset too
    assertEquals(expected.getOffset(), slot.getStartsAt().getOffset());
  }

  @Test
  void readsTheOtherScalarsExactly() {
    ScheduleSlot slot =
        answer(
            "{\"id\":\"3FA85F64-5717-4562-B3FC-2C963F66AFA6\",\"startsAt\":\"2024-05-01T06:30:00Z\","
                + "\"day\":\"2024-05-01\",\"sequence\":9007199254740993,\"score\":0.1,"
                + "\"ratio\":0.1}");

    assertEquals(ID, slot.getId()); // a Guid in upper case reads too
    assertEquals(LocalDate.of(2024, 5, 1), slot.getDay());
    assertEquals(Long.valueOf(ABOVE_2_POW_53), slot.getSequence());
    assertEquals(Double.valueOf(0.1), slot.getScore());
    assertEquals(Float.valueOf(0.1f), slot.getRatio());
  }

  @Test
  void readsLongMaxValueExactly() {
    ScheduleSlot slot =
        answer(slotJson("2024-05-01T06:30:00Z").replace("9007199254740993", "9223372036854775807"));

    assertEquals(Long.valueOf(Long.MAX_VALUE), slot.getSequence());
  }

  @Test
  void aMalformedDateTimeIsInvalidDataNamingItsPath() {
    server.enqueue(json(200, slotJson("01/05/2024 08:30")));

    OsaiInvalidDataException thrown =
        assertThrows(
            OsaiInvalidDataException.class,
            () ->
                schedules.getScheduleSlot(
                    LocalDate.of(2024, 5, 1), OffsetDateTime.of(2024, 5, 1, 8, 30, 0, 0, PLUS_2)));
    assertTrue(
        thrown.getMessage().contains("OffsetDateTime")
            && thrown.getMessage().contains("$.startsAt"),
        thrown.getMessage());
  }

  @Test
  void aMalformedDateAndUuidAreInvalidData() {
    server.enqueue(
        json(200, slotJson("2024-05-01T06:30:00Z").replace("2024-05-01\"", "2024-5-1\"")));
    OsaiInvalidDataException date =
        assertThrows(OsaiInvalidDataException.class, () -> answerAgain());
    assertTrue(date.getMessage().contains("$.day"), date.getMessage());

    server.enqueue(json(200, slotJson("2024-05-01T06:30:00Z").replace("3fa85f64-", "not-a-guid-")));
    OsaiInvalidDataException uuid =
        assertThrows(OsaiInvalidDataException.class, () -> answerAgain());
    assertTrue(uuid.getMessage().contains("$.id"), uuid.getMessage());
  }

  private ScheduleSlot answerAgain() {
    return schedules.getScheduleSlot(
        LocalDate.of(2024, 5, 1), OffsetDateTime.of(2024, 5, 1, 8, 30, 0, 0, PLUS_2));
  }

  @Test
  void sendsParametersAsTheirWireText() throws Exception {
    server.enqueue(json(200, slotJson("2024-05-01T06:30:00Z")));

    // OffsetDateTime.toString() would drop the zero seconds: "2024-05-01T08:30+02:00".
    schedules.getScheduleSlot(
        LocalDate.of(2024, 5, 1), OffsetDateTime.of(2024, 5, 1, 8, 30, 0, 0, PLUS_2), ID);

    RecordedRequest call = takeCall();
    assertEquals(
        "/api/Schedules/2024-05-01/Slots?at=2024-05-01T08%3A30%3A00%2B02%3A00"
            + "&slotId=3fa85f64-5717-4562-b3fc-2c963f66afa6",
        call.getTarget());
    assertEquals("2024-05-01T08:30:00+02:00", call.getUrl().queryParameter("at"));
  }

  @Test
  void sendsFractionsAndUtcInParameters() throws Exception {
    server.enqueue(json(200, slotJson("2024-05-01T06:30:00Z")));

    schedules.getScheduleSlot(
        LocalDate.of(2024, 5, 1),
        OffsetDateTime.of(2024, 5, 1, 6, 30, 0, 123_456_700, ZoneOffset.UTC));

    assertEquals("2024-05-01T06:30:00.1234567Z", takeCall().getUrl().queryParameter("at"));
  }

  @Test
  void sendsABodyAsRfc3339WithItsOffsetAndTheLongExactly() throws Exception {
    server.enqueue(json(200, slotJson("2024-05-01T08:30:00+02:00")));
    ScheduleSlot slot =
        ScheduleSlot.builder()
            .id(ID)
            .startsAt(OffsetDateTime.of(2024, 5, 1, 8, 30, 0, 0, PLUS_2))
            .day(LocalDate.of(2024, 5, 1))
            .sequence(ABOVE_2_POW_53)
            .score(0.875)
            .ratio(0.5f)
            .build();

    ScheduleSlot stored = schedules.putScheduleSlot(LocalDate.of(2024, 5, 1), slot);

    RecordedRequest call = takeCall();
    assertEquals("/api/Schedules/2024-05-01/Slots", call.getTarget());
    assertEquals(
        "{\"id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\","
            + "\"startsAt\":\"2024-05-01T08:30:00+02:00\",\"day\":\"2024-05-01\","
            + "\"sequence\":9007199254740993,\"score\":0.875,\"ratio\":0.5}",
        call.getBody().utf8());
    assertEquals(slot, stored);
  }

  @Test
  void aReadValueIsSentBackUnchanged() throws Exception {
    String wire = slotJson("2024-05-01T08:30:00.1234567+02:00");
    ScheduleSlot read = answer(wire);
    takeCall();
    server.enqueue(json(200, wire));

    schedules.putScheduleSlot(read.getDay(), read.toBuilder().build());

    RecordedRequest put = server.takeRequest(5, TimeUnit.SECONDS);
    assertEquals(
        "{\"id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\","
            + "\"startsAt\":\"2024-05-01T08:30:00.1234567+02:00\",\"day\":\"2024-05-01\","
            + "\"sequence\":9007199254740993,\"score\":0.875,\"ratio\":0.5}",
        put.getBody().utf8());
  }
}
