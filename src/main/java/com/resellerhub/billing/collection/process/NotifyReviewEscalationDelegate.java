package com.resellerhub.billing.collection.process;

import com.resellerhub.billing.collection.CollectionReviews;
import com.resellerhub.billing.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** COL-2 "Notify review escalation": the review is open too long; the task stays open. */
@Component
public class NotifyReviewEscalationDelegate implements JavaDelegate {

  private final CollectionReviews reviews;

  public NotifyReviewEscalationDelegate(CollectionReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reviews.escalate(ProcessVariables.subjectId(execution, CollectionsProcess.PAYMENT_ID));
  }
}
