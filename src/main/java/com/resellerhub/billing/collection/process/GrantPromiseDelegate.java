package com.resellerhub.billing.collection.process;

import com.resellerhub.billing.collection.CollectionReviews;
import com.resellerhub.billing.process.ProcessVariables;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * COL-2 "Grant promised payment": through the promise feature's rules; a refusal goes back to the manager with its
 * reason ({@code promiseRefusal}).
 */
@Component
public class GrantPromiseDelegate implements JavaDelegate {

  private final CollectionReviews reviews;

  public GrantPromiseDelegate(CollectionReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Optional<String> refusal = reviews.grantPromise(ProcessVariables.subjectId(execution,
        CollectionsProcess.PAYMENT_ID), ProcessVariables.requiredLong(execution, CollectionsProcess.OFFER_ID),
        ProcessVariables.requiredString(execution, CollectionsProcess.REVIEWER));
    execution.setVariable(CollectionsProcess.PROMISE_GRANTED, refusal.isEmpty());
    execution.setVariable(CollectionsProcess.PROMISE_REFUSAL, refusal.map(r -> "The promised payment was refused: "
        + r).orElse(""));
  }
}
