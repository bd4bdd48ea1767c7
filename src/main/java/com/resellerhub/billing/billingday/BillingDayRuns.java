package com.resellerhub.billing.billingday;

import java.time.LocalDate;

/** Starts a billing day's run now instead of at its scheduled time (implemented by the process glue). */
public interface BillingDayRuns {

  /** Starts the {@code billing-day} process for the date; the run itself is created once per date whatever happens. */
  void request(LocalDate businessDate, String actor);
}
