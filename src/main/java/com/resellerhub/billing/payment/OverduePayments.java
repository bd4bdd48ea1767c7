package com.resellerhub.billing.payment;

import com.resellerhub.billing.account.AccountEventLog;
import com.resellerhub.billing.account.AccountEventType;
import com.resellerhub.billing.order.TermOrders;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


/** PAY-5: payments left unpaid past their expiry date become OVERDUE, with the subscriptions they were to pay. */
@Service
public class OverduePayments {

  private static final Logger log = LoggerFactory.getLogger(OverduePayments.class);

  private final PaymentRows rows;
  private final AccountEventLog eventLog;
  private final TermOrders termOrders;
  private final Clock clock;
  private final int overduePageSize;

  public OverduePayments(PaymentRows rows, AccountEventLog eventLog, TermOrders termOrders, Clock clock,
      PaymentSettings settings) {
    this.rows = rows;
    this.eventLog = eventLog;
    this.termOrders = termOrders;
    this.clock = clock;
    this.overduePageSize = settings.overduePageSize();
  }

  /**
   * PAY-5: turns every AWAITING_PAYMENT payment whose expiry date is before {@code today} into OVERDUE, and puts the
   * subscriptions of its RENEWAL and PROLONGATION orders into PAYMENT_OVERDUE (when ACTIVE or DELIVERED), each with
   * an entry in the account's event log. Returns how many payments it marked.
   *
   * <p>It works through the payments in pages of {@code billing.payments.overdue-page-size} (default 500) with plain
   * JDBC ({@link PaymentRows}), in the caller's transaction (or its own; neither changes a payment through JPA):
   * each page's rows are locked ({@code SELECT ... FOR UPDATE}) before they change, and the update once more requires
   * AWAITING_PAYMENT, so a completion running at the same moment either wins (the payment is paid, not marked) or
   * waits for this transaction; nothing is overwritten. A page takes a few statements whatever its size.
   */
  @Transactional
  public int markExpiredOverdue(LocalDate today) {
    int marked = 0;
    int subscriptionsOverdue = 0;
    long after = 0;
    while (true) {
      List<PaymentRows.Expired> page = rows.lockExpired(today, after, overduePageSize);
      if (page.isEmpty()) {
        break;
      }
      after = page.get(page.size() - 1).id();
      List<PaymentRows.Expired> changed = rows.markOverdue(page);
      rows.events(changed.stream().map(p -> new PaymentRows.NewEvent(p.id(), PaymentEventKind.STATUS_CHANGED,
          PaymentStatus.AWAITING_PAYMENT, PaymentStatus.OVERDUE, "Not paid by its expiry date " + p.expiresOn(),
          AccountEventLog.SYSTEM)).toList(), clock.instant());
      eventLog.recordAll(changed.stream().map(p -> new AccountEventLog.Entry(p.accountId(),
          AccountEventType.PAYMENT_OVERDUE, AccountEventLog.SYSTEM, true, "Payment " + p.id() + " is overdue (expired "
              + p.expiresOn() + ")")).toList());
      subscriptionsOverdue += termOrders.paymentsOverdue(ordersOf(changed));
      marked += changed.size();
      if (page.size() < overduePageSize) {
        break;
      }
    }
    if (marked > 0) {
      log.info("{} payments became OVERDUE on {}; {} subscriptions PAYMENT_OVERDUE", marked, today,
          subscriptionsOverdue);
    }
    return marked;
  }

  /** Each order of these payments, with the reason its subscription becomes PAYMENT_OVERDUE. */
  private Map<Long, String> ordersOf(List<PaymentRows.Expired> payments) {
    Map<Long, String> whyByOrder = new LinkedHashMap<>();
    if (payments.isEmpty()) {
      return whyByOrder;
    }
    Map<Long, PaymentRows.Expired> byId = new LinkedHashMap<>();
    payments.forEach(p -> byId.put(p.id(), p));
    rows.ordersOf(byId.keySet()).forEach((paymentId, orderIds) -> {
      PaymentRows.Expired p = byId.get(paymentId);
      orderIds.forEach(orderId -> whyByOrder.put(orderId, "payment " + p.id() + " of order " + orderId
          + " expired unpaid on " + p.expiresOn()));
    });
    return whyByOrder;
  }

  /** How many payments are OVERDUE (the operator's gauge). */
  @Transactional(readOnly = true)
  public long overdueCount() {
    return rows.countWithStatus(PaymentStatus.OVERDUE);
  }

}
