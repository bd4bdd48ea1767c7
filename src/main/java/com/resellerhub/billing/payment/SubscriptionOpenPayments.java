package com.resellerhub.billing.payment;

import com.resellerhub.billing.order.TermOrders;
import com.resellerhub.billing.subscription.OpenPayments;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** SUB-1: a subscription's open payment: of its waiting renewal or prolongation order, or of an act billing it. */
@Component
class SubscriptionOpenPayments implements OpenPayments {

  private static final List<PaymentStatus> OPEN = List.of(PaymentStatus.AWAITING_PAYMENT, PaymentStatus.OVERDUE);

  private final TermOrders termOrders;
  private final PaymentRepository payments;
  private final PaymentRows rows;

  SubscriptionOpenPayments(TermOrders termOrders, PaymentRepository payments, PaymentRows rows) {
    this.termOrders = termOrders;
    this.payments = payments;
    this.rows = rows;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<OpenPayment> of(long subscriptionId) {
    Long act = rows.openActPaymentOf(subscriptionId);
    return Stream.concat(termOrders.openOf(subscriptionId).stream().flatMap(o -> payments.ofOrder(o, OPEN).stream()),
        act == null ? Stream.empty() : payments.findById(act).stream())
        .min(Comparator.comparing(Payment::getExpiresOn).thenComparing(Payment::getId))
        .map(p -> new OpenPayment(p.getId(), p.getAmount(), p.getCurrency(), p.getStatus().name(),
            p.getExpiresOn()));
  }
}
