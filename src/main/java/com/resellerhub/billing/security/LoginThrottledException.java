package com.resellerhub.billing.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A login refused without checking the password, because its user or client is locked for a while (SEC-7). */
public class LoginThrottledException extends AuthenticationException {

  private final Duration retryAfter;

  public LoginThrottledException(Duration retryAfter) {
    super("Too many failed logins; try again in " + seconds(retryAfter) + " s");
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  /** Whole seconds, rounded up, at least 1: the value of a Retry-After header. */
  public static long seconds(Duration wait) {
    long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }
}
