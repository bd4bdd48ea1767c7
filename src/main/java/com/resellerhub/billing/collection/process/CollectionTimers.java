package com.resellerhub.billing.collection.process;

import com.resellerhub.billing.collection.CollectionService;
import com.resellerhub.billing.payment.PaymentDatesMoved;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Moves a collection's waiting timers to the days its payment now has: after a manager extends the grace (COL-2), and
 * when a running promise moves the payment's dates (SUB-4). The timers read their dates from process variables, so
 * the variables take the new days and the waiting timer jobs are recalculated; the review's SLA timer is not.
 */
@Component
public class CollectionTimers {

  private final CollectionService collections;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;

  public CollectionTimers(CollectionService collections, RuntimeService runtimeService,
      ManagementService managementService) {
    this.collections = collections;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
  }

  /** SUB-4: the payments' dates moved; their open collections follow. */
  @ApplicationModuleListener
  public void datesMoved(PaymentDatesMoved moved) {
    for (Long paymentId : collections.openAmong(moved.paymentIds())) {
      ProcessInstance instance = runtimeService.createProcessInstanceQuery()
          .processDefinitionKey(CollectionsProcess.PROCESS_KEY).processInstanceBusinessKey(String.valueOf(paymentId))
          .singleResult();
      if (instance != null) {
        reschedule(instance.getId(), paymentId);
      }
    }
  }

  /** Sets the timer variables of the payment's current days and recalculates the instance's waiting timers. */
  public void reschedule(String processInstanceId, long paymentId) {
    runtimeService.setVariables(processInstanceId, CollectionProcessStarter.variables(collections.timers(paymentId)));
    for (Job timer : managementService.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
      String activity = timer instanceof TimerEntity entity ? entity.getActivityId() : null;
      if (!CollectionsProcess.EVENT_REVIEW_SLA.equals(activity)) {
        managementService.recalculateJobDuedate(timer.getId(), false);
      }
    }
  }
}
