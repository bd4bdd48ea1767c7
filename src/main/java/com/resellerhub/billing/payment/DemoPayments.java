package com.resellerhub.billing.payment;

import com.resellerhub.billing.catalog.Plan;
import com.resellerhub.billing.catalog.PlanService;
import com.resellerhub.billing.ledger.BalanceService;
import com.resellerhub.billing.ledger.EntryType;
import com.resellerhub.billing.ledger.Movement;
import com.resellerhub.billing.order.OrderChannel;
import com.resellerhub.billing.order.OrderService;
import com.resellerhub.billing.security.AccountLinks;
import java.math.BigDecimal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's payments (profile {@code demo}), idempotent across restarts: the TEST_GATEWAY payment method (backed by
 * {@link TestGatewayConnector}); an opening balance of 500.00 on the {@code customer} account ("Demo Customer GmbH",
 * one ledger key, so it is credited once); and, when that account has no payment yet, an order of the PREPAY plan
 * "Cloud Server S", which leaves an AWAITING_PAYMENT ORDER payment of 9.90 to pay.
 */
@Component
@Profile("demo")
public class DemoPayments {

  private static final Logger log = LoggerFactory.getLogger(DemoPayments.class);

  private final PaymentMethodRepository methods;
  private final PaymentRepository payments;
  private final AccountLinks accountLinks;
  private final BalanceService balances;
  private final PlanService plans;
  private final OrderService orders;

  public DemoPayments(PaymentMethodRepository methods, PaymentRepository payments, AccountLinks accountLinks,
      BalanceService balances, PlanService plans, OrderService orders) {
    this.methods = methods;
    this.payments = payments;
    this.accountLinks = accountLinks;
    this.balances = balances;
    this.plans = plans;
    this.orders = orders;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(40)
  @Transactional
  public void load() {
    if (methods.findByCode("TEST_GATEWAY").isEmpty()) {
      methods.save(new PaymentMethod("TEST_GATEWAY", "Test gateway (no real money)", TestGatewayConnector.CODE));
      log.info("Demo: payment method TEST_GATEWAY created");
    }
    Long customer = accountLinks.accountOf("customer").orElse(null);
    if (customer == null) {
      return;
    }
    balances.record(customer, Movement.credit(EntryType.TOP_UP, new BigDecimal("500.00"),
        "demo:customer:opening-balance", "TOP_UP", null, "Demo opening balance (bank transfer)", "manager"));
    Plan serverS = plans.list().stream().filter(p -> p.getCode().equals("cloud-server-s")).findFirst().orElse(null);
    if (serverS != null && !payments.existsByAccountId(customer)) {
      orders.place(new OrderService.PlaceOrder(customer, serverS.getId(), false, "customer",
          OrderChannel.CUSTOMER_API));
      log.info("Demo: Demo Customer GmbH ordered {}; its payment waits (balance 500.00)", serverS.getName());
    }
  }
}
