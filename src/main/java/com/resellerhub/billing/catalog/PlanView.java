package com.resellerhub.billing.catalog;

import java.math.BigDecimal;

/** A plan as both APIs show it. */
public record PlanView(Long id, String code, String name, BillingModel billingModel, BigDecimal price,
    String currency, String period, boolean trialAvailable, Integer trialDays, boolean active) {

  static PlanView of(Plan plan) {
    return new PlanView(plan.getId(), plan.getCode(), plan.getName(), plan.getBillingModel(),
        plan.getPrice().stripTrailingZeros().scale() < 2 ? plan.getPrice().setScale(2,
            java.math.RoundingMode.UNNECESSARY) : plan.getPrice().stripTrailingZeros(),
        plan.getCurrency(), plan.getPeriod().toString(), plan.isTrialAvailable(), plan.getTrialDays(),
        plan.isActive());
  }
}
