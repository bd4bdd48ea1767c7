package com.resellerhub.billing.collection.process;

import com.resellerhub.billing.collection.CollectionService;
import com.resellerhub.billing.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** COL-3 "Restore subscriptions": the payment was paid (or cancelled); the collection ends. */
@Component
public class RestoreSubscriptionsDelegate implements JavaDelegate {

  private final CollectionService collections;

  public RestoreSubscriptionsDelegate(CollectionService collections) {
    this.collections = collections;
  }

  @Override
  public void execute(DelegateExecution execution) {
    collections.settled(ProcessVariables.subjectId(execution, CollectionsProcess.PAYMENT_ID));
  }
}
