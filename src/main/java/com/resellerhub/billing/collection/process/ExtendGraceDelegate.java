package com.resellerhub.billing.collection.process;

import com.resellerhub.billing.collection.CollectionService;
import com.resellerhub.billing.process.ProcessVariables;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * COL-2 "Extend the grace": the domain moves the suspension and termination; the process's timer variables take the
 * new days and the waiting timer (its date from those variables) is recalculated. The review's SLA timer is not.
 */
@Component
public class ExtendGraceDelegate implements JavaDelegate {

  private final CollectionService collections;
  private final ManagementService managementService;

  public ExtendGraceDelegate(CollectionService collections, ManagementService managementService) {
    this.collections = collections;
    this.managementService = managementService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long paymentId = ProcessVariables.subjectId(execution, CollectionsProcess.PAYMENT_ID);
    collections.extendGrace(paymentId, (int) ProcessVariables.requiredLong(execution, CollectionsProcess.GRACE_DAYS),
        ProcessVariables.requiredString(execution, CollectionsProcess.REVIEWER));
    execution.getProcessInstance().setVariables(CollectionProcessStarter.variables(collections.timers(paymentId)));
    for (Job timer : managementService.createJobQuery().processInstanceId(execution.getProcessInstanceId()).timers()
        .list()) {
      if (!CollectionsProcess.EVENT_REVIEW_SLA.equals(activityOf(timer))) {
        managementService.recalculateJobDuedate(timer.getId(), false);
      }
    }
  }

  private String activityOf(Job timer) {
    return timer instanceof org.camunda.bpm.engine.impl.persistence.entity.TimerEntity entity
        ? entity.getActivityId() : null;
  }
}
