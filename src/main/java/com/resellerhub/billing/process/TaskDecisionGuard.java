package com.resellerhub.billing.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * SEC-6 in the engine, for every user task of every process (one mechanism, added to each user task as it is
 * parsed): a task can be assigned to (claim, assignee, delegate, update), and completed by, only a user the model
 * names as a candidate, or a member of a candidate group the model names. The candidates are read from the BPMN,
 * not from the task's identity links at run time, so adding {@code analysts} or a customer as a candidate of a
 * review does not let them decide. A completion by the application itself (no authenticated user) is held to its
 * assignee. A refusal is a {@link FormFieldValidationException}, which the REST API answers with 400 and Tasklist
 * shows.
 */
public class TaskDecisionGuard implements TaskListener {

  static final TaskDecisionGuard INSTANCE = new TaskDecisionGuard();

  @Override
  public void notify(DelegateTask task) {
    TaskDefinition definition = task instanceof TaskEntity entity ? entity.getTaskDefinition() : null;
    if (definition == null) {
      return;
    }
    List<String> groups = values(definition.getCandidateGroupIdExpressions(), task);
    List<String> users = values(definition.getCandidateUserIdExpressions(), task);
    if (groups.isEmpty() && users.isEmpty()) {
      return;
    }
    if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      String assignee = task.getAssignee();
      if (assignee != null && !allowed(task, assignee, groups, users)) {
        throw new FormFieldValidationException("assignee", "SEC-6: " + assignee + " may not take \""
            + task.getName() + "\"; it is for " + String.join(", ", describe(groups, users)));
      }
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      IdentityService identity = task.getProcessEngineServices().getIdentityService();
      Authentication authentication = identity.getCurrentAuthentication();
      String actor = authentication != null && authentication.getUserId() != null ? authentication.getUserId()
          : task.getAssignee();
      if (actor != null && !allowed(task, actor, groups, users)) {
        throw new FormFieldValidationException("assignee", "SEC-6: " + actor + " may not decide \""
            + task.getName() + "\"; it is for " + String.join(", ", describe(groups, users)));
      }
    }
  }

  private static boolean allowed(DelegateTask task, String userId, List<String> groups, List<String> users) {
    if (users.contains(userId)) {
      return true;
    }
    if (groups.isEmpty()) {
      return false;
    }
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    return Context.getCommandContext().runWithoutAuthorization(() -> identity.createGroupQuery()
        .groupMember(userId).groupIdIn(groups.toArray(String[]::new)).count() > 0);
  }

  private static List<String> values(Collection<Expression> expressions, DelegateTask task) {
    List<String> values = new ArrayList<>();
    for (Expression expression : expressions) {
      Object value = expression.getValue(task);
      if (value instanceof Collection<?> many) {
        many.forEach(v -> values.add(v.toString().trim()));
      } else if (value != null) {
        for (String one : value.toString().split(",")) {
          if (!one.isBlank()) {
            values.add(one.trim());
          }
        }
      }
    }
    return values;
  }

  private static List<String> describe(List<String> groups, List<String> users) {
    List<String> names = new ArrayList<>();
    groups.forEach(g -> names.add("members of " + g));
    names.addAll(users);
    return names;
  }

  /** Adds the guard to every user task of every deployed process. */
  @Component
  public static class Plugin extends AbstractProcessEnginePlugin {
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      if (configuration.getCustomPreBPMNParseListeners() == null) {
        configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
      }
      configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
        @Override
        public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
          if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
            behavior.getTaskDefinition().addBuiltInTaskListener(EVENTNAME_ASSIGNMENT, INSTANCE);
            behavior.getTaskDefinition().addBuiltInTaskListener(EVENTNAME_COMPLETE, INSTANCE);
          }
        }
      });
    }
  }
}
