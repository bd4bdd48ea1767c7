package com.resellerhub.billing.promise.process;

import com.resellerhub.billing.process.ProcessVariables;

import com.resellerhub.billing.promise.PromiseLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Block account" (PROM-5): financial block, subscriptions suspended.
 * Kept for instances started on a definition from before the single "Close promise" step, until they end.
 */
@Component(PromisedPaymentProcess.Beans.BLOCK)
public class BlockAccountDelegate implements JavaDelegate {

  private final PromiseLifecycle promises;

  public BlockAccountDelegate(PromiseLifecycle promises) {
    this.promises = promises;
  }

  @Override
  public void execute(DelegateExecution execution) {
    promises.blockAccount(ProcessVariables.subjectId(execution, PromisedPaymentProcess.Variables.PROMISE_ID));
  }
}
