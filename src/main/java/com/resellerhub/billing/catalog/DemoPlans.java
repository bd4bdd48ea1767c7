package com.resellerhub.billing.catalog;

import java.math.BigDecimal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo plans of both billing models (profile {@code demo}), created once: a second start adds nothing. */
@Component
@Profile("demo")
public class DemoPlans {

  private static final Logger log = LoggerFactory.getLogger(DemoPlans.class);

  static final List<NewPlan> PLANS = List.of(
      new NewPlan("cloud-server-s", "Cloud Server S", BillingModel.PREPAY, new BigDecimal("9.90"), null, "P1M",
          true, 14, true),
      new NewPlan("backup-annual", "Backup 1 TB, yearly", BillingModel.PREPAY, new BigDecimal("99.00"), null, "P1Y",
          false, null, true),
      new NewPlan("cloud-server-m", "Cloud Server M (pay after use)", BillingModel.POSTPAY, new BigDecimal("49.00"),
          null, "P1M", true, 30, true),
      new NewPlan("business-telephony", "Business Telephony (pay after use)", BillingModel.POSTPAY,
          new BigDecimal("29.00"), null, "P1M", false, null, true));

  private final PlanService plans;

  public DemoPlans(PlanService plans) {
    this.plans = plans;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(20)
  public void load() {
    List<String> existing = plans.list().stream().map(Plan::getCode).toList();
    for (NewPlan plan : PLANS) {
      if (!existing.contains(plan.code())) {
        plans.create(plan);
        log.info("Demo plan {} created", plan.code());
      }
    }
  }
}
