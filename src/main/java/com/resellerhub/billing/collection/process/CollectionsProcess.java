package com.resellerhub.billing.collection.process;

/** The names the collections BPMN ({@code processes/collections.bpmn}) and its glue share. */
public final class CollectionsProcess {

  public static final String PROCESS_KEY = "collections";
  /** COL-3: the payment was paid or cancelled; correlated by business key (the payment id). */
  public static final String MESSAGE_SETTLED = "CollectionPaymentSettled";

  public static final String PAYMENT_ID = "paymentId";
  public static final String ACCOUNT_ID = "accountId";
  public static final String HAS_SUBSCRIPTIONS = "hasSubscriptions";
  public static final String REMIND_BEFORE_EXPIRY_AT = "remindBeforeExpiryAt";
  public static final String OVERDUE_AT = "overdueAt";
  public static final String REMIND_BEFORE_SUSPENSION_AT = "remindBeforeSuspensionAt";
  public static final String SUSPEND_AT = "suspendAt";
  public static final String REMIND_BEFORE_TERMINATION_AT = "remindBeforeTerminationAt";
  public static final String TERMINATE_AT = "terminateAt";
  public static final String REVIEW_DUE_AT = "reviewDueAt";
  /** Input of the reminder steps: which reminder. */
  public static final String REMINDER = "reminder";
  /** Input of the review checks: which trigger. */
  public static final String TRIGGER = "trigger";
  public static final String REVIEW_NEEDED = "reviewNeeded";
  public static final String REVIEW_TRIGGER = "reviewTrigger";
  /** The review's decision: EXTEND_GRACE, GRANT_PROMISE or LET_IT_RUN. */
  public static final String DECISION = "decision";
  public static final String GRACE_DAYS = "graceDays";
  public static final String OFFER_ID = "offerId";
  public static final String REVIEWER = "reviewerUserId";
  public static final String PROMISE_GRANTED = "promiseGranted";
  public static final String PROMISE_REFUSAL = "promiseRefusal";

  /** The review's user task and its SLA timer. */
  public static final String TASK_REVIEW = "Task_ReviewOverdueAccount";
  public static final String EVENT_REVIEW_SLA = "Event_ReviewSlaPassed";

  public enum Decision { EXTEND_GRACE, GRANT_PROMISE, LET_IT_RUN }

  private CollectionsProcess() {}
}
