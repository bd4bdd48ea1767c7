package com.resellerhub.billing.collection.process;

import com.resellerhub.billing.collection.CollectionService;
import com.resellerhub.billing.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** SUB-3 "Terminate subscriptions": the suspension ran out unpaid. */
@Component
public class TerminateSubscriptionsDelegate implements JavaDelegate {

  private final CollectionService collections;

  public TerminateSubscriptionsDelegate(CollectionService collections) {
    this.collections = collections;
  }

  @Override
  public void execute(DelegateExecution execution) {
    collections.terminate(ProcessVariables.subjectId(execution, CollectionsProcess.PAYMENT_ID));
  }
}
