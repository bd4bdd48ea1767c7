package com.resellerhub.billing.web;

import org.springframework.http.HttpStatus;

/** 409: the request conflicts with the current state (a concurrent change, a state that no longer allows it). */
public class ConflictException extends ApiException {

  public ConflictException(String rule, String detail) {
    super(HttpStatus.CONFLICT, null, rule, detail);
  }
}
