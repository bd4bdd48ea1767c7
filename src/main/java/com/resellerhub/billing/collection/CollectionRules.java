package com.resellerhub.billing.collection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The days of an unpaid payment's collection (SUB-3, COL-1). Pure: unit-tested at its boundary days. With E the
 * payment's expiry date (its last day to be paid), C the paid-until date of the subscriptions it pays (the earliest;
 * E when it pays none or they have none), g their grace days (the smallest), x the days managers extended the grace
 * by, s the reseller's {@code suspendedDaysBeforeTermination}, and r1, r2, r3 the reminder days:
 * <ul>
 *   <li>reminder before expiry: E − r1;</li>
 *   <li>overdue (and its reminder): E + 1 — the billing day of that date has made the payment OVERDUE and its
 *       subscriptions PAYMENT_OVERDUE;</li>
 *   <li>suspension: max(E, C + g) + 1 + x — the day after the grace period; never earlier than r2 days after the
 *       collection started, so that no one is suspended without the reminder before it;</li>
 *   <li>reminder before suspension: suspension − r2, not before the overdue day;</li>
 *   <li>termination: suspension + s;</li>
 *   <li>reminder before termination: termination − r3, not before the suspension day.</li>
 * </ul>
 * Each step happens at {@code stepTime} (UTC) of its day.
 */
public final class CollectionRules {

  private CollectionRules() {}

  /** The facts the days are computed from. */
  public record Facts(LocalDate expiresOn, LocalDate coveredUntil, int graceDays, int extensionDays,
      int suspendedDaysBeforeTermination, LocalDate startedOn) {

    public Facts {
      Objects.requireNonNull(expiresOn, "expiresOn");
      Objects.requireNonNull(startedOn, "startedOn");
      if (graceDays < 0 || extensionDays < 0 || suspendedDaysBeforeTermination < 1) {
        throw new IllegalArgumentException("days must not be negative, termination at least a day later");
      }
    }
  }

  /** The days of each step. */
  public record Schedule(LocalDate remindBeforeExpiryOn, LocalDate overdueOn, LocalDate remindBeforeSuspensionOn,
      LocalDate suspendOn, LocalDate remindBeforeTerminationOn, LocalDate terminateOn) {}

  public static Schedule schedule(Facts f, int remindBeforeExpiry, int remindBeforeSuspension,
      int remindBeforeTermination) {
    LocalDate expires = f.expiresOn();
    LocalDate covered = f.coveredUntil() == null ? expires : f.coveredUntil();
    LocalDate overdue = expires.plusDays(1);
    LocalDate endOfGrace = later(expires, covered.plusDays(f.graceDays()));
    LocalDate suspend = later(endOfGrace.plusDays(1 + (long) f.extensionDays()),
        f.startedOn().plusDays(remindBeforeSuspension));
    LocalDate terminate = suspend.plusDays(f.suspendedDaysBeforeTermination());
    return new Schedule(expires.minusDays(remindBeforeExpiry), overdue,
        later(overdue, suspend.minusDays(remindBeforeSuspension)), suspend,
        later(suspend, terminate.minusDays(remindBeforeTermination)), terminate);
  }

  /** The moment of a step's day. */
  public static Instant at(LocalDate day, LocalTime stepTime) {
    return day.atTime(stepTime).toInstant(ZoneOffset.UTC);
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
