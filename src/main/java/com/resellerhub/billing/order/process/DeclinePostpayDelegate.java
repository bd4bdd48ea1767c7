package com.resellerhub.billing.order.process;

import com.resellerhub.billing.process.ProcessVariables;

import static com.resellerhub.billing.order.process.PostpayApproval.Variables.ACCOUNT_ID;
import static com.resellerhub.billing.order.process.PostpayApproval.Variables.APPROVER_USER_ID;
import static com.resellerhub.billing.order.process.PostpayApproval.Variables.DECLINE_REASON;

import com.resellerhub.billing.order.PostpayApprovalService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Decline postpay permission" (PP-5): hands the decision and its reason to the domain. */
@Component(PostpayApproval.Beans.DECLINE_DELEGATE)
public class DeclinePostpayDelegate implements JavaDelegate {

  private final PostpayApprovalService approvals;

  public DeclinePostpayDelegate(PostpayApprovalService approvals) {
    this.approvals = approvals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    approvals.decline(ProcessVariables.subjectId(execution, ACCOUNT_ID),
        ProcessVariables.requiredString(execution, APPROVER_USER_ID),
        ProcessVariables.requiredString(execution, DECLINE_REASON));
  }
}
