package com.resellerhub.billing.collection.process;

import com.resellerhub.billing.collection.CollectionService;
import com.resellerhub.billing.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Close collection": the reminders are out and the payment pays no subscription. */
@Component
public class CloseCollectionDelegate implements JavaDelegate {

  private final CollectionService collections;

  public CloseCollectionDelegate(CollectionService collections) {
    this.collections = collections;
  }

  @Override
  public void execute(DelegateExecution execution) {
    collections.close(ProcessVariables.subjectId(execution, CollectionsProcess.PAYMENT_ID));
  }
}
