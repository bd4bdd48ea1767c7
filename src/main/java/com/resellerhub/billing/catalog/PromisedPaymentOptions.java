package com.resellerhub.billing.catalog;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A plan's promised-payment options (PROM-3, PROM-6), from the seed's tariff tab "Options / Promised payment". Empty
 * (null or false) means not set; with none of the five limits set, a promise may be taken no earlier than one month
 * after the previous one.
 */
@Schema(description = "Promised-payment options of a plan (PROM-3, PROM-6)")
public record PromisedPaymentOptions(
    @Schema(description = "A top-up is needed since the previous promise was taken") Boolean topUpSincePrevious,
    @Schema(description = "At most one promise per calendar month; takes precedence over maxPerMonth")
    Boolean oncePerCalendarMonth,
    @Schema(description = "The last real payment (top-up) is at most this many days old", example = "30")
    Integer lastPaymentWithinDays,
    @Schema(description = "The last non-zero charge is at most this many days old", example = "30")
    Integer lastChargeWithinDays,
    @Schema(description = "At most this many promises per calendar month", example = "2") Integer maxPerMonth,
    @Schema(description = "New accounts get this many days to pay on activation (PROM-6)", example = "3")
    Integer newAccountGraceDays) {

  public static PromisedPaymentOptions none() {
    return new PromisedPaymentOptions(false, false, null, null, null, null);
  }

  public boolean requiresTopUpSincePrevious() {
    return Boolean.TRUE.equals(topUpSincePrevious);
  }

  public boolean oncePerMonth() {
    return Boolean.TRUE.equals(oncePerCalendarMonth);
  }

  /** Whether none of the five eligibility limits is set (the one-month default applies then). */
  public boolean noLimitSet() {
    return !requiresTopUpSincePrevious() && !oncePerMonth() && lastPaymentWithinDays == null
        && lastChargeWithinDays == null && maxPerMonth == null;
  }
}
