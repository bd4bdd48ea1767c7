package com.resellerhub.billing.process;

import static com.resellerhub.billing.process.AutoDebitProcess.Variables.BUSINESS_DATE;

import com.resellerhub.billing.autodebit.AutoDebitService;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When a billing day's instance starts (timer or request): its date (the requested one, or today by the application
 * clock) and its business key {@code <reseller>:<date>}, so Cockpit names every instance from its first moment.
 */
@Component(AutoDebitProcess.Beans.RUN_KEY)
public class AutoDebitRunKeyListener implements ExecutionListener {

  private final AutoDebitService autoDebit;
  private final Clock clock;

  public AutoDebitRunKeyListener(AutoDebitService autoDebit, Clock clock) {
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
