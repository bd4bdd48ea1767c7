package com.resellerhub.billing.billingday;

import com.resellerhub.billing.catalog.BillingModel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * PAY-4: whether a payment is paid from the balance automatically on its expiry date, and if not, which condition
 * failed. Pure: it decides on the facts it is given, so every condition and combination is unit-tested; the
 * billing run gathers the facts and the ledger's debit re-checks the balance under the account lock.
 *
 * <p>Conditions, in the order they are checked (the first that fails is the reason):
 * <ol>
 *   <li>the reseller neither lets accounts work without balance nor has its invoices made by an external system;</li>
 *   <li>the payment is not a top-up, and awaits payment;</li>
 *   <li>POSTPAY: its expiry date (due date + 1 day) has not passed;</li>
 *   <li>PREPAY (ORDER or COMBINED): every order is a RENEWAL or PROLONGATION whose subscription is ACTIVE, DELIVERED
 *       or PAYMENT_OVERDUE; a RENEWAL was created before the subscription's expiry date, which has not passed, and
 *       the subscription renews automatically; a PROLONGATION was created on or before the paid-until date
 *       (automatically on that day or earlier), and paid-until has not passed or today is within the subscription's
 *       grace period after it;</li>
 *   <li>balance plus credit limit covers the amount (a promised payment's raised credit limit counts).</li>
 * </ol>
 * "Has not passed" means today is on or before the date: the run pays payments on their expiry date. A payment whose
 * charge date a promised payment moved by N days (SUB-4) is judged in 4 as on its original charge date (today − N).
 */
public final class SettlementRules {

  /** What kind of payment: an order's, several orders' (COMBINED), a top-up, or a postpay act. */
  public enum Kind { ORDER, COMBINED, TOP_UP, ACT }

  public enum OrderKind { NEW, RENEWAL, PROLONGATION }

  public enum SubscriptionState { PENDING, ACTIVE, DELIVERED, PAYMENT_OVERDUE, SUSPENDED, TERMINATED }

  private static final Set<SubscriptionState> PAYABLE_SUBSCRIPTION =
      Set.of(SubscriptionState.ACTIVE, SubscriptionState.DELIVERED, SubscriptionState.PAYMENT_OVERDUE);

  public record ResellerFlags(boolean allowWorkWithoutBalance, boolean invoicesByExternalSystem) {}

  /** An order of the payment and its subscription's dates. {@code paidUntil} may be null (never paid ahead). */
  public record OrderFacts(OrderKind kind, LocalDate createdOn, SubscriptionState subscription,
      LocalDate subscriptionExpiresOn, boolean autoRenew, LocalDate paidUntil, int gracePeriodDays) {}

  /**
   * The payment: kind, model, whether it awaits payment, expiry date, amount, what the account has, and by how many
   * days a promised payment moved its charge date (SUB-4; 0 when it did not).
   */
  public record PaymentFacts(Kind kind, BillingModel model, boolean awaitingPayment, LocalDate expiresOn,
      BigDecimal amount, BigDecimal available, List<OrderFacts> orders, int chargeMovedDays) {
    public PaymentFacts {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(available, "available");
      orders = orders == null ? List.of() : List.copyOf(orders);
      chargeMovedDays = Math.max(0, chargeMovedDays);
    }

    public PaymentFacts(Kind kind, BillingModel model, boolean awaitingPayment, LocalDate expiresOn,
        BigDecimal amount, BigDecimal available, List<OrderFacts> orders) {
      this(kind, model, awaitingPayment, expiresOn, amount, available, orders, 0);
    }
  }

  private SettlementRules() {}

  /** Empty when the payment is to be paid from the balance today; otherwise the first condition that failed. */
  public static Optional<SkipReason> check(ResellerFlags reseller, PaymentFacts payment, LocalDate today) {
    if (reseller.allowWorkWithoutBalance()) {
      return Optional.of(SkipReason.RESELLER_ALLOWS_WORK_WITHOUT_BALANCE);
    }
    if (reseller.invoicesByExternalSystem()) {
      return Optional.of(SkipReason.RESELLER_INVOICES_BY_EXTERNAL_SYSTEM);
    }
    if (payment.kind() == Kind.TOP_UP) {
      return Optional.of(SkipReason.TOP_UP_NOT_PAYABLE_FROM_BALANCE);
    }
    if (!payment.awaitingPayment()) {
      return Optional.of(SkipReason.NOT_AWAITING_PAYMENT);
    }
    Optional<SkipReason> modelReason = payment.model() == BillingModel.POSTPAY
        ? postpay(payment, today) : prepay(payment, today);
    if (modelReason.isPresent()) {
      return modelReason;
    }
    if (payment.available().compareTo(payment.amount()) < 0) {
      return Optional.of(SkipReason.INSUFFICIENT_BALANCE);
    }
    return Optional.empty();
  }

  private static Optional<SkipReason> postpay(PaymentFacts payment, LocalDate today) {
    if (payment.expiresOn() == null || today.isAfter(payment.expiresOn())) {
      return Optional.of(SkipReason.POSTPAY_EXPIRY_PASSED);
    }
    return Optional.empty();
  }

  private static Optional<SkipReason> prepay(PaymentFacts payment, LocalDate today) {
    if (payment.orders().isEmpty()) {
      return Optional.of(SkipReason.NO_ORDER);
    }
    // SUB-4: a charge moved by a promise's days is judged as on its original charge date
    LocalDate chargeDay = today.minusDays(payment.chargeMovedDays());
    for (OrderFacts order : payment.orders()) {
      Optional<SkipReason> reason = prepayOrder(order, chargeDay);
      if (reason.isPresent()) {
        return reason;
      }
    }
    return Optional.empty();
  }

  static Optional<SkipReason> prepayOrder(OrderFacts order, LocalDate today) {
    if (order.kind() != OrderKind.RENEWAL && order.kind() != OrderKind.PROLONGATION) {
      return Optional.of(SkipReason.ORDER_NOT_RENEWAL_OR_PROLONGATION);
    }
    if (order.subscription() == null || !PAYABLE_SUBSCRIPTION.contains(order.subscription())) {
      return Optional.of(SkipReason.SUBSCRIPTION_NOT_ACTIVE);
    }
    if (order.kind() == OrderKind.RENEWAL) {
      if (!order.createdOn().isBefore(order.subscriptionExpiresOn())) {
        return Optional.of(SkipReason.RENEWAL_CREATED_AFTER_EXPIRY);
      }
      if (today.isAfter(order.subscriptionExpiresOn())) {
        return Optional.of(SkipReason.RENEWAL_SUBSCRIPTION_EXPIRED);
      }
      if (!order.autoRenew()) {
        return Optional.of(SkipReason.RENEWAL_AUTO_RENEW_OFF);
      }
      return Optional.empty();
    }
    if (order.paidUntil() == null || order.createdOn().isAfter(order.paidUntil())) {
      return Optional.of(SkipReason.PROLONGATION_CREATED_AFTER_PAID_UNTIL);
    }
    LocalDate lastDay = order.paidUntil().plusDays(Math.max(0, order.gracePeriodDays()));
    if (today.isAfter(lastDay)) {
      return Optional.of(SkipReason.PROLONGATION_PAID_UNTIL_PASSED);
    }
    return Optional.empty();
  }
}
