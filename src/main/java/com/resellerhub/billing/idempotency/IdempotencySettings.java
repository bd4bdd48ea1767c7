package com.resellerhub.billing.idempotency;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code billing.idempotency.*}: repeat-safe requests.
 *
 * @param retention how long the answer to an {@code Idempotency-Key} is kept for replay (default P7D, at least 24
 *     hours: a client retries within a day)
 */
@Validated
@ConfigurationProperties("billing.idempotency")
public record IdempotencySettings(@DefaultValue("P7D") @NotNull Duration retention) {

  public IdempotencySettings {
    if (retention != null && retention.compareTo(Duration.ofHours(24)) < 0) {
      throw new IllegalArgumentException("billing.idempotency.retention must be at least 24 hours");
    }
  }
}
