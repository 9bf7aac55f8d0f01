package com.onestepai.osai.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** The hand parser agrees with OkHttp's for every form a server may send. */
class ServerDateTest {
  static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  static long okhttp(String value) {
    Date date = new Headers.Builder().add("Date", value).build().getDate("Date");
    return date == null ? -1 : date.getTime();
  }

  @Test
  void imfFixdatesParseAsOkHttpParsesThem() {
    // Every day from 1969 to 2101 at a time that moves through the day, leap years included.
    long day = 24L * 3600 * 1000;
    for (long millis = -366 * day; millis < 131L * 365 * day; millis += day + 3_723_000) {
      String value = IMF_FIXDATE.format(Instant.ofEpochMilli(millis));
      assertEquals(okhttp(value), Session.ServerDate.parse(value), value);
      assertEquals(millis / 1000 * 1000, Session.ServerDate.parse(value), value);
    }
  }

  @Test
  void otherFormsFallBackToOkHttp() {
    for (String value :
        new String[] {
          "Sunday, 06-Nov-94 08:49:37 GMT",
          "Sun Nov  6 08:49:37 1994",
          "Sun, 06 Nov 1994 08:49:37 UTC"
        }) {
      assertEquals(okhttp(value), Session.ServerDate.parse(value), value);
    }
    assertEquals(-1, Session.ServerDate.parse("not a date"));
    assertEquals(-1, Session.ServerDate.parse("Sun, 06 Xyz 1994 08:49:37 GMT"));
  }
}
