package com.resellerhub.billing.clock;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working days of the reseller's back office: Monday to Friday in one time zone, minus a list of holidays. Used for
 * deadlines stated in business days, such as the escalation of an open approval review (PP-10).
 *
 * <p>Rules of {@link #add(Instant, Duration)}:
 * <ul>
 *   <li>the whole days of the duration are business days: each one moves to the same time of the next business
 *       day (Friday 15:00 + 1 day = Monday 15:00);</li>
 *   <li>a start outside business days counts from the beginning (00:00) of the next business day (Saturday 10:00
 *       + 1 day = Tuesday 00:00: the whole of Monday was available);</li>
 *   <li>the rest of the duration (hours, minutes) is added as plain time afterwards; a duration without whole days
 *       (PT4H, PT10M) is plain time only, which is what short demo and test settings want.</li>
 * </ul>
 */
public final class BusinessCalendar {

  private static final Set<DayOfWeek> WEEKEND = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

  private final ZoneId zone;
  private final Set<LocalDate> holidays;

  public BusinessCalendar(ZoneId zone, Collection<LocalDate> holidays) {
    this.zone = zone;
    this.holidays = new TreeSet<>(holidays);
  }

  public ZoneId zone() {
    return zone;
  }

  public boolean isBusinessDay(LocalDate day) {
    return !WEEKEND.contains(day.getDayOfWeek()) && !holidays.contains(day);
  }

  /** {@code start} plus {@code duration}, its whole days counted as business days (see the class comment). */
  public Instant add(Instant start, Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative: " + duration);
    }
    long days = duration.toDays();
    Duration rest = duration.minusDays(days);
    if (days == 0) {
      return start.plus(rest);
    }
    ZonedDateTime at = start.atZone(zone);
    if (!isBusinessDay(at.toLocalDate())) {
      at = nextBusinessDay(at.toLocalDate()).atStartOfDay(zone);
    }
    for (long i = 0; i < days; i++) {
      LocalDate next = nextBusinessDay(at.toLocalDate());
      at = ZonedDateTime.of(next, at.toLocalTime(), zone);
    }
    return at.toInstant().plus(rest);
  }

  private LocalDate nextBusinessDay(LocalDate day) {
    LocalDate next = day.plusDays(1);
    while (!isBusinessDay(next)) {
      next = next.plusDays(1);
    }
    return next;
  }
}
