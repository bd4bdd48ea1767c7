package com.resellerhub.billing.billingday.process;

import com.resellerhub.billing.process.ProcessVariables;

import static com.resellerhub.billing.billingday.process.BillingDayProcess.Variables.*;

import com.resellerhub.billing.billingday.BillingDayService;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Create the day's payments" (PAY-1): renewals, prolongations, combined payments and acts of the billing day. */
@Component(BillingDayProcess.Beans.CREATE)
public class CreateDuePaymentsDelegate implements JavaDelegate {

  private final BillingDayService billingDay;

  public CreateDuePaymentsDelegate(BillingDayService billingDay) {
    this.billingDay = billingDay;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate date = LocalDate.parse(ProcessVariables.requiredString(execution, BUSINESS_DATE));
    BillingDayService.Created created = billingDay.createDuePayments(date);
    execution.setVariable(RENEWALS_CREATED, created.renewals());
    execution.setVariable(PROLONGATIONS_CREATED, created.prolongations());
    execution.setVariable(COMBINED_CREATED, created.combined());
    execution.setVariable(ACTS_CREATED, created.acts());
  }
}
