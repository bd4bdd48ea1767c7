package com.resellerhub.billing.platform;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code billing.events.*}: the reactions of one feature to another's committed change (a top-up repaying a
 * promise) are kept in the event publication registry until they complete.
 *
 * @param retryAfter a reaction not completed this long after its event (it failed, or its node stopped) is run again;
 *     also how often the registry is checked (default PT1M)
 */
@Validated
@ConfigurationProperties("billing.events")
public record EventSettings(@DefaultValue("PT1M") @NotNull Duration retryAfter) {}
