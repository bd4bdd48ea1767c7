package com.resellerhub.billing.billingday.process;

import static com.resellerhub.billing.billingday.process.BillingDayProcess.Variables.*;

import com.resellerhub.billing.billingday.SettlementService;
import com.resellerhub.billing.process.ProcessVariables;
import com.resellerhub.billing.billingday.SettlementService.PreparedRun;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Select expiring payments", the first step of "Settle the day's payments": the run of the day with its chunks; the
 * instance keeps only the run id and counts.
 */
@Component(BillingDayProcess.Beans.SELECT)
public class SelectExpiringPaymentsDelegate implements JavaDelegate {

  private final SettlementService settlement;

  public SelectExpiringPaymentsDelegate(SettlementService settlement) {
    this.settlement = settlement;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // the date and the business key were set when the instance started (BillingDayKeyListener)
    LocalDate date = LocalDate.parse(ProcessVariables.requiredString(execution, BUSINESS_DATE));
    PreparedRun run = settlement.prepare(date);
    execution.setVariable(RUN_ID, run.runId());
    execution.setVariable(PAYMENTS, run.payments());
    execution.setVariable(CHUNKS, run.chunks().size());
    execution.setVariable(CHECKS, 0);
  }
}
