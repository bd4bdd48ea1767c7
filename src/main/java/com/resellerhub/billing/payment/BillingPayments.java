package com.resellerhub.billing.payment;

import com.resellerhub.billing.account.AccountEventLog;
import com.resellerhub.billing.account.AccountEventType;
import com.resellerhub.billing.ledger.Money;
import com.resellerhub.billing.reseller.ResellerService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payments and acts the billing day creates (plain JDBC through {@link PaymentRows}, in the caller's transaction;
 * the same rows and history the rest of the payment feature reads): one ORDER or COMBINED payment for orders that fall due together, and the act
 * of a closed POSTPAY period with its ACT payment. Its caller holds the account's row lock.
 */
@Service
public class BillingPayments {

  /** The act of a closed period, and whether this call created it (false: it existed, e.g. a manager's). */
  public record IssuedAct(long actId, Long paymentId, boolean created) {}

  /** A subscription's period an act bills, and the amount it adds (the plan's price). */
  public record ActLine(long subscriptionId, BigDecimal amount) {}

  /** A subscription's period (starting on {@code periodStart}) that an act has billed. */
  public record BilledPeriod(long subscriptionId, LocalDate periodStart) {}

  private final PaymentRows rows;
  private final AccountEventLog eventLog;
  private final ResellerService resellers;
  private final Clock clock;
  private final int actDueDays;

  BillingPayments(PaymentRows rows, AccountEventLog eventLog, ResellerService resellers, Clock clock,
      PaymentSettings settings) {
    this.rows = rows;
    this.eventLog = eventLog;
    this.resellers = resellers;
    this.clock = clock;
    this.actDueDays = settings.actDueDays();
  }

  /** A PREPAY payment to create for orders of one account (ORDER for one order, COMBINED for several). */
  public record OrderPayment(long accountId, List<Long> orderIds, BigDecimal amount, String currency,
      LocalDate dueDate, LocalDate expiresOn) {

    public OrderPayment {
      if (orderIds.isEmpty()) {
        throw new IllegalArgumentException("A payment for orders needs at least one order");
      }
      orderIds = List.copyOf(orderIds);
    }

    PaymentType type() {
      return orderIds.size() == 1 ? PaymentType.ORDER : PaymentType.COMBINED;
    }
  }

  /**
   * The billing day's payments of a page of accounts at once: the payments, their orders, their CREATED history and
   * their PAYMENT_CREATED entries in the accounts' event logs, each one batched insert. Returns their ids in the
   * order given.
   */
  @Transactional
  public List<Long> createAllForOrders(List<OrderPayment> payments, String note) {
    Instant now = clock.instant();
    List<PaymentRows.NewOrderPayment> toInsert = payments.stream().map(p -> new PaymentRows.NewOrderPayment(
        p.accountId(), p.type(), Money.of(p.amount()), p.currency(), p.dueDate(), p.expiresOn(), p.orderIds()))
        .toList();
    List<Long> ids = rows.insertForOrders(toInsert, AccountEventLog.SYSTEM, now);
    List<PaymentRows.NewEvent> created = new ArrayList<>(payments.size());
    List<AccountEventLog.Entry> entries = new ArrayList<>(payments.size());
    for (int i = 0; i < payments.size(); i++) {
      OrderPayment p = payments.get(i);
      long id = ids.get(i);
      PaymentType type = p.type();
      BigDecimal money = Money.of(p.amount());
      String what = type + " payment for " + (p.orderIds().size() == 1 ? "order " + p.orderIds().get(0)
          : "orders " + p.orderIds()) + ", due " + p.dueDate() + (p.expiresOn().equals(p.dueDate()) ? ""
          : ", expires " + p.expiresOn()) + (note == null ? "" : " " + note);
      created.add(new PaymentRows.NewEvent(id, PaymentEventKind.CREATED, null, PaymentStatus.AWAITING_PAYMENT, what,
          AccountEventLog.SYSTEM));
      entries.add(new AccountEventLog.Entry(p.accountId(), AccountEventType.PAYMENT_CREATED, AccountEventLog.SYSTEM,
          true, "Payment " + id + " (" + type + ") of " + Money.text(money) + " " + p.currency() + " "
              + what.substring(what.indexOf(" for ") + 1)));
    }
    rows.events(created, now);
    eventLog.recordAll(entries);
    return ids;
  }

  /**
   * The act of the account's POSTPAY period from {@code periodStart} to {@code periodEnd} (both included, closed
   * before {@code today}) for these subscriptions, with its ACT payment; as {@link PaymentService#issueAct}: due
   * {@code billing.payments.act-due-days} after {@code today} and expiring the day after, or, when the reseller's
   * invoices come from the ERP (RS-2), without dates until the ERP confirms the act (PAY-3).
   *
   * <p>An act the account already has for exactly this period (a manager's) is the period's act: the subscriptions
   * are recorded against it (amount 0) and nothing new is issued. Each subscription's period is recorded once
   * ({@code postpay_act_line}'s key): a second attempt fails rather than bill twice.
   */
  @Transactional
  public IssuedAct issuePeriodAct(long accountId, LocalDate periodStart, LocalDate periodEnd, List<ActLine> lines,
      LocalDate today) {
    if (!periodEnd.isBefore(today) || periodEnd.isBefore(periodStart)) {
      throw new IllegalArgumentException("An act is issued for a closed period: " + periodStart + " to " + periodEnd
          + " is not closed on " + today);
    }
    Optional<Long> existing = rows.actOf(accountId, periodStart, periodEnd);
    if (existing.isPresent()) {
      rows.insertActLines(existing.get(), periodStart, periodEnd, lines, false);
      return new IssuedAct(existing.get(), null, false);
    }
    BigDecimal amount = Money.of(lines.stream().map(ActLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    boolean external = resellers.settings().invoicesByExternalSystem();
    String currency = resellers.current().getCurrency();
    Instant now = clock.instant();
    long actId = rows.insertAct(accountId, periodStart, periodEnd, amount, currency, external, AccountEventLog.SYSTEM,
        now);
    rows.insertActLines(actId, periodStart, periodEnd, lines, true);

    LocalDate due = external ? null : today.plusDays(actDueDays);
    long paymentId = rows.insertActPayment(accountId, amount, currency, due, due == null ? null : due.plusDays(1),
        actId, AccountEventLog.SYSTEM, now);
    String what = "for act " + actId + " (" + periodStart + " to " + periodEnd + ")" + (external
        ? ", invoiced by the external system: no due date until the ERP confirms the act" : "");
    rows.events(List.of(new PaymentRows.NewEvent(paymentId, PaymentEventKind.CREATED, null,
        PaymentStatus.AWAITING_PAYMENT, "ACT payment " + what, AccountEventLog.SYSTEM)), now);
    List<Long> subscriptions = lines.stream().map(ActLine::subscriptionId).toList();
    eventLog.recordAll(List.of(
        new AccountEventLog.Entry(accountId, AccountEventType.ACT_ISSUED, AccountEventLog.SYSTEM, true, "Act " + actId
            + " for " + periodStart + " to " + periodEnd + ": " + Money.text(amount) + " " + currency
            + " (subscriptions " + subscriptions + ", billing day)"),
        new AccountEventLog.Entry(accountId, AccountEventType.PAYMENT_CREATED, AccountEventLog.SYSTEM, true,
            "Payment " + paymentId + " (ACT) of " + Money.text(amount) + " " + currency + " " + what)));
    return new IssuedAct(actId, paymentId, true);
  }

  /** The periods of these subscriptions that acts have billed ({@code postpay_act_line}), read in bulk. */
  @Transactional(readOnly = true)
  public Set<BilledPeriod> billedPeriods(Collection<Long> subscriptionIds) {
    return rows.billedPeriods(subscriptionIds.stream().filter(Objects::nonNull).distinct().sorted().toList());
  }
}
