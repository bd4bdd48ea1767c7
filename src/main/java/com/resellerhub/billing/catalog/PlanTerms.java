package com.resellerhub.billing.catalog;

import java.time.Period;

/**
 * What provisioning needs of a plan, read without loading the entity ({@link PlanService#termsOf}): the billing
 * model, the period and instalment, the trial's days and the grace period.
 */
public record PlanTerms(long id, BillingModel billingModel, Period period, Period instalment, Integer trialDays,
    int gracePeriodDays) {

  public PlanTerms {
    instalment = instalment == null ? period : instalment;
  }

  public boolean isPostpaid() {
    return billingModel == BillingModel.POSTPAY;
  }

  /** The length of a new subscription: the plan's period, or the trial's days (30 when the plan names none). */
  public Period periodOf(boolean trial) {
    return trial ? Period.ofDays(trialDays == null ? 30 : trialDays) : period;
  }
}
