package com.resellerhub.billing.subscription;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

/**
 * The date rules of a subscription's terms and instalments. Pure, so every rule is unit-tested without Spring.
 *
 * <ul>
 *   <li>A <b>term</b> is one period of the plan. Terms are counted from the subscription's start (the anchor), so
 *       month ends do not drift: started on 31 January with P1M, the terms end on 28 February, 31 March, 30 April
 *       (adding a month to 28 February each time would give 28 March, 28 April).</li>
 *   <li>A prepaid subscription is <b>paid until</b> the end of the current instalment; instalments are counted from
 *       the same anchor (a plan's period is a whole number of instalments, so every term's end is also an
 *       instalment's end) and the last one ends with the term (never past {@code expiresOn}). A plan paid at once
 *       has one instalment per term: paid until the term's end.</li>
 * </ul>
 */
public final class SubscriptionTerms {

  private SubscriptionTerms() {}

  /** The dates of a new subscription: the term starts today; {@code paidUntil} is null for trials and postpay. */
  public record Opening(LocalDate startsOn, LocalDate expiresOn, LocalDate paidUntil) {}

  /** A subscription opened today for {@code period}; a prepaid commercial one is paid for its first instalment. */
  public static Opening opening(LocalDate today, Period period, Period instalment, boolean prepaidCommercial) {
    LocalDate expires = today.plus(period);
    LocalDate paidUntil = prepaidCommercial ? instalmentEnd(today, instalment, today, expires) : null;
    return new Opening(today, expires, paidUntil);
  }

  /**
   * The end of the term after the one ending on {@code currentEnd}: the first {@code anchor + n × period} (n ≥ 1)
   * after it.
   */
  public static LocalDate nextTermEnd(LocalDate anchor, Period period, LocalDate currentEnd) {
    return firstStepAfter(anchor, period, currentEnd);
  }

  /**
   * The paid-until date after paying the instalment that starts on {@code paidUntil}: the first
   * {@code anchor + n × instalment} after it (the anchor being the subscription's start), but never past the term's
   * end {@code expiresOn}.
   */
  public static LocalDate instalmentEnd(LocalDate anchor, Period instalment, LocalDate paidUntil,
      LocalDate expiresOn) {
    LocalDate next = firstStepAfter(anchor, instalment == null ? Period.ZERO : instalment, paidUntil);
    return next == null || next.isAfter(expiresOn) ? expiresOn : next;
  }

  /** Whether the instalment starting on {@code paidUntil} is the last of the term. */
  public static boolean isLastInstalment(LocalDate anchor, Period instalment, LocalDate paidUntil,
      LocalDate expiresOn) {
    return !instalmentEnd(anchor, instalment, paidUntil, expiresOn).isBefore(expiresOn);
  }

  /** The first {@code anchor + n × step}, n ≥ 1, after {@code after}; null for a zero step. */
  static LocalDate firstStepAfter(LocalDate anchor, Period step, LocalDate after) {
    Period p = step.normalized();
    if (p.isZero() || p.isNegative()) {
      return null;
    }
    // Estimate n from the distance, then walk: a few steps at most, whatever the age of the subscription.
    long n = 1;
    if (after.isAfter(anchor)) {
      long estimate = p.getDays() == 0
          ? ChronoUnit.MONTHS.between(anchor, after) / p.toTotalMonths()
          : ChronoUnit.DAYS.between(anchor, after) / Math.max(1, approximateDays(p));
      n = Math.max(1, estimate - 1);
    }
    LocalDate candidate = step(anchor, p, n);
    while (n > 1 && step(anchor, p, n - 1).isAfter(after)) {
      n--;
      candidate = step(anchor, p, n);
    }
    while (!candidate.isAfter(after)) {
      n++;
      candidate = step(anchor, p, n);
    }
    return candidate;
  }

  private static LocalDate step(LocalDate anchor, Period p, long n) {
    return anchor.plusMonths(p.toTotalMonths() * n).plusDays(p.getDays() * n);
  }

  private static long approximateDays(Period p) {
    return p.toTotalMonths() * 28 + p.getDays();
  }
}
