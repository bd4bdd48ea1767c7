package com.resellerhub.billing.promise.process;

import com.resellerhub.billing.process.ProcessVariables;
import com.resellerhub.billing.promise.PromiseLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Close promise" (PROM-4, PROM-5): commission, credit withdrawn and, below zero, the block, in one transaction;
 * sets {@code balanceNegative} for the gateway.
 */
@Component(PromisedPaymentProcess.Beans.CLOSE)
public class ClosePromiseDelegate implements JavaDelegate {

  private final PromiseLifecycle promises;

  public ClosePromiseDelegate(PromiseLifecycle promises) {
    this.promises = promises;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean negative = promises.close(
        ProcessVariables.subjectId(execution, PromisedPaymentProcess.Variables.PROMISE_ID));
    execution.setVariable(PromisedPaymentProcess.Variables.BALANCE_NEGATIVE, negative);
  }
}
