package com.resellerhub.billing.collection.process;

import com.resellerhub.billing.collection.CollectionService;
import com.resellerhub.billing.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** SUB-3 "Suspend subscriptions": the grace period is over. */
@Component
public class SuspendSubscriptionsDelegate implements JavaDelegate {

  private final CollectionService collections;

  public SuspendSubscriptionsDelegate(CollectionService collections) {
    this.collections = collections;
  }

  @Override
  public void execute(DelegateExecution execution) {
    collections.suspend(ProcessVariables.subjectId(execution, CollectionsProcess.PAYMENT_ID));
  }
}
