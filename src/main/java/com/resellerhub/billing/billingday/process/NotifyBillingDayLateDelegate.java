package com.resellerhub.billing.billingday.process;

import static com.resellerhub.billing.billingday.process.BillingDayProcess.Variables.RUN_ID;

import com.resellerhub.billing.billingday.BillingDayLateNotice;
import com.resellerhub.billing.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Notify operations" after "Billing day late": the mail with the run's figures so far. */
@Component(BillingDayProcess.Beans.NOTIFY_LATE)
public class NotifyBillingDayLateDelegate implements JavaDelegate {

  private final BillingDayLateNotice notice;

  public NotifyBillingDayLateDelegate(BillingDayLateNotice notice) {
    this.notice = notice;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notice.notifyLate(ProcessVariables.requiredLong(execution, RUN_ID));
  }
}
