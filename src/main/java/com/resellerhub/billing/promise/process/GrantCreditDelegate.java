package com.resellerhub.billing.promise.process;

import com.resellerhub.billing.process.ProcessVariables;

import com.resellerhub.billing.promise.PromiseLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Grant credit" (PROM-2): raise the credit limit, charge the connection fee. */
@Component(PromisedPaymentProcess.Beans.GRANT)
public class GrantCreditDelegate implements JavaDelegate {

  private final PromiseLifecycle promises;

  public GrantCreditDelegate(PromiseLifecycle promises) {
    this.promises = promises;
  }

  @Override
  public void execute(DelegateExecution execution) {
    promises.grant(ProcessVariables.subjectId(execution, PromisedPaymentProcess.Variables.PROMISE_ID));
  }
}
