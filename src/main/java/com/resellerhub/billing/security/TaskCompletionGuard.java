package com.resellerhub.billing.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * SEC-6 over HTTP: completing a user task ({@code /task/{id}/complete}, {@code /submit-form}, {@code /resolve}) may
 * send only the task's decision, never rewrite the process's facts. One rule for every user task, now and later,
 * read from the task's own Camunda Form: a field with a key that is neither read-only nor disabled is a decision
 * the completion may set ({@code approved}, {@code declineReason}); a read-only field is a displayed fact that
 * Tasklist sends back, accepted only unchanged; any other variable is refused with 400 naming it. A task without
 * a deployed form accepts no variables at all.
 */
@Component
public class TaskCompletionGuard {

  private final TaskService taskService;
  private final FormService formService;
  private final IdentityService identityService;
  private final ObjectMapper objectMapper;

  public TaskCompletionGuard(TaskService taskService, FormService formService, IdentityService identityService,
      ObjectMapper objectMapper) {
    this.taskService = taskService;
    this.formService = formService;
    this.identityService = identityService;
    this.objectMapper = objectMapper;
  }

  /** The decision fields and display fields of a task's form. */
  public record FormFields(Set<String> decisions, Set<String> display) {}

  /**
   * The first variable of {@code body.variables} the completion of {@code taskId} may not send, with the reason;
   * empty when the completion is acceptable (or the task does not exist: the engine answers that).
   */
  public Optional<String[]> refusal(String taskId, JsonNode body) {
    JsonNode variables = body == null ? null : body.get("variables");
    if (variables == null || variables.isNull() || (variables.isObject() && variables.isEmpty())) {
      return Optional.empty();
    }
    if (!variables.isObject()) {
      return Optional.of(new String[] {"variables", "variables must be an object of variable names"});
    }
    return asSystem(() -> {
      Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
      if (task == null) {
        return Optional.<String[]>empty();
      }
      FormFields fields = fieldsOf(taskId);
      Iterator<Map.Entry<String, JsonNode>> sent = variables.fields();
      while (sent.hasNext()) {
        Map.Entry<String, JsonNode> variable = sent.next();
        String name = variable.getKey();
        if (fields.decisions().contains(name)) {
          continue;
        }
        if (fields.display().contains(name)) {
          Object current = taskService.getVariable(taskId, name);
          if (sameValue(current, variable.getValue())) {
            continue;
          }
          return Optional.of(new String[] {"variables." + name,
              name + " is a fact shown on the form; it cannot be changed by completing the task"});
        }
        return Optional.of(new String[] {"variables." + name, name + " is not a decision of this task"
            + (fields.decisions().isEmpty() ? "" : "; it may set only " + String.join(", ", fields.decisions()))});
      }
      return Optional.<String[]>empty();
    });
  }

  /** The fields of the task's deployed Camunda Form; none when it has none. */
  FormFields fieldsOf(String taskId) {
    Set<String> decisions = new HashSet<>();
    Set<String> display = new HashSet<>();
    try (InputStream form = formService.getDeployedTaskForm(taskId)) {
      collect(objectMapper.readTree(form), decisions, display);
    } catch (ProcessEngineException | IOException | IllegalArgumentException noForm) {
      // No deployed form: no variables at all.
    }
    return new FormFields(decisions, display);
  }

  static void collect(JsonNode node, Set<String> decisions, Set<String> display) {
    if (node == null) {
      return;
    }
    if (node.isArray()) {
      node.forEach(n -> collect(n, decisions, display));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    JsonNode key = node.get("key");
    if (key != null && key.isTextual() && node.has("type")) {
      boolean readOnly = node.path("readonly").asBoolean(false) || node.path("disabled").asBoolean(false);
      (readOnly ? display : decisions).add(key.asText());
    }
    collect(node.get("components"), decisions, display);
  }

  /** A sent variable ({@code {"value": ..., "type": ...}}) equals the stored value when their texts are equal. */
  static boolean sameValue(Object current, JsonNode sent) {
    JsonNode value = sent != null && sent.isObject() ? sent.get("value") : sent;
    String sentText = value == null || value.isNull() ? null : value.asText();
    String currentText = current == null ? null : current.toString();
    if (sentText != null && sentText.isEmpty()) {
      sentText = null;
    }
    if (currentText != null && currentText.isEmpty()) {
      currentText = null;
    }
    return Objects.equals(sentText, currentText);
  }

  /** Looks up as the application, not as the caller: the caller's engine authorizations do not hide the task. */
  private <T> T asSystem(Supplier<T> lookup) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return lookup.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
