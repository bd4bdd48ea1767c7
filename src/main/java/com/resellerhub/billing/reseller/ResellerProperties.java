package com.resellerhub.billing.reseller;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code billing.reseller.*}: the installation's reseller, created with these on first use (RS-1).
 *
 * @param code a short code, also the prefix of the billing day's business keys (default {@code default})
 * @param name the reseller's name
 * @param currency the ISO 4217 code every amount is in (default EUR)
 */
@Validated
@ConfigurationProperties("billing.reseller")
public record ResellerProperties(
    @DefaultValue("default") @NotBlank String code,
    @DefaultValue("Reseller") @NotBlank String name,
    @DefaultValue("EUR") @Pattern(regexp = "[A-Z]{3}") String currency) {}
