package com.resellerhub.billing.promise.process;

import static com.resellerhub.billing.promise.process.PromisedPaymentProcess.Variables.ACCOUNT_ID;
import static com.resellerhub.billing.promise.process.PromisedPaymentProcess.Variables.CLOSE_BY;
import static com.resellerhub.billing.promise.process.PromisedPaymentProcess.Variables.ENDS_AT;
import static com.resellerhub.billing.promise.process.PromisedPaymentProcess.Variables.PROMISE_ID;

import com.resellerhub.billing.promise.PromiseExpirySettings;
import com.resellerhub.billing.promise.PromiseProcesses;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Starts a promise's process (business key = promise id) and correlates "Promise repaid". Both join the caller's
 * transaction: a rolled-back take leaves no process, a rolled-back repayment no correlation.
 */
@Component
public class PromiseProcessStarter implements PromiseProcesses {

  private final RuntimeService runtimeService;
  private final PromiseExpirySettings expiry;

  public PromiseProcessStarter(RuntimeService runtimeService, PromiseExpirySettings expiry) {
    this.runtimeService = runtimeService;
    this.expiry = expiry;
  }

  @Override
  public void start(Long promiseId, Long accountId, Instant endsAt) {
    startInstance(promiseId, accountId, endsAt);
  }

  ProcessInstance startInstance(Long promiseId, Long accountId, Instant endsAt) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(PROMISE_ID, promiseId);
    variables.put(ACCOUNT_ID, accountId);
    variables.put(ENDS_AT, Date.from(endsAt));
    variables.put(CLOSE_BY, Date.from(expiry.closeBy(endsAt)));
    return runtimeService.startProcessInstanceByKey(PromisedPaymentProcess.PROCESS_KEY, String.valueOf(promiseId),
        variables);
  }

  @Override
  public void repaid(Long promiseId) {
    // correlateAll: no error when the process no longer waits (its days ran out a moment before)
    runtimeService.createMessageCorrelation(PromisedPaymentProcess.MESSAGE_REPAID)
        .processInstanceBusinessKey(String.valueOf(promiseId)).correlateAll();
  }
}
