package com.resellerhub.billing.billingday;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Why a payment was not paid automatically on its expiry date: the first PAY-4 condition that failed. */
public enum SkipReason {
  RESELLER_ALLOWS_WORK_WITHOUT_BALANCE("the reseller lets accounts work without balance"),
  RESELLER_INVOICES_BY_EXTERNAL_SYSTEM("the reseller's invoices come from an external system"),
  TOP_UP_NOT_PAYABLE_FROM_BALANCE("a top-up is never paid from the balance"),
  NOT_AWAITING_PAYMENT("the payment is not awaiting payment"),
  POSTPAY_EXPIRY_PASSED("the postpay payment's expiry date (due date + 1 day) has passed"),
  NO_ORDER("the payment has no order"),
  ORDER_NOT_RENEWAL_OR_PROLONGATION("an order is neither a renewal nor a prolongation"),
  SUBSCRIPTION_NOT_ACTIVE("a subscription is not ACTIVE, DELIVERED or PAYMENT_OVERDUE"),
  RENEWAL_CREATED_AFTER_EXPIRY("a renewal order was created on or after the subscription's expiry date"),
  RENEWAL_SUBSCRIPTION_EXPIRED("a renewed subscription's expiry date has passed"),
  RENEWAL_AUTO_RENEW_OFF("a renewed subscription does not renew automatically"),
  PROLONGATION_CREATED_AFTER_PAID_UNTIL("a prolongation order was created after the paid-until date"),
  PROLONGATION_PAID_UNTIL_PASSED("the paid-until date has passed and no grace period covers today"),
  INSUFFICIENT_BALANCE("balance plus credit limit is less than the amount"),
  /** SUB-4: not a PAY-4 condition; the payment is charged later. */
  CHARGE_DATE_MOVED_BY_PROMISE("a promised payment runs on the charge date: the charge moves by its days (SUB-4)");

  private final String description;

  SkipReason(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  /** Counts by reason as people read them ({@code REASON=count, ...}), or "none": the runs' API and variables. */
  public static String text(Map<SkipReason, Integer> counts) {
    return counts.isEmpty() ? "none" : join(counts, ", ");
  }

  /** Counts by reason as a chunk row stores them ({@code REASON=count;...}), null for none. */
  static String stored(Map<SkipReason, Integer> counts) {
    return counts.isEmpty() ? null : join(counts, ";");
  }

  /** The counts of {@link #stored}. */
  static Map<SkipReason, Integer> parse(String stored) {
    Map<SkipReason, Integer> counts = new EnumMap<>(SkipReason.class);
    if (stored != null && !stored.isBlank()) {
      for (String part : stored.split(";")) {
        String[] kv = part.split("=");
        counts.put(SkipReason.valueOf(kv[0]), Integer.parseInt(kv[1]));
      }
    }
    return counts;
  }

  private static String join(Map<SkipReason, Integer> counts, String separator) {
    return counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(separator));
  }
}
