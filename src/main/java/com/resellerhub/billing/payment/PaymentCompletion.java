package com.resellerhub.billing.payment;

import com.resellerhub.billing.account.AccountEventLog;
import com.resellerhub.billing.account.AccountEventType;
import com.resellerhub.billing.ledger.BalanceService;
import com.resellerhub.billing.ledger.EntryType;
import com.resellerhub.billing.ledger.Money;
import com.resellerhub.billing.ledger.Movement;
import com.resellerhub.billing.order.OrderService;
import com.resellerhub.billing.payment.CompletionRules.Channel;
import com.resellerhub.billing.web.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completing a payment (PAY-2, PAY-3, PAY-5, PAY-7), in one transaction:
 * <ol>
 *   <li>lock the payment's row ({@code SELECT ... FOR UPDATE}): concurrent completions of one payment run one after
 *       another, and every one but the first finds it no longer open (409);</li>
 *   <li>check {@link CompletionRules};</li>
 *   <li>move the money through the ledger, with keys derived from the payment id, so that no payment is ever debited
 *       or credited twice whatever retries, requests or nodes do (PAY-6):
 *       <ul>
 *         <li>BALANCE: a PAYMENT_DEBIT of the amount, key {@code payment:<id>} → PAID_FROM_BALANCE;</li>
 *         <li>a payment method, a gateway or the ERP (money received from outside): a TOP_UP credit of the amount, key
 *             {@code payment:<id>:received}, then, unless the payment is itself a top-up, the PAYMENT_DEBIT
 *             {@code payment:<id>} → COMPLETED. The balance ends where it was, and the ledger shows both the money
 *             that came in and what it paid;</li>
 *       </ul></li>
 *   <li>write the history and the account's event log, and provision the payment's orders.</li>
 * </ol>
 * A gateway's decline is not an error of the request: the attempt and its reason are written to the payment's
 * history, which commits, and the API answers 422 (rule {@code gateway-declined}).
 */
@Service
public class PaymentCompletion {

  /** The completed payment, or the gateway's decline reason. */
  public record Outcome(Payment payment, String declineReason) {
    public boolean declined() {
      return declineReason != null;
    }
  }

  private final PaymentRepository payments;
  private final PaymentEventRepository events;
  private final PaymentMethodRepository methods;
  private final PostpayActRepository acts;
  private final BalanceService balances;
  private final OrderService orders;
  private final AccountEventLog eventLog;
  private final Map<String, PaymentGatewayConnector> connectors;
  private final Clock clock;
  private final org.springframework.context.ApplicationEventPublisher publisher;

  public PaymentCompletion(PaymentRepository payments, PaymentEventRepository events, PaymentMethodRepository methods,
      PostpayActRepository acts, BalanceService balances, OrderService orders, AccountEventLog eventLog,
      List<PaymentGatewayConnector> connectors, Clock clock,
      org.springframework.context.ApplicationEventPublisher publisher) {
    this.publisher = publisher;
    this.payments = payments;
    this.events = events;
    this.methods = methods;
    this.acts = acts;
    this.balances = balances;
    this.orders = orders;
    this.eventLog = eventLog;
    this.connectors = connectors.stream().collect(Collectors.toMap(PaymentGatewayConnector::code,
        Function.identity()));
    this.clock = clock;
  }

  /**
   * Completes a payment.
   *
   * @param ownerAccountId the customer's account: another account's payment answers 404; null for managers and ERP
   * @param methodCode BALANCE or a payment method's code; ignored for the ERP
   */
  @Transactional
  public Outcome complete(Long paymentId, Channel channel, String methodCode, String actor, Long ownerAccountId) {
    Payment payment = payments.lock(paymentId)
        .filter(p -> ownerAccountId == null || p.getAccountId().equals(ownerAccountId))
        .orElseThrow(() -> new NotFoundException("Payment", paymentId));
    PostpayAct act = payment.getActId() == null ? null : acts.findById(payment.getActId()).orElse(null);
    String code = channel == Channel.ERP ? CompletionRules.ERP : methodCode;
    PaymentMethod method = channel == Channel.ERP || CompletionRules.BALANCE.equals(code) ? null
        : methods.findByCode(code).orElse(null);
    CompletionRules.check(payment, channel, code, method, act);

    PaymentStatus from = payment.getStatus();
    if (CompletionRules.BALANCE.equals(code)) {
      balances.record(payment.getAccountId(), Movement.debit(EntryType.PAYMENT_DEBIT, payment.getAmount(),
          debitKey(payment), "PAYMENT", payment.getId(), "Payment " + payment.getId() + " paid from the balance",
          actor));
      payment.completed(PaymentStatus.PAID_FROM_BALANCE, code, actor, clock.instant());
    } else {
      String reference = code;
      if (method != null && method.isGatewayConnector()) {
        PaymentGatewayConnector connector = connectors.get(method.getConnector());
        if (connector == null) {
          throw new IllegalStateException("Payment method " + method.getCode() + " names connector "
              + method.getConnector() + ", which is not installed");
        }
        PaymentGatewayConnector.Result result = connector.charge(new PaymentGatewayConnector.Charge(payment.getId(),
            payment.getAccountId(), payment.getAmount(), payment.getCurrency()));
        if (!result.approved()) {
          events.save(new PaymentEvent(payment.getId(), PaymentEventKind.ATTEMPT_DECLINED, from, from, code,
              "Declined: " + result.declineReason(), actor, clock.instant()));
          eventLog.record(payment.getAccountId(), AccountEventType.PAYMENT_DECLINED, actor, true,
              "Payment " + payment.getId() + " declined by " + method.getName() + ": " + result.declineReason());
          return new Outcome(payment, result.declineReason());
        }
        reference = code + " " + result.transactionId();
      }
      Movement received = Movement.credit(EntryType.TOP_UP, payment.getAmount(),
          "payment:" + payment.getId() + ":received", "PAYMENT", payment.getId(),
          "Received for payment " + payment.getId() + " (" + reference + ")", actor);
      if (payment.getType() == PaymentType.TOP_UP) {
        balances.record(payment.getAccountId(), received);
      } else {
        balances.receiveAndPay(payment.getAccountId(), received, Movement.debit(EntryType.PAYMENT_DEBIT,
            payment.getAmount(), debitKey(payment), "PAYMENT", payment.getId(), "Payment " + payment.getId()
                + " paid (" + reference + ")", actor));
      }
      payment.completed(PaymentStatus.COMPLETED, code, actor, clock.instant());
    }
    events.save(new PaymentEvent(payment.getId(), PaymentEventKind.STATUS_CHANGED, from, payment.getStatus(), code,
        channel + " completion", actor, clock.instant()));
    eventLog.record(payment.getAccountId(), AccountEventType.PAYMENT_COMPLETED, actor, true, "Payment "
        + payment.getId() + " " + payment.getStatus() + " (" + code + "): " + Money.text(payment.getAmount())
        + " " + payment.getCurrency());
    // NEW orders open their subscription, RENEWAL and PROLONGATION orders extend theirs.
    orders.provisionPaidAll(payment.getOrderIds());
    publisher.publishEvent(new PaymentsClosed(List.of(payment.getId()), true));
    return new Outcome(payment, null);
  }

  /**
   * PROM-6: pays from the balance the open payments of these orders of the account, oldest first, each only when the
   * balance plus the credit limit covers it (a payment it does not cover stays open, as it was); returns the ids of
   * the payments paid. A payment no longer open is left alone, so a repeat pays nothing twice. Joins the caller's
   * transaction (a promise's "Grant credit" step, after the credit limit was raised).
   */
  @Transactional
  public List<Long> payOrdersFromBalance(long accountId, java.util.Collection<Long> orderIds, String actor) {
    java.util.Set<Long> open = new java.util.TreeSet<>();
    for (Long orderId : orderIds) {
      payments.ofOrder(orderId, List.of(PaymentStatus.AWAITING_PAYMENT, PaymentStatus.OVERDUE)).stream()
          .filter(p -> p.getAccountId().equals(accountId)).forEach(p -> open.add(p.getId()));
    }
    List<Long> paid = new java.util.ArrayList<>();
    for (Long id : open) {
      Payment payment = payments.lock(id).orElse(null);
      if (payment == null || !payment.getStatus().isOpen() || payment.getType() == PaymentType.TOP_UP
          || balances.balance(accountId).available().compareTo(payment.getAmount()) < 0) {
        continue;
      }
      complete(id, Channel.SYSTEM, CompletionRules.BALANCE, actor, accountId);
      paid.add(id);
    }
    return paid;
  }

  /** The one debit a payment can ever have. */
  public static String debitKey(Payment payment) {
    return debitKey(payment.getId());
  }

  /** The one debit a payment can ever have, by the payment's id. */
  public static String debitKey(long paymentId) {
    return "payment:" + paymentId;
  }
}
