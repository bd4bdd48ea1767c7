package com.resellerhub.billing.collection.process;

import com.resellerhub.billing.collection.CollectionReviews;
import com.resellerhub.billing.collection.CollectionSettings;
import com.resellerhub.billing.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * "Review overdue account" (COL-2). On create: the facts of the form as display variables. On complete, however it
 * is completed (Tasklist, REST, Java), refuses so
 * that the task stays open: no decision, an extension without 1..max days, a grant without an offer, or no deciding
 * user; then stores the reviewer. The completion guard (SEC-6) already refused variables the form does not offer.
 */
@Component
public class OverdueReviewListener implements TaskListener {

  private final CollectionReviews reviews;
  private final CollectionSettings settings;

  public OverdueReviewListener(CollectionReviews reviews, CollectionSettings settings) {
    this.reviews = reviews;
    this.settings = settings;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      created(task);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      completed(task);
    }
  }

  private void created(DelegateTask task) {
    long paymentId = ProcessVariables.subjectId(task.getExecution(), CollectionsProcess.PAYMENT_ID);
    Object trigger = task.getVariable(CollectionsProcess.REVIEW_TRIGGER);
    String reason = "TERMINATION_AHEAD".equals(String.valueOf(trigger))
        ? "The subscriptions of payment " + paymentId + " are about to be terminated"
        : "The account's overdue total is above the review threshold";
    Object refusal = task.getVariable(CollectionsProcess.PROMISE_REFUSAL);
    task.getExecution().setVariables(reviews.facts(paymentId, reason));
    // a second review of the instance starts without the first one's decision
    task.getExecution().setVariable(CollectionsProcess.DECISION, null);
    task.getExecution().setVariable(CollectionsProcess.GRACE_DAYS, null);
    task.getExecution().setVariable(CollectionsProcess.OFFER_ID, null);
    if (refusal != null && !refusal.toString().isBlank()) {
      task.getExecution().setVariable(CollectionsProcess.PROMISE_REFUSAL, refusal);
    }
  }

  private void completed(DelegateTask task) {
    CollectionsProcess.Decision decision = decision(task.getVariable(CollectionsProcess.DECISION));
    if (decision == CollectionsProcess.Decision.EXTEND_GRACE) {
      long days = wholeNumber(task.getVariable(CollectionsProcess.GRACE_DAYS), CollectionsProcess.GRACE_DAYS);
      if (days < 1 || days > settings.maxGraceExtensionDays()) {
        throw new FormFieldValidationException(CollectionsProcess.GRACE_DAYS, "COL-2: graceDays must be 1.."
            + settings.maxGraceExtensionDays() + " to extend the grace, not " + days);
      }
      task.setVariable(CollectionsProcess.GRACE_DAYS, (int) days);
    }
    if (decision == CollectionsProcess.Decision.GRANT_PROMISE) {
      task.setVariable(CollectionsProcess.OFFER_ID, wholeNumber(task.getVariable(CollectionsProcess.OFFER_ID),
          CollectionsProcess.OFFER_ID));
    }
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String reviewer = authentication != null && authentication.getUserId() != null ? authentication.getUserId()
        : task.getAssignee();
    if (reviewer == null) {
      throw new FormFieldValidationException(CollectionsProcess.REVIEWER,
          "COL-2: the deciding manager is unknown; claim the task or complete it as a logged-in user");
    }
    task.setVariable(CollectionsProcess.DECISION, decision.name());
    task.setVariable(CollectionsProcess.REVIEWER, reviewer);
  }

  static CollectionsProcess.Decision decision(Object value) {
    if (value != null) {
      for (CollectionsProcess.Decision d : CollectionsProcess.Decision.values()) {
        if (d.name().equalsIgnoreCase(value.toString().trim())) {
          return d;
        }
      }
    }
    throw new FormFieldValidationException(CollectionsProcess.DECISION, "COL-2: choose a decision: EXTEND_GRACE,"
        + " GRANT_PROMISE or LET_IT_RUN, not " + value);
  }

  private static long wholeNumber(Object value, String field) {
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    if (value instanceof String s && s.trim().matches("\\d{1,9}")) {
      return Long.parseLong(s.trim());
    }
    throw new FormFieldValidationException(field, "COL-2: " + field + " must be a whole number, not " + value);
  }
}
