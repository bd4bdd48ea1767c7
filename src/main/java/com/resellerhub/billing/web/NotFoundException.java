package com.resellerhub.billing.web;

import org.springframework.http.HttpStatus;

/** 404: no such thing, or one the caller may not see (another customer's account answers the same). */
public class NotFoundException extends ApiException {

  public NotFoundException(String what, Object id) {
    super(HttpStatus.NOT_FOUND, null, "not-found", what + " " + id + " does not exist");
  }
}
