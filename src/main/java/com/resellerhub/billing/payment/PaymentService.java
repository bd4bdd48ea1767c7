package com.resellerhub.billing.payment;

import com.resellerhub.billing.account.Account;
import com.resellerhub.billing.account.AccountEventLog;
import com.resellerhub.billing.account.AccountEventType;
import com.resellerhub.billing.account.AccountService;
import com.resellerhub.billing.catalog.BillingModel;
import com.resellerhub.billing.ledger.Money;
import com.resellerhub.billing.order.Order;
import com.resellerhub.billing.order.OrderPayments;
import com.resellerhub.billing.reseller.ResellerService;
import com.resellerhub.billing.web.BusinessRuleException;
import com.resellerhub.billing.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issuing payments (PAY-1) and reading them: an ORDER payment for a PREPAY order, a COMBINED payment for several
 * orders, a TOP_UP payment for a customer's top-up request. The other reasons to change live apart: acts and the
 * ERP's confirmation {@link PostpayActs} (PAY-3), expiry into OVERDUE {@link OverduePayments} (PAY-5), money a
 * manager received {@link TopUps}, completion {@link PaymentCompletion}.
 *
 * <p>Dates: ORDER, COMBINED and TOP_UP payments are due {@code billing.payments.due-days} (default 3) after creation
 * and expire on their due date.
 */
@Service
public class PaymentService implements OrderPayments {

  private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

  /** A payment and its history. */
  public record Detail(Payment payment, List<PaymentEvent> history) {}

  private final PaymentRepository payments;
  private final PaymentEventRepository events;
  private final PaymentMethodRepository methods;
  private final AccountService accounts;
  private final AccountEventLog eventLog;
  private final ResellerService resellers;
  private final Clock clock;
  private final int dueDays;
  private final org.springframework.context.ApplicationEventPublisher publisher;

  public PaymentService(PaymentRepository payments, PaymentEventRepository events, PaymentMethodRepository methods,
      AccountService accounts, AccountEventLog eventLog, ResellerService resellers, Clock clock,
      PaymentSettings settings, org.springframework.context.ApplicationEventPublisher publisher) {
    this.publisher = publisher;
    this.payments = payments;
    this.events = events;
    this.methods = methods;
    this.accounts = accounts;
    this.eventLog = eventLog;
    this.resellers = resellers;
    this.clock = clock;
    this.dueDays = settings.dueDays();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Creation

  /** A PREPAY order waits for this ORDER payment (called by the order feature in its transaction). */
  @Override
  @Transactional
  public void requestPayment(Order order) {
    LocalDate due = today().plusDays(dueDays);
    Payment payment = new Payment(order.getAccountId(), PaymentType.ORDER, BillingModel.PREPAY, order.getPrice(),
        order.getCurrency(), due, due, order.getCreatedBy(), clock.instant());
    payment.linkOrders(List.of(order.getId()));
    created(payments.save(payment), "for order " + order.getId());
  }

  /** The order's open ORDER payment is CANCELLED (SUB-2); a COMBINED payment of several orders is left as it is. */
  @Override
  @Transactional
  public void cancelForOrder(long orderId, String actor, String reason) {
    for (Payment open : payments.ofOrder(orderId, List.of(PaymentStatus.AWAITING_PAYMENT, PaymentStatus.OVERDUE))) {
      if (open.getType() != PaymentType.ORDER) {
        continue;
      }
      Payment locked = lockPayment(open.getId());
      if (locked.getStatus().isOpen()) {
        cancel(locked, "Order " + orderId + " cancelled: " + reason, actor);
      }
    }
  }

  /** An open payment becomes CANCELLED, with the reason in its history. */
  private void cancel(Payment payment, String why, String actor) {
    PaymentStatus from = payment.getStatus();
    payment.cancelled();
    events.save(new PaymentEvent(payment.getId(), PaymentEventKind.STATUS_CHANGED, from, PaymentStatus.CANCELLED,
        null, why, actor, clock.instant()));
    publisher.publishEvent(new PaymentsClosed(List.of(payment.getId()), false));
  }

  /**
   * One COMBINED payment for several orders of the account that wait for their payment: their open ORDER payments
   * are CANCELLED (their history names the combined payment) and the combined one, of their sum, pays them all.
   */
  @Transactional
  public Payment combine(Long accountId, List<Long> orderIds, String actor) {
    Account account = accounts.lock(accountId);
    List<Long> distinct = orderIds.stream().distinct().sorted().toList();
    if (distinct.size() < 2) {
      throw new BusinessRuleException("combined-needs-orders", "orderIds",
          "A combined payment pays at least two different orders");
    }
    List<PaymentStatus> open = List.of(PaymentStatus.AWAITING_PAYMENT, PaymentStatus.OVERDUE);
    List<Payment> parts = new java.util.ArrayList<>();
    for (Long orderId : distinct) {
      Payment part = payments.ofOrder(orderId, open).stream()
          .filter(p -> p.getType() == PaymentType.ORDER && p.getAccountId().equals(account.getId()))
          .findFirst().map(p -> lockPayment(p.getId())).filter(p -> p.getStatus().isOpen())
          .orElseThrow(() -> new BusinessRuleException("order-not-awaiting-payment", "orderIds",
              "Order " + orderId + " is not an order of account " + accountId + " waiting for its own payment"));
      parts.add(part);
    }
    BigDecimal sum = parts.stream().map(Payment::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    LocalDate due = today().plusDays(dueDays);
    Payment combined = new Payment(account.getId(), PaymentType.COMBINED, BillingModel.PREPAY, Money.of(sum),
        parts.get(0).getCurrency(), due, due, actor, clock.instant());
    combined.linkOrders(distinct);
    created(payments.save(combined), "for orders " + distinct);
    for (Payment part : parts) {
      cancel(part, "Combined into payment " + combined.getId(), actor);
    }
    return combined;
  }

  /** PAY-7: the customer asks to top up the balance; the TOP_UP payment is paid through a gateway. */
  @Transactional
  public Payment requestTopUp(Long accountId, BigDecimal amount, String actor) {
    Account account = accounts.get(accountId);
    LocalDate due = today().plusDays(dueDays);
    Payment payment = payments.save(new Payment(account.getId(), PaymentType.TOP_UP, BillingModel.PREPAY,
        Money.of(amount), resellers.current().getCurrency(), due, due, actor, clock.instant()));
    return created(payment, "balance top-up");
  }

  /** Records a new payment's CREATED history entry and its account event. */
  Payment created(Payment payment, String what) {
    events.save(new PaymentEvent(payment.getId(), PaymentEventKind.CREATED, null, payment.getStatus(), null,
        payment.getType() + " payment " + what, payment.getCreatedBy(), clock.instant()));
    eventLog.record(payment.getAccountId(), AccountEventType.PAYMENT_CREATED, payment.getCreatedBy(), true,
        "Payment " + payment.getId() + " (" + payment.getType() + ") of " + Money.text(payment.getAmount()) + " "
            + payment.getCurrency() + " " + what);
    return payment;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Reading

  @Transactional(readOnly = true)
  public Detail detail(Long id) {
    Payment payment = payments.findById(id).orElseThrow(() -> new NotFoundException("Payment", id));
    return new Detail(payment, events.findByPaymentIdOrderByIdAsc(id));
  }

  /** The account's payment with its history, or 404 when it is another account's. */
  @Transactional(readOnly = true)
  public Detail detailOfAccount(Long accountId, Long id) {
    Payment payment = payments.findById(id).filter(p -> p.getAccountId().equals(accountId))
        .orElseThrow(() -> new NotFoundException("Payment", id));
    return new Detail(payment, events.findByPaymentIdOrderByIdAsc(id));
  }

  @Transactional(readOnly = true)
  public Page<Payment> search(PaymentStatus status, PaymentType type, Long accountId, Pageable pageable) {
    return payments.search(status, type, accountId, pageable);
  }

  @Transactional(readOnly = true)
  public Page<Payment> ofAccount(Long accountId, Pageable pageable) {
    return payments.findByAccountIdOrderByIdDesc(accountId, pageable);
  }

  @Transactional(readOnly = true)
  public List<PaymentMethod> methods() {
    return methods.findByActiveTrueOrderByCode();
  }

  Payment lockPayment(Long id) {
    return payments.lock(id).orElseThrow(() -> new NotFoundException("Payment", id));
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
