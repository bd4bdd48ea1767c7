package com.resellerhub.billing.collection.process;

import com.resellerhub.billing.collection.CollectionService;
import com.resellerhub.billing.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** COL-2 "Let it run its course": the decision is recorded; the collection's days stay. */
@Component
public class LetItRunDelegate implements JavaDelegate {

  private final CollectionService collections;

  public LetItRunDelegate(CollectionService collections) {
    this.collections = collections;
  }

  @Override
  public void execute(DelegateExecution execution) {
    collections.reviewDecided(ProcessVariables.subjectId(execution, CollectionsProcess.PAYMENT_ID),
        "let it run its course", ProcessVariables.requiredString(execution, CollectionsProcess.REVIEWER));
  }
}
