package com.resellerhub.billing.process;

import static com.resellerhub.billing.process.AutoDebitProcess.Variables.*;

import com.resellerhub.billing.autodebit.AutoDebitService;
import com.resellerhub.billing.autodebit.AutoDebitService.Progress;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Mark expired payments overdue" (PAY-5) and finish the run with its final figures. */
@Component(AutoDebitProcess.Beans.MARK_OVERDUE)
public class MarkExpiredPaymentsOverdueDelegate implements JavaDelegate {

  private final AutoDebitService autoDebit;

  public MarkExpiredPaymentsOverdueDelegate(AutoDebitService autoDebit) {
    this.autoDebit = autoDebit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Progress progress = autoDebit.finish(ProcessVariables.requiredLong(execution, RUN_ID));
    RunFigures.set(execution, progress);
    execution.setVariable(OVERDUE_MARKED, progress.overdueMarked() == null ? 0 : progress.overdueMarked());
  }
}
