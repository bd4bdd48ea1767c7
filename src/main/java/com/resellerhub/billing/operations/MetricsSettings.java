package com.resellerhub.billing.operations;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code billing.metrics.*}: the operations gauges.
 *
 * @param cacheTtl how long a gauge's value is reused before it is queried again (default PT5S)
 */
@Validated
@ConfigurationProperties("billing.metrics")
public record MetricsSettings(@DefaultValue("PT5S") @NotNull Duration cacheTtl) {}
