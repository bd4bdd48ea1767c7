package com.resellerhub.billing.collection.process;

import com.resellerhub.billing.collection.CollectionService;
import com.resellerhub.billing.collection.ReminderKind;
import com.resellerhub.billing.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** COL-1 "Remind ...": mails the reminder named by the step's {@code reminder} input, once. */
@Component
public class CollectionReminderDelegate implements JavaDelegate {

  private final CollectionService collections;

  public CollectionReminderDelegate(CollectionService collections) {
    this.collections = collections;
  }

  @Override
  public void execute(DelegateExecution execution) {
    collections.remind(ProcessVariables.subjectId(execution, CollectionsProcess.PAYMENT_ID),
        ReminderKind.valueOf(ProcessVariables.requiredString(execution, CollectionsProcess.REMINDER)));
  }
}
