package com.resellerhub.billing.catalog;

import java.math.BigDecimal;

/**
 * A plan as both APIs show it. {@code instalmentPeriod} is the period itself when the price is paid at once;
 * {@code instalmentPrice} what one instalment costs (the last of a period may differ by the rounding remainder).
 * Amounts are shaped by {@code ledger.MoneyJson} (2 decimals).
 */
public record PlanView(Long id, String code, String name, BillingModel billingModel, BigDecimal price,
    String currency, String period, boolean trialAvailable, Integer trialDays, boolean active,
    String instalmentPeriod, BigDecimal instalmentPrice, int gracePeriodDays) {

  static PlanView of(Plan plan) {
    Instalments instalments = plan.getInstalments();
    return new PlanView(plan.getId(), plan.getCode(), plan.getName(), plan.getBillingModel(), plan.getPrice(),
        plan.getCurrency(), plan.getPeriod().toString(), plan.isTrialAvailable(), plan.getTrialDays(),
        plan.isActive(), plan.getInstalmentPeriod().toString(), instalments.regular(),
        plan.getGracePeriodDays());
  }
}
