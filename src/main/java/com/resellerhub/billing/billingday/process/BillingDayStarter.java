package com.resellerhub.billing.billingday.process;

import com.resellerhub.billing.billingday.BillingDayRuns;
import java.time.LocalDate;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts a date's {@code billing-day} instance by its message start event (the timer starts the daily ones). */
@Component
public class BillingDayStarter implements BillingDayRuns {

  private final RuntimeService runtimeService;

  public BillingDayStarter(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void request(LocalDate businessDate, String actor) {
    runtimeService.createMessageCorrelation(BillingDayProcess.MESSAGE_RUN_REQUESTED)
        .setVariable(BillingDayProcess.Variables.BUSINESS_DATE, businessDate.toString()).correlateStartMessage();
  }
}
