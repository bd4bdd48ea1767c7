package com.resellerhub.billing.process;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads required variables with a message that names them, instead of a NullPointerException in an incident. */
final class ProcessVariables {

  private ProcessVariables() {}

  static long requiredLong(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value instanceof String s && !s.isBlank()) {
      return Long.parseLong(s.trim());
    }
    throw new IllegalStateException("Process variable " + name + " is missing or not a number: " + value);
  }

  static String requiredString(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException("Process variable " + name + " is missing");
    }
    return value.toString();
  }
}
