package com.resellerhub.billing.web;

import org.springframework.http.HttpStatus;

/** 422: the request is well formed but a business rule (named by its requirement id) refuses it. */
public class BusinessRuleException extends ApiException {

  public BusinessRuleException(String rule, String field, String detail) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, field, rule, detail);
  }
}
