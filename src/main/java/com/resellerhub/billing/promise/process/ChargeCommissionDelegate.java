package com.resellerhub.billing.promise.process;

import com.resellerhub.billing.process.ProcessVariables;

import com.resellerhub.billing.promise.PromiseLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Charge commission" (PROM-4): one ledger entry per charging period held.
 * Kept for instances started on a definition from before the single "Close promise" step, until they end.
 */
@Component(PromisedPaymentProcess.Beans.CHARGE_COMMISSION)
public class ChargeCommissionDelegate implements JavaDelegate {

  private final PromiseLifecycle promises;

  public ChargeCommissionDelegate(PromiseLifecycle promises) {
    this.promises = promises;
  }

  @Override
  public void execute(DelegateExecution execution) {
    promises.chargeCommission(ProcessVariables.subjectId(execution, PromisedPaymentProcess.Variables.PROMISE_ID));
  }
}
