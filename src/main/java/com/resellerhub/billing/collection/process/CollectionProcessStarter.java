package com.resellerhub.billing.collection.process;

import com.resellerhub.billing.collection.CollectionProcesses;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts a payment's collection (business key: the payment id) in the caller's transaction. */
@Component
public class CollectionProcessStarter implements CollectionProcesses {

  private final RuntimeService runtimeService;

  public CollectionProcessStarter(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void start(long paymentId, long accountId, Timers timers) {
    Map<String, Object> variables = new HashMap<>(variables(timers));
    variables.put(CollectionsProcess.PAYMENT_ID, paymentId);
    variables.put(CollectionsProcess.ACCOUNT_ID, accountId);
    runtimeService.startProcessInstanceByKey(CollectionsProcess.PROCESS_KEY, String.valueOf(paymentId), variables);
  }

  /** The timer variables of a schedule. */
  static Map<String, Object> variables(Timers t) {
    Map<String, Object> v = new HashMap<>();
    v.put(CollectionsProcess.REMIND_BEFORE_EXPIRY_AT, Date.from(t.remindBeforeExpiryAt()));
    v.put(CollectionsProcess.OVERDUE_AT, Date.from(t.overdueAt()));
    v.put(CollectionsProcess.REMIND_BEFORE_SUSPENSION_AT, Date.from(t.remindBeforeSuspensionAt()));
    v.put(CollectionsProcess.SUSPEND_AT, Date.from(t.suspendAt()));
    v.put(CollectionsProcess.REMIND_BEFORE_TERMINATION_AT, Date.from(t.remindBeforeTerminationAt()));
    v.put(CollectionsProcess.TERMINATE_AT, Date.from(t.terminateAt()));
    v.put(CollectionsProcess.HAS_SUBSCRIPTIONS, t.hasSubscriptions());
    return v;
  }
}
