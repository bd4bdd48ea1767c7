package com.resellerhub.billing.web;

import org.springframework.http.HttpStatus;

/**
 * A refusal our API answers with an RFC 9457 problem: the HTTP status, the field concerned (may be null), the rule
 * that refused it (a stable code such as {@code ACC-3} or {@code required}) and a sentence for a person.
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String field;
  private final String rule;

  public ApiException(HttpStatus status, String field, String rule, String detail) {
    super(detail);
    this.status = status;
    this.field = field;
    this.rule = rule;
  }

  public HttpStatus status() {
    return status;
  }

  public String field() {
    return field;
  }

  public String rule() {
    return rule;
  }
}
