package com.resellerhub.billing.web;

import org.springframework.http.HttpStatus;

/** 400: the request itself is malformed or incomplete. */
public class BadRequestException extends ApiException {

  public BadRequestException(String field, String detail) {
    super(HttpStatus.BAD_REQUEST, field, "invalid", detail);
  }

  public BadRequestException(String field, String rule, String detail) {
    super(HttpStatus.BAD_REQUEST, field, rule, detail);
  }
}
