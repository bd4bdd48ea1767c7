package com.resellerhub.billing.order.process;

/**
 * Names of the postpay-approval process ({@code processes/postpay-approval.bpmn}, PP-3..PP-10): its key, the ids of
 * its elements and the names of its variables, shared by the glue and the tests. The business key is the account id.
 */
public final class PostpayApproval {

  public static final String PROCESS_KEY = "postpay-approval";
  public static final String RESOURCE = "processes/postpay-approval.bpmn";
  public static final String FORM_ID = "reviewPostpayPermission";
  public static final String FORM_RESOURCE = "forms/review-postpay-permission.form";

  /** Element ids. */
  public static final class Elements {
    public static final String START = "StartEvent_FirstPostpaidOrderPlaced";
    public static final String REVIEW_TASK = "Task_ReviewPostpayPermission";
    public static final String REVIEW_OVERDUE = "BoundaryEvent_ReviewOverdue";
    public static final String NOTIFY_ESCALATION = "Task_NotifyEscalation";
    public static final String ESCALATED = "EndEvent_Escalated";
    public static final String APPROVED_GATEWAY = "Gateway_Approved";
    public static final String APPROVE = "Task_ApprovePostpayPermission";
    public static final String DECLINE = "Task_DeclinePostpayPermission";
    public static final String PERMISSION_APPROVED = "EndEvent_PermissionApproved";
    public static final String PERMISSION_DECLINED = "EndEvent_PermissionDeclined";

    private Elements() {}
  }

  /** Variable names. Ids and the decision; the display facts of the form are listed in {@link ReviewFacts}. */
  public static final class Variables {
    public static final String ACCOUNT_ID = "accountId";
    public static final String ORDER_ID = "orderId";
    /** The decision: {@code true} approve, {@code false} decline (the form sends "true"/"false"; see the listener). */
    public static final String APPROVED = "approved";
    public static final String DECLINE_REASON = "declineReason";
    /** The manager who completed the review task (set on completion). */
    public static final String APPROVER_USER_ID = "approverUserId";

    public static final String ACCOUNT_NAME = "accountName";
    public static final String ACCOUNT_TYPE = "accountType";
    public static final String OWNER_NAME = "ownerName";
    public static final String MANAGER_NAME = "managerName";
    public static final String BALANCE = "balance";
    public static final String ACCOUNT_AGE_DAYS = "accountAgeDays";
    public static final String PLAN_NAME = "planName";
    public static final String PLAN_PRICE = "planPrice";
    public static final String TRIAL = "trial";

    private Variables() {}
  }

  /** Names under which the BPMN finds its beans in expressions. */
  public static final class Beans {
    public static final String SETTINGS = "postpayApprovalSettings";
    public static final String DECISION_LISTENER = "reviewDecisionListener";
    public static final String APPROVE_DELEGATE = "approvePostpayDelegate";
    public static final String DECLINE_DELEGATE = "declinePostpayDelegate";
    public static final String ESCALATION_DELEGATE = "notifyEscalationDelegate";

    private Beans() {}
  }

  private PostpayApproval() {}
}
