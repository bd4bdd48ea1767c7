package com.resellerhub.billing.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** PP-10's "1 business day": weekends and holidays do not count. April 2026: the 2nd is a Thursday. */
class BusinessCalendarTest {

  private final BusinessCalendar utc = new BusinessCalendar(ZoneOffset.UTC, List.of(LocalDate.parse("2026-04-06")));

  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource({
      "2026-04-01T09:00:00Z, P1D,   2026-04-02T09:00:00Z",  // Wednesday → Thursday
      "2026-04-02T15:00:00Z, P1D,   2026-04-03T15:00:00Z",  // Thursday → Friday
      "2026-04-03T15:00:00Z, P1D,   2026-04-07T15:00:00Z",  // Friday → Tuesday (weekend, Monday 6th a holiday)
      "2026-04-04T10:00:00Z, P1D,   2026-04-08T00:00:00Z",  // Saturday counts from Tuesday 00:00 → Wednesday 00:00
      "2026-04-02T09:00:00Z, P2D,   2026-04-07T09:00:00Z",  // Thursday + 2 → Friday, Tuesday
      "2026-04-02T09:00:00Z, P1DT2H, 2026-04-03T11:00:00Z", // days are business days, hours plain time
      "2026-04-04T10:00:00Z, PT4H,  2026-04-04T14:00:00Z",  // no whole days: plain time, even on a Saturday
      "2026-04-02T09:00:00Z, PT30M, 2026-04-02T09:30:00Z"})
  void PP10_wholeDaysAreBusinessDays(Instant start, Duration duration, Instant expected) {
    assertThat(utc.add(start, duration)).isEqualTo(expected);
  }

  @Test
  void PP10_businessDaysAreThoseOfTheConfiguredTimeZone() {
    BusinessCalendar moscow = new BusinessCalendar(ZoneId.of("Europe/Moscow"), List.of());
    // Friday 22:30 UTC is already Saturday 01:30 in Moscow: it counts from Monday 00:00 there.
    Instant fridayNightUtc = Instant.parse("2026-04-03T22:30:00Z");
    assertThat(moscow.add(fridayNightUtc, Duration.ofDays(1))).isEqualTo(Instant.parse("2026-04-06T21:00:00Z"));
    assertThat(utc.add(fridayNightUtc, Duration.ofDays(1))).isEqualTo(Instant.parse("2026-04-07T22:30:00Z"));
  }

  @Test
  void weekendsAndHolidaysAreNotBusinessDays() {
    assertThat(utc.isBusinessDay(LocalDate.parse("2026-04-03"))).isTrue();
    assertThat(utc.isBusinessDay(LocalDate.parse("2026-04-04"))).isFalse();
    assertThat(utc.isBusinessDay(LocalDate.parse("2026-04-05"))).isFalse();
    assertThat(utc.isBusinessDay(LocalDate.parse("2026-04-06"))).isFalse();
  }

  @Test
  void aNegativeDurationIsRefused() {
    assertThatThrownBy(() -> utc.add(Instant.EPOCH, Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class);
  }
}
