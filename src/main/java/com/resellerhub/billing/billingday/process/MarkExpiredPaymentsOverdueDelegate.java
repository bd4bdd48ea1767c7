package com.resellerhub.billing.billingday.process;

import com.resellerhub.billing.process.ProcessVariables;

import static com.resellerhub.billing.billingday.process.BillingDayProcess.Variables.*;

import com.resellerhub.billing.billingday.SettlementService;
import com.resellerhub.billing.billingday.SettlementService.Progress;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Mark expired payments overdue" (PAY-5) and finish the run with its final figures. */
@Component(BillingDayProcess.Beans.MARK_OVERDUE)
public class MarkExpiredPaymentsOverdueDelegate implements JavaDelegate {

  private final SettlementService settlement;

  public MarkExpiredPaymentsOverdueDelegate(SettlementService settlement) {
    this.settlement = settlement;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Progress progress = settlement.finish(ProcessVariables.requiredLong(execution, RUN_ID));
    RunFigures.set(execution, progress);
    execution.setVariable(OVERDUE_MARKED, progress.overdueMarked() == null ? 0 : progress.overdueMarked());
  }
}
