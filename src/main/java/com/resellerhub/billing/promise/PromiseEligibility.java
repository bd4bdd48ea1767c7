package com.resellerhub.billing.promise;

import com.resellerhub.billing.catalog.PromisedPaymentOptions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who may take a promised payment (PROM-3, PROM-5, RS-3): pure rules over the facts of one account, each refusal
 * naming its limit. The hard rules (one promise at a time; none while an expired one left the balance negative)
 * apply to every channel; the reseller's "only when blocked" and the plan's limits apply to customers taking one
 * themselves, as the seed's options speak of the customer control panel: a manager may grant despite them.
 *
 * <p>Precedence (seed): "once per calendar month" replaces "at most N per month" when both are set; with none of the
 * five plan limits set, the next promise may be taken no earlier than one month after the previous one (same day of
 * the next month). Day limits count calendar days in the clock's zone: "not older than n days" allows a payment made
 * exactly n days ago and refuses one made n + 1 days ago. Months are calendar months.
 */
public final class PromiseEligibility {

  /** Names of the limits, as refusals carry them. */
  public static final String ACTIVE_PROMISE = "active-promise";
  public static final String PREVIOUS_UNPAID = "previous-promise-unpaid";
  public static final String ONLY_WHEN_BLOCKED = "only-when-blocked";
  public static final String TOP_UP_SINCE_PREVIOUS = "top-up-since-previous-promise";
  public static final String ONCE_PER_CALENDAR_MONTH = "once-per-calendar-month";
  public static final String LAST_PAYMENT_WITHIN = "last-payment-within-days";
  public static final String LAST_CHARGE_WITHIN = "last-charge-within-days";
  public static final String MAX_PER_MONTH = "max-per-month";
  public static final String ONE_MONTH_DEFAULT = "one-month-since-previous";
  public static final String NO_PLAN = "no-plan";

  /** A refusal: the requirement ({@code PROM-3} or {@code RS-3}), the limit's name and a sentence. */
  public record Refusal(String rule, String limit, String message) {}

  /** An earlier promise of the account. */
  public record Previous(Instant takenAt, PromiseStatus status, boolean unsettled) {}

  /**
   * The facts: today in {@code zone}; the plan's options; whether the customer asks (else a manager); the reseller's
   * RS-3 option and whether the account is BLOCKED; earlier promises; the last real payment and non-zero charge;
   * whether the account has a plan (a subscription that is not terminated).
   */
  public record Facts(Instant now, ZoneId zone, PromisedPaymentOptions options, boolean customer,
      boolean onlyWhenBlocked, boolean accountBlocked, List<Previous> previous, Optional<Instant> lastPaymentAt,
      Optional<Instant> lastChargeAt, boolean hasPlan) {

    /** The facts of an account that has a plan. */
    public Facts(Instant now, ZoneId zone, PromisedPaymentOptions options, boolean customer, boolean onlyWhenBlocked,
        boolean accountBlocked, List<Previous> previous, Optional<Instant> lastPaymentAt,
        Optional<Instant> lastChargeAt) {
      this(now, zone, options, customer, onlyWhenBlocked, accountBlocked, previous, lastPaymentAt, lastChargeAt, true);
    }

    LocalDate today() {
      return LocalDate.ofInstant(now, zone);
    }

    LocalDate date(Instant instant) {
      return LocalDate.ofInstant(instant, zone);
    }
  }

  private PromiseEligibility() {}

  /** Every refusal, in the order checked; empty when the promise may be taken. */
  public static List<Refusal> refusals(Facts f) {
    List<Refusal> refusals = new ArrayList<>();
    PromisedPaymentOptions o = f.options() == null ? PromisedPaymentOptions.none() : f.options();
    if (f.previous().stream().anyMatch(p -> p.status().running())) {
      refusals.add(new Refusal("PROM-3", ACTIVE_PROMISE, "The account already has a running promised payment"));
    }
    if (f.previous().stream().anyMatch(Previous::unsettled)) {
      refusals.add(new Refusal("PROM-3", PREVIOUS_UNPAID, "A promised payment expired with the balance below zero;"
          + " no new one until the balance is back at zero or above"));
    }
    if (!f.customer()) {
      return refusals;
    }
    if (!f.hasPlan()) {
      refusals.add(new Refusal("PROM-3", NO_PLAN, "The account has no plan (no subscription that is not"
          + " terminated): a customer's promised payment is measured against the plan's price and options"));
    }
    if (f.onlyWhenBlocked() && !f.accountBlocked()) {
      refusals.add(new Refusal("RS-3", ONLY_WHEN_BLOCKED,
          "Promised payments are available only while the account is financially blocked"));
    }
    LocalDate today = f.today();
    YearMonth month = YearMonth.from(today);
    Optional<Previous> latest = f.previous().stream().max((a, b) -> a.takenAt().compareTo(b.takenAt()));
    if (o.requiresTopUpSincePrevious() && latest.isPresent()
        && f.lastPaymentAt().map(paid -> !paid.isAfter(latest.get().takenAt())).orElse(true)) {
      refusals.add(new Refusal("PROM-3", TOP_UP_SINCE_PREVIOUS,
          "No top-up since the previous promised payment was taken"));
    }
    long thisMonth = f.previous().stream().filter(p -> YearMonth.from(f.date(p.takenAt())).equals(month)).count();
    if (o.oncePerMonth()) {
      if (thisMonth > 0) {
        refusals.add(new Refusal("PROM-3", ONCE_PER_CALENDAR_MONTH,
            "A promised payment was already taken in " + month + "; one per calendar month"));
      }
    } else if (o.maxPerMonth() != null && thisMonth >= o.maxPerMonth()) {
      refusals.add(new Refusal("PROM-3", MAX_PER_MONTH, thisMonth + " promised payments taken in " + month
          + "; at most " + o.maxPerMonth() + " per month"));
    }
    if (o.lastPaymentWithinDays() != null && !within(f, f.lastPaymentAt(), o.lastPaymentWithinDays())) {
      refusals.add(new Refusal("PROM-3", LAST_PAYMENT_WITHIN,
          "No real payment in the last " + o.lastPaymentWithinDays() + " days"));
    }
    if (o.lastChargeWithinDays() != null && !within(f, f.lastChargeAt(), o.lastChargeWithinDays())) {
      refusals.add(new Refusal("PROM-3", LAST_CHARGE_WITHIN,
          "No non-zero charge in the last " + o.lastChargeWithinDays() + " days"));
    }
    if (o.noLimitSet() && latest.isPresent()) {
      LocalDate next = f.date(latest.get().takenAt()).plusMonths(1);
      if (today.isBefore(next)) {
        refusals.add(new Refusal("PROM-3", ONE_MONTH_DEFAULT,
            "The next promised payment can be taken from " + next + ", one month after the previous one"));
      }
    }
    return refusals;
  }

  private static boolean within(Facts f, Optional<Instant> last, int days) {
    return last.map(at -> !f.date(at).isBefore(f.today().minusDays(days))).orElse(false);
  }
}
