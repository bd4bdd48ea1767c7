package com.resellerhub.billing.security;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code billing.security.login.*}: the failed-login throttle of SEC-7 ({@link LoginThrottle}).
 *
 * @param failuresPerUserAndClient consecutive failures of one user from one client address before that pair is locked
 * @param failuresPerClient consecutive failures from one client address, whatever the users, before it is locked
 * @param failuresPerUser consecutive failures of one user from anywhere before it is locked for unknown addresses
 * @param firstLock the first lock; each further failure doubles it
 * @param maxLock the bound: no lock lasts longer (SEC-7: "ends by itself within minutes")
 * @param knownClientFor how long a successful login makes its address known for that user
 * @param maxTrackedKeys above this many counters, those nobody needs are forgotten
 */
@Validated
@ConfigurationProperties("billing.security.login")
public record LoginThrottleSettings(
    @DefaultValue("5") @Min(1) int failuresPerUserAndClient,
    @DefaultValue("20") @Min(1) int failuresPerClient,
    @DefaultValue("20") @Min(1) int failuresPerUser,
    @DefaultValue("PT30S") @NotNull Duration firstLock,
    @DefaultValue("PT15M") @NotNull Duration maxLock,
    @DefaultValue("P30D") @NotNull Duration knownClientFor,
    @DefaultValue("100000") @Min(100) int maxTrackedKeys) {

  public LoginThrottleSettings {
    if (firstLock != null && maxLock != null && firstLock.compareTo(maxLock) > 0) {
      throw new IllegalArgumentException("billing.security.login.first-lock must not exceed max-lock");
    }
  }
}
