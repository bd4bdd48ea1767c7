package com.resellerhub.billing.order;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** Body of an order POST: the plan, and whether it is the plan's trial (default: commercial). */
public record NewOrderRequest(@NotNull @Positive Long planId, Boolean trial) {

  boolean isTrial() {
    return Boolean.TRUE.equals(trial);
  }
}
