package com.resellerhub.billing.payment;

import com.resellerhub.billing.order.TermOrders;
import com.resellerhub.billing.web.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the collections process reads of payments (SUB-3, COL-1..3); it changes none. */
@Service
public class PaymentCollections {

  /**
   * A payment as collections see it.
   *
   * @param subscriptionIds the subscriptions it pays: those of its RENEWAL and PROLONGATION orders, or those its act
   *     bills; empty for a NEW order's payment
   */
  public record Facts(long paymentId, long accountId, PaymentType type, PaymentStatus status, BigDecimal amount,
      String currency, LocalDate expiresOn, List<Long> subscriptionIds) {

    public Facts {
      subscriptionIds = List.copyOf(subscriptionIds);
    }

    public boolean open() {
      return status.isOpen();
    }
  }

  private final PaymentRepository payments;
  private final PaymentRows rows;
  private final TermOrders termOrders;

  public PaymentCollections(PaymentRepository payments, PaymentRows rows, TermOrders termOrders) {
    this.payments = payments;
    this.rows = rows;
    this.termOrders = termOrders;
  }

  @Transactional(readOnly = true)
  public Facts facts(long paymentId) {
    Payment p = payments.findById(paymentId).orElseThrow(() -> new NotFoundException("Payment", paymentId));
    List<Long> subscriptions = new ArrayList<>(termOrders.subscriptionsOf(p.getOrderIds()));
    if (p.getActId() != null) {
      subscriptions.addAll(rows.actSubscriptions(p.getActId()));
    }
    return new Facts(p.getId(), p.getAccountId(), p.getType(), p.getStatus(), p.getAmount(), p.getCurrency(),
        p.getExpiresOn(), subscriptions.stream().distinct().sorted().toList());
  }

  /** Whether the payment pays a subscription's term: an act, or a renewal or prolongation order. */
  boolean isTermPayment(Payment p) {
    return p.getActId() != null || !termOrders.subscriptionsOf(p.getOrderIds()).isEmpty();
  }

  /** The sum of the account's OVERDUE payments. */
  @Transactional(readOnly = true)
  public BigDecimal overdueTotal(long accountId) {
    return rows.overdueTotal(accountId);
  }

  /** The sum of all OVERDUE payments (the operator's gauge). */
  @Transactional(readOnly = true)
  public BigDecimal overdueTotal() {
    return rows.overdueTotal();
  }

  /** The account's OVERDUE payments, oldest expiry first. */
  @Transactional(readOnly = true)
  public List<Long> overdueOf(long accountId) {
    return rows.overdueOf(accountId);
  }

  /**
   * A page of the payments collections may follow on a day: OVERDUE, or awaiting payment and expiring on or before
   * {@code remindFrom}; no top-ups. Ids above {@code afterId}, ascending.
   */
  @Transactional(readOnly = true)
  public List<Long> collectable(LocalDate remindFrom, long afterId, int limit) {
    return rows.collectable(remindFrom, afterId, limit);
  }
}
