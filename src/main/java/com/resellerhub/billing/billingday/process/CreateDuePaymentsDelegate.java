package com.resellerhub.billing.billingday.process;

import static com.resellerhub.billing.billingday.process.BillingDayProcess.Variables.*;

import com.resellerhub.billing.billingday.BillingDayService;
import com.resellerhub.billing.process.ProcessVariables;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Component;

/**
 * "Create the day's payments" (PAY-1): renewals, prolongations, combined payments and acts of the billing day, one
 * step of accounts per job ({@link BillingDayService#createDueStep}), from the account after
 * {@code createdUpToAccount}; the figures add up over the steps, {@code moreToCreate} says whether to run again.
 */
@Component(BillingDayProcess.Beans.CREATE)
public class CreateDuePaymentsDelegate implements JavaDelegate {

  private final BillingDayService billingDay;

  public CreateDuePaymentsDelegate(BillingDayService billingDay) {
    this.billingDay = billingDay;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate date = LocalDate.parse(ProcessVariables.requiredString(execution, BUSINESS_DATE));
    if (!loops(execution)) {
      // a definition deployed before the steps (its instance started before the upgrade) has no way round again:
      // the whole day in this job, step after step, each committed on its own
      addFigures(execution, billingDay.createDuePayments(date));
      return;
    }
    long after = execution.hasVariable(CREATED_UP_TO) ? ProcessVariables.requiredLong(execution, CREATED_UP_TO) : 0;
    BillingDayService.Step step = billingDay.createDueStep(date, after);
    addFigures(execution, step.created());
    execution.setVariable(CREATED_UP_TO, step.lastAccountId());
    execution.setVariable(MORE_TO_CREATE, step.more());
  }

  /** Whether this definition comes back to the step ("Every account done?" after it). */
  private static boolean loops(DelegateExecution execution) {
    FlowElement task = execution.getBpmnModelElementInstance();
    return task instanceof FlowNode node && node.getOutgoing().stream()
        .anyMatch(flow -> BillingDayProcess.Elements.ALL_CREATED_GATEWAY.equals(flow.getTarget().getId()));
  }

  /** The figures so far plus these (a figure not set yet counts 0). */
  private static void addFigures(DelegateExecution execution, BillingDayService.Created created) {
    add(execution, RENEWALS_CREATED, created.renewals());
    add(execution, PROLONGATIONS_CREATED, created.prolongations());
    add(execution, COMBINED_CREATED, created.combined());
    add(execution, ACTS_CREATED, created.acts());
  }

  private static void add(DelegateExecution execution, String name, int count) {
    Object before = execution.getVariable(name);
    execution.setVariable(name, (before instanceof Number n ? n.intValue() : 0) + count);
  }
}
