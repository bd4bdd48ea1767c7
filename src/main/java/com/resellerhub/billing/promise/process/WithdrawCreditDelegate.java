package com.resellerhub.billing.promise.process;

import com.resellerhub.billing.process.ProcessVariables;

import com.resellerhub.billing.promise.PromiseLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Withdraw credit" (PROM-5): lowers the credit limit; sets {@code balanceNegative} for the gateway.
 * Kept for instances started on a definition from before the single "Close promise" step, until they end.
 */
@Component(PromisedPaymentProcess.Beans.WITHDRAW)
public class WithdrawCreditDelegate implements JavaDelegate {

  private final PromiseLifecycle promises;

  public WithdrawCreditDelegate(PromiseLifecycle promises) {
    this.promises = promises;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean negative = promises.withdrawCredit(
        ProcessVariables.subjectId(execution, PromisedPaymentProcess.Variables.PROMISE_ID));
    execution.setVariable(PromisedPaymentProcess.Variables.BALANCE_NEGATIVE, negative);
  }
}
