package com.resellerhub.billing.order.process;

import com.resellerhub.billing.process.ProcessVariables;

import static com.resellerhub.billing.order.process.PostpayApproval.Variables.ACCOUNT_ID;

import com.resellerhub.billing.order.PostpayApprovalService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Notify escalation" (PP-10): the review is overdue; the domain notifies; the task stays open. */
@Component(PostpayApproval.Beans.ESCALATION_DELEGATE)
public class NotifyEscalationDelegate implements JavaDelegate {

  private final PostpayApprovalService approvals;

  public NotifyEscalationDelegate(PostpayApprovalService approvals) {
    this.approvals = approvals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    approvals.escalate(ProcessVariables.subjectId(execution, ACCOUNT_ID));
  }
}
