package com.resellerhub.billing.order;

import com.resellerhub.billing.subscription.SubscriptionRenewalStopped;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A subscription that renews no more has no open renewal order (SUB-2): cancelled in the same transaction. */
@Component
class OrdersOnSubscriptionStop {

  private final OrderService orders;

  OrdersOnSubscriptionStop(OrderService orders) {
    this.orders = orders;
  }

  @EventListener
  void stopped(SubscriptionRenewalStopped stopped) {
    orders.cancelTermOrders(stopped.subscriptionId(), stopped.terminated(), stopped.actor(), stopped.reason());
  }
}
