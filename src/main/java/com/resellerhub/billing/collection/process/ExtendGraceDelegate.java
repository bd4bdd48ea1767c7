package com.resellerhub.billing.collection.process;

import com.resellerhub.billing.collection.CollectionService;
import com.resellerhub.billing.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** COL-2 "Extend the grace": the domain moves the suspension and termination; the waiting timer follows. */
@Component
public class ExtendGraceDelegate implements JavaDelegate {

  private final CollectionService collections;
  private final CollectionTimers timers;

  public ExtendGraceDelegate(CollectionService collections, CollectionTimers timers) {
    this.collections = collections;
    this.timers = timers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long paymentId = ProcessVariables.subjectId(execution, CollectionsProcess.PAYMENT_ID);
    collections.extendGrace(paymentId, (int) ProcessVariables.requiredLong(execution, CollectionsProcess.GRACE_DAYS),
        ProcessVariables.requiredString(execution, CollectionsProcess.REVIEWER));
    timers.reschedule(execution.getProcessInstanceId(), paymentId);
  }
}
