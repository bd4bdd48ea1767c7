package com.resellerhub.billing.catalog;

import java.math.BigDecimal;
import java.time.Period;

/**
 * What the billing day needs of a plan, read without loading the entity ({@link PlanService#prices}): the billing
 * model, the price and currency, the period and the instalment (null when paid at once).
 */
public record PlanPrice(long id, BillingModel billingModel, BigDecimal price, String currency, Period period,
    Period instalment) {}
