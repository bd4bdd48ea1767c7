package com.resellerhub.billing.collection.process;

import com.resellerhub.billing.collection.CollectionService;
import com.resellerhub.billing.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** COL-2 "Check ...": whether a manager's review is asked for ({@code reviewNeeded}). */
@Component
public class CollectionReviewCheckDelegate implements JavaDelegate {

  private final CollectionService collections;

  public CollectionReviewCheckDelegate(CollectionService collections) {
    this.collections = collections;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean needed = collections.reviewNeeded(ProcessVariables.subjectId(execution, CollectionsProcess.PAYMENT_ID),
        CollectionService.ReviewTrigger.valueOf(ProcessVariables.requiredString(execution,
            CollectionsProcess.TRIGGER)));
    execution.setVariable(CollectionsProcess.REVIEW_NEEDED, needed);
    if (needed) {
      execution.setVariable(CollectionsProcess.REVIEW_TRIGGER, execution.getVariable(CollectionsProcess.TRIGGER));
    }
  }
}
