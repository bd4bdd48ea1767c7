package com.resellerhub.billing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads required variables with a message that names them, instead of a NullPointerException in an incident. */
public final class ProcessVariables {

  private ProcessVariables() {}

  public static long requiredLong(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value instanceof String s && !s.isBlank()) {
      return Long.parseLong(s.trim());
    }
    throw new IllegalStateException("Process variable " + name + " is missing or not a number: " + value);
  }

  public static String requiredString(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException("Process variable " + name + " is missing");
    }
    return value.toString();
  }

  /**
   * SEC-6: the id of the process's subject (the account of an approval, the promise of a promised payment), read
   * from its business key, which no REST call can change. The variable of the same id must agree; if a caller
   * rewrote it, the step fails (an incident for an operator) instead of acting on another account.
   */
  public static long subjectId(DelegateExecution execution, String variable) {
    String key = execution.getProcessBusinessKey();
    long subject;
    try {
      subject = Long.parseLong(key == null ? "" : key.trim());
    } catch (NumberFormatException e) {
      throw new IllegalStateException("The process has no subject id as its business key: " + key);
    }
    Object stored = execution.getVariable(variable);
    if (stored != null && !String.valueOf(subject).equals(stored.toString().trim())) {
      throw new IllegalStateException("SEC-6: process variable " + variable + " (" + stored
          + ") is not the process's subject (" + subject + "); refusing to act on it");
    }
    return subject;
  }
}
