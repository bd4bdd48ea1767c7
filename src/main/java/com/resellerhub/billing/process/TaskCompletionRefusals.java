package com.resellerhub.billing.process;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import java.util.LinkedHashMap;
import java.util.Map;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's REST API answers a task completion that a task listener refused (PP-5: a decline without a reason) with
 * 400 and the listener's own message, instead of the 500 it gives to every exception thrown inside a listener
 * (the engine wraps them). Every other error is answered exactly as Camunda's own mappers do.
 */
@Configuration(proxyBeanMethods = false)
public class TaskCompletionRefusals {

  @Bean
  ResourceConfigCustomizer taskCompletionRefusalMappers() {
    return config -> config.register(RestRefusalMapper.class).register(EngineRefusalMapper.class);
  }

  /** The {@link FormFieldValidationException} in the causes of {@code e}, or {@code null}. */
  static FormFieldValidationException refusal(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof FormFieldValidationException refusal) {
        return refusal;
      }
      if (cause.getCause() == cause) {
        return null;
      }
    }
    return null;
  }

  /**
   * An RFC 9457 problem in our words, naming the refused field; {@code message} too, which Tasklist shows next to
   * the form. No engine class is named.
   */
  static Response badRequest(FormFieldValidationException refusal) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "urn:problem:task-refused");
    problem.put("title", "Bad Request");
    problem.put("status", 400);
    problem.put("detail", refusal.getMessage());
    Object field = refusal.getDetail();
    if (field != null) {
      problem.put("field", field.toString());
    }
    problem.put("rule", "task-refused");
    problem.put("message", refusal.getMessage());
    return Response.status(Response.Status.BAD_REQUEST).entity(problem).type("application/problem+json").build();
  }

  /** {@code /task/{id}/complete} and {@code /submit-form} turn the engine's exception into a RestException. */
  @Priority(Priorities.USER - 100)
  public static class RestRefusalMapper implements ExceptionMapper<RestException> {
    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException e) {
      FormFieldValidationException refusal = refusal(e);
      return refusal != null ? badRequest(refusal) : camunda.toResponse(e);
    }
  }

  /** Paths that let the engine's exception through. */
  @Priority(Priorities.USER - 100)
  public static class EngineRefusalMapper implements ExceptionMapper<ProcessEngineException> {
    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException e) {
      FormFieldValidationException refusal = refusal(e);
      return refusal != null ? badRequest(refusal) : camunda.toResponse(e);
    }
  }
}
