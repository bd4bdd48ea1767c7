package com.resellerhub.billing.order;

/**
 * Asks for the payment of an order that must be paid before it is provisioned (a PREPAY commercial order). The
 * payments feature implements it and calls {@link OrderService#provisionPaidAll} once the payment is paid; this
 * interface keeps the order feature free of the payment feature (and the beans free of a cycle).
 */
public interface OrderPayments {

  /** Creates the order's payment in the caller's transaction. */
  void requestPayment(Order order);

  /** Cancels the order's open payment when it pays this order alone (a combined payment is left as it is). */
  void cancelForOrder(long orderId, String actor, String reason);
}
