package com.resellerhub.billing.payment;

import com.resellerhub.billing.account.AccountEventLog;
import com.resellerhub.billing.account.AccountEventType;
import com.resellerhub.billing.catalog.BillingModel;
import com.resellerhub.billing.ledger.Money;
import com.resellerhub.billing.order.OrderService;
import com.resellerhub.billing.subscription.SubscriptionService.State;
import com.resellerhub.billing.subscription.SubscriptionService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payments a billing day pays from the balance (PAY-4), in bulk: hundreds per transaction with batched statements
 * instead of one JPA entity each, so a day of 100,000 payments settles in about a minute. It selects and locks the
 * candidates of a range of accounts with the facts the rules need (their orders and subscriptions), and writes the
 * outcome: PAID_FROM_BALANCE with its history and account event, or the reason a payment was not paid in its history.
 * The money itself moves through the ledger's {@code BalanceService.debitAll}. The payments' rows are read and
 * written by {@link PaymentRows}; their orders come from {@link OrderService#summaries}, the orders' subscriptions from
 * {@link SubscriptionService#statesOf}, the account's entry from {@link AccountEventLog#recordAll}.
 */
@Service
public class DuePayments {

  /** How many payments wait to be paid on or before a date, per account (ascending account id). */
  public record AccountDue(long accountId, int payments) {}

  /** An order of a due payment, with its subscription (null fields when it has none). */
  public record DueOrder(long orderId, String type, Instant createdAt, Long subscriptionId,
      String subscriptionStatus, LocalDate subscriptionExpiresOn, boolean autoRenew, LocalDate paidUntil,
      int gracePeriodDays) {}

  /**
   * A payment awaiting payment whose expiry date has come, locked until the transaction ends; {@code chargeMovedDays}:
   * by how many days its charge date was moved before (SUB-4), 0 when never.
   */
  public record DuePayment(long id, long accountId, PaymentType type, BillingModel model, BigDecimal amount,
      String currency, LocalDate dueDate, LocalDate expiresOn, int chargeMovedDays, List<DueOrder> orders) {}

  /** SUB-4: a payment's charge date moved by {@code days}, to these dates, and why (written to its history). */
  public record Moved(long paymentId, long accountId, int days, LocalDate dueDate, LocalDate expiresOn,
      String reason) {}

  /** A payment that was not paid and why (written to its history). */
  public record NotPaid(long paymentId, String reason) {}

  private static final PaymentStatus STATUS = PaymentStatus.AWAITING_PAYMENT;

  private final PaymentRows rows;
  private final OrderService orders;
  private final SubscriptionService subscriptions;
  private final AccountEventLog eventLog;
  private final Clock clock;

  private final org.springframework.context.ApplicationEventPublisher publisher;

  public DuePayments(PaymentRows rows, OrderService orders, SubscriptionService subscriptions,
      AccountEventLog eventLog, Clock clock, org.springframework.context.ApplicationEventPublisher publisher) {
    this.publisher = publisher;
    this.rows = rows;
    this.orders = orders;
    this.subscriptions = subscriptions;
    this.eventLog = eventLog;
    this.clock = clock;
  }

  /** Accounts with payments awaiting payment that expire on or before {@code date}, with their counts. */
  @Transactional(readOnly = true)
  public List<AccountDue> countByAccount(LocalDate date) {
    return rows.countAwaitingByAccount(date);
  }

  /**
   * Locks and returns the payments of the accounts with ids in {@code (afterAccountId, lastAccountId]} that await
   * payment and expire on or before {@code date}, each with its orders (ascending ids) and their subscriptions. The
   * candidates are read without a lock, then locked by primary key in id order ({@code SELECT ... WHERE id IN (...)
   * FOR UPDATE}) and kept only if they still await payment: the same lock order as a manual completion (payment row,
   * then ledger row), and no lock on the status index that a completion's update needs, so the two never deadlock; a
   * completion running at the same moment finishes first (the payment is then dropped) or waits.
   */
  @Transactional
  public List<DuePayment> lockDue(long afterAccountId, long lastAccountId, LocalDate date) {
    List<DuePayment> due = rows.lockDue(afterAccountId, lastAccountId, date);
    if (due.isEmpty()) {
      return List.of();
    }
    Map<Long, List<Long>> orderIds = rows.ordersOf(due.stream().map(DuePayment::id).toList());
    Map<Long, OrderService.Summary> orderById = orders.summaries(orderIds.values().stream()
        .flatMap(List::stream).toList());
    Map<Long, State> subscriptionById = subscriptions.statesOf(orderById.values().stream()
        .map(OrderService.Summary::subscriptionId).filter(java.util.Objects::nonNull).toList());
    for (DuePayment payment : due) {
      for (Long orderId : orderIds.getOrDefault(payment.id(), List.of())) {
        OrderService.Summary order = orderById.get(orderId);
        State s = order.subscriptionId() == null ? null : subscriptionById.get(order.subscriptionId());
        payment.orders().add(new DueOrder(order.id(), order.type().name(), order.createdAt(),
            s == null ? null : s.id(), s == null ? null : s.status().name(), s == null ? null : s.expiresOn(),
            s != null && s.autoRenew(), s == null ? null : s.paidUntil(), s == null ? 0 : s.gracePeriodDays()));
      }
    }
    return List.copyOf(due);
  }

  /**
   * The payments were paid from the balance (their debits are recorded in the same transaction): PAID_FROM_BALANCE and
   * a history entry each, and one entry per account in the account's event log naming them. A payment that is no
   * longer awaiting payment fails the whole batch.
   */
  @Transactional
  public void paidFromBalance(List<DuePayment> paid, String actor, String detail) {
    if (paid.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    Map<Long, List<DuePayment>> byAccount = new LinkedHashMap<>();
    List<PaymentRows.NewEvent> history = new ArrayList<>();
    for (DuePayment payment : paid) {
      history.add(new PaymentRows.NewEvent(payment.id(), PaymentEventKind.STATUS_CHANGED, STATUS,
          PaymentStatus.PAID_FROM_BALANCE, CompletionRules.BALANCE, detail, actor));
      byAccount.computeIfAbsent(payment.accountId(), a -> new ArrayList<>()).add(payment);
    }
    rows.completeAll(paid.stream().map(DuePayment::id).toList(), PaymentStatus.PAID_FROM_BALANCE,
        CompletionRules.BALANCE, actor, now);
    rows.events(history, now);
    // one entry per account and day in the account's event log (the payments' own histories have one each)
    List<AccountEventLog.Entry> accountEvents = new ArrayList<>();
    byAccount.forEach((account, payments) -> {
      BigDecimal total = payments.stream().map(DuePayment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
      String ids = payments.stream().map(p -> String.valueOf(p.id())).collect(Collectors.joining(", "));
      accountEvents.add(new AccountEventLog.Entry(account, AccountEventType.PAYMENT_COMPLETED, actor, true,
          (payments.size() == 1 ? "Payment " + ids : "Payments " + ids)
              + " PAID_FROM_BALANCE automatically on the expiry date: " + Money.text(total) + " "
              + payments.get(0).currency()));
    });
    eventLog.recordAll(accountEvents);
    publisher.publishEvent(new PaymentsClosed(paid.stream().map(DuePayment::id).toList(), true));
  }

  /** PAY-4: why each payment was not paid, in its history (the payment stays AWAITING_PAYMENT). */
  @Transactional
  public void notPaid(List<NotPaid> notPaid, String actor) {
    rows.events(notPaid.stream().map(p -> new PaymentRows.NewEvent(p.paymentId(), PaymentEventKind.AUTO_DEBIT_SKIPPED,
        STATUS, STATUS, p.reason(), actor)).toList(), clock.instant());
  }

  /**
   * SUB-4: the payments' charge dates move (due date and expiry date, by the days given), each with a history entry
   * naming why, and one entry per payment in the account's event log; they stay AWAITING_PAYMENT.
   */
  @Transactional
  public void moveChargeDates(List<Moved> moved, String actor) {
    if (moved.isEmpty()) {
      return;
    }
    rows.moveChargeDates(moved);
    rows.events(moved.stream().map(m -> new PaymentRows.NewEvent(m.paymentId(), PaymentEventKind.CHARGE_DATE_MOVED,
        STATUS, STATUS, null, m.reason(), actor)).toList(), clock.instant());
    eventLog.recordAll(moved.stream().map(m -> new AccountEventLog.Entry(m.accountId(),
        AccountEventType.PAYMENT_CHARGE_DATE_MOVED, actor, true, "Payment " + m.paymentId() + ": " + m.reason()))
        .toList());
    publisher.publishEvent(new PaymentDatesMoved(moved.stream().map(Moved::paymentId).toList()));
  }

  /** The actor of the automatic debit's entries. */
  public static final String ACTOR = AccountEventLog.SYSTEM;
}
