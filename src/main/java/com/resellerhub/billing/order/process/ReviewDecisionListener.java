package com.resellerhub.billing.order.process;

import static com.resellerhub.billing.order.process.PostpayApproval.Variables.APPROVED;
import static com.resellerhub.billing.order.process.PostpayApproval.Variables.APPROVER_USER_ID;
import static com.resellerhub.billing.order.process.PostpayApproval.Variables.DECLINE_REASON;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Completion of "Review postpay permission", however it is completed (Tasklist's form, {@code
 * /engine-rest/task/{id}/complete} or {@code /submit-form}, the Java API). Refuses, so that the task stays open:
 * <ul>
 *   <li>a completion without a decision ({@code approved} true or false; the form sends "true"/"false" as text);</li>
 *   <li>PP-5: a decline without a reason;</li>
 *   <li>a completion by nobody (neither an authenticated user nor an assignee): PP-4 records the approver.</li>
 * </ul>
 * Then it stores the decision as a boolean, the trimmed reason and {@code approverUserId}: the authenticated user
 * who completes the task, else its assignee. The refusal is a {@link FormFieldValidationException}, which the
 * REST API answers with 400 and Tasklist shows next to the form.
 */
@Component(PostpayApproval.Beans.DECISION_LISTENER)
public class ReviewDecisionListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    boolean approved = decision(task.getVariable(APPROVED));
    String reason = text(task.getVariable(DECLINE_REASON));
    if (!approved && reason == null) {
      throw new FormFieldValidationException(DECLINE_REASON,
          "PP-5: a decline needs a reason; write why the account may not use postpaid subscriptions");
    }
    String approver = approver(task);
    if (approver == null) {
      throw new FormFieldValidationException(APPROVER_USER_ID,
          "PP-4: the deciding manager is unknown; claim the task or complete it as a logged-in user");
    }
    task.setVariable(APPROVED, approved);
    task.setVariable(DECLINE_REASON, approved ? null : reason);
    task.setVariable(APPROVER_USER_ID, approver);
  }

  static boolean decision(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s && (s.trim().equalsIgnoreCase("true") || s.trim().equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s.trim());
    }
    throw new FormFieldValidationException(APPROVED,
        "Choose a decision: approved must be true (approve) or false (decline), not " + value);
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : text;
  }

  private static String approver(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee();
  }
}
