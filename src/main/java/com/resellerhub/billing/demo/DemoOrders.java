package com.resellerhub.billing.demo;

import com.resellerhub.billing.catalog.Plan;
import com.resellerhub.billing.catalog.PlanService;
import com.resellerhub.billing.order.OrderChannel;
import com.resellerhub.billing.order.OrderService;
import com.resellerhub.billing.security.AccountLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/**
 * The demo's open approval task (OPS-1): Northwind Traders (NOT_VERIFIED, owner {@code northwind}) has ordered the
 * postpaid "Cloud Server M", so Tasklist shows managers a "Review postpay permission" task. Runs after the demo
 * accounts and plans; once only.
 */
@Component
@Profile("demo")
public class DemoOrders {

  private static final Logger log = LoggerFactory.getLogger(DemoOrders.class);

  private final AccountLinks accountLinks;
  private final PlanService plans;
  private final OrderService orders;

  public DemoOrders(AccountLinks accountLinks, PlanService plans, OrderService orders) {
    this.accountLinks = accountLinks;
    this.plans = plans;
    this.orders = orders;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(30)
  public void load() {
    Long northwind = accountLinks.accountOf("northwind").orElse(null);
    Plan serverM = plans.list().stream().filter(p -> p.getCode().equals("cloud-server-m")).findFirst().orElse(null);
    if (northwind == null || serverM == null || !orders.ofAccount(northwind, Pageable.ofSize(1)).isEmpty()) {
      return;
    }
    orders.place(new OrderService.PlaceOrder(northwind, serverM.getId(), false, "northwind",
        OrderChannel.CUSTOMER_API));
    log.info("Demo: Northwind Traders ordered {}; its postpay review waits in Tasklist", serverM.getName());
  }
}
