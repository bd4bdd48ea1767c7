package com.resellerhub.billing.process;

import com.resellerhub.billing.autodebit.AutoDebitRuns;
import java.time.LocalDate;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts a date's {@code auto-debit} instance by its message start event (the timer starts the daily ones). */
@Component
public class AutoDebitStarter implements AutoDebitRuns {

  private final RuntimeService runtimeService;

  public AutoDebitStarter(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void request(LocalDate businessDate, String actor) {
    runtimeService.createMessageCorrelation(AutoDebitProcess.MESSAGE_RUN_REQUESTED)
        .setVariable(AutoDebitProcess.Variables.BUSINESS_DATE, businessDate.toString()).correlateStartMessage();
  }
}
