package com.resellerhub.billing.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 problems of our API, with the {@code field}/{@code rule} extension members. */
public final class Problems {

  /** One refused field: its JSON path, the rule that refused it and a sentence for a person. */
  public record FieldError(String field, String rule, String message) {}

  private Problems() {}

  public static ProblemDetail of(HttpStatusCode status, String field, String rule, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:problem:" + (rule == null ? "error" : rule)));
    if (field != null) {
      problem.setProperty("field", field);
    }
    if (rule != null) {
      problem.setProperty("rule", rule);
    }
    if (field != null) {
      problem.setProperty("errors", List.of(new FieldError(field, rule, detail)));
    }
    return problem;
  }

  public static ProblemDetail of(HttpStatusCode status, List<FieldError> errors) {
    FieldError first = errors.get(0);
    String detail = errors.size() == 1 ? first.field() + ": " + first.message()
        : errors.size() + " fields are invalid; first " + first.field() + ": " + first.message();
    ProblemDetail problem = of(status, first.field(), first.rule(), detail);
    problem.setProperty("errors", errors);
    return problem;
  }
}
