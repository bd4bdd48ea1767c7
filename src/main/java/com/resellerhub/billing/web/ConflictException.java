package com.resellerhub.billing.web;

import org.springframework.http.HttpStatus;

/** 409: the request conflicts with the current state (a concurrent change, a state that no longer allows it). */
public class ConflictException extends ApiException {

  public ConflictException(String rule, String detail) {
    super(HttpStatus.CONFLICT, null, rule, detail);
  }

  /** A conflict caused by one field's value, e.g. a {@code code} that exists already. */
  public ConflictException(String field, String rule, String detail) {
    super(HttpStatus.CONFLICT, field, rule, detail);
  }
}
