package com.resellerhub.billing.order.process;

import com.resellerhub.billing.process.ProcessVariables;

import static com.resellerhub.billing.order.process.PostpayApproval.Variables.ACCOUNT_ID;
import static com.resellerhub.billing.order.process.PostpayApproval.Variables.APPROVER_USER_ID;

import com.resellerhub.billing.order.PostpayApprovalService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Approve postpay permission" (PP-4): hands the decision to the domain. */
@Component(PostpayApproval.Beans.APPROVE_DELEGATE)
public class ApprovePostpayDelegate implements JavaDelegate {

  private final PostpayApprovalService approvals;

  public ApprovePostpayDelegate(PostpayApprovalService approvals) {
    this.approvals = approvals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    approvals.approve(ProcessVariables.subjectId(execution, ACCOUNT_ID),
        ProcessVariables.requiredString(execution, APPROVER_USER_ID));
  }
}
