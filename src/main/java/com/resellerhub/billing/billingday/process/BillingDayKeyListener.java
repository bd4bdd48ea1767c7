package com.resellerhub.billing.billingday.process;

import static com.resellerhub.billing.billingday.process.BillingDayProcess.Variables.BUSINESS_DATE;

import com.resellerhub.billing.billingday.SettlementService;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When a billing day's instance starts (timer or request): its date (the requested one, or today by the application
 * clock) and its business key {@code <reseller>:<date>}, so Cockpit names every instance from its first moment.
 */
@Component(BillingDayProcess.Beans.RUN_KEY)
public class BillingDayKeyListener implements ExecutionListener {

  private final SettlementService autoDebit;
  private final Clock clock;

  public BillingDayKeyListener(SettlementService autoDebit, Clock clock) {
    this.autoDebit = autoDebit;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object requested = execution.getVariable(BUSINESS_DATE);
    LocalDate date = requested == null || requested.toString().isBlank() ? LocalDate.now(clock)
        : LocalDate.parse(requested.toString());
    execution.setVariable(BUSINESS_DATE, date.toString());
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(autoDebit.runKey(date));
    }
  }
}
