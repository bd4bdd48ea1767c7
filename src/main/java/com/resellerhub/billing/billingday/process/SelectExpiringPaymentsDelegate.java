package com.resellerhub.billing.billingday.process;

import static com.resellerhub.billing.billingday.process.BillingDayProcess.Variables.*;

import com.resellerhub.billing.billingday.SettlementService;
import com.resellerhub.billing.billingday.SettlementService.PreparedRun;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Select expiring payments": the run of the day (today by the application clock, or the requested date) with its
 * chunks; the instance gets the business key {@code <reseller>:<date>} and keeps only the run id and counts.
 */
@Component(BillingDayProcess.Beans.SELECT)
public class SelectExpiringPaymentsDelegate implements JavaDelegate {

  private final SettlementService autoDebit;
  private final Clock clock;

  public SelectExpiringPaymentsDelegate(SettlementService autoDebit, Clock clock) {
    this.autoDebit = autoDebit;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object requested = execution.getVariable(BUSINESS_DATE);
    LocalDate date = requested == null || requested.toString().isBlank() ? LocalDate.now(clock)
        : LocalDate.parse(requested.toString());
    PreparedRun run = autoDebit.prepare(date);
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(autoDebit.runKey(date));
    }
    execution.setVariable(BUSINESS_DATE, date.toString());
    execution.setVariable(RUN_ID, run.runId());
    execution.setVariable(PAYMENTS, run.payments());
    execution.setVariable(CHUNKS, run.chunks().size());
    execution.setVariable(CHECKS, 0);
  }
}
