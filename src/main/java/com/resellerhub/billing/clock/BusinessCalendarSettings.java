package com.resellerhub.billing.clock;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code billing.business-calendar.*}: what counts as a business day ({@link BusinessCalendar}).
 *
 * @param zone the zone in which days begin and end (default UTC)
 * @param holidays dates that are no business days besides weekends (ISO dates, default none)
 */
@Validated
@ConfigurationProperties("billing.business-calendar")
public record BusinessCalendarSettings(@DefaultValue("UTC") @NotNull ZoneId zone, List<LocalDate> holidays) {

  public BusinessCalendarSettings {
    holidays = holidays == null ? List.of() : List.copyOf(holidays);
  }

  public BusinessCalendar calendar() {
    return new BusinessCalendar(zone, holidays);
  }
}
