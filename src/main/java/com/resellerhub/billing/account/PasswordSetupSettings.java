package com.resellerhub.billing.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code billing.accounts.password-setup.*}: a new owner's set-password link (ACC-8).
 *
 * @param ttl how long the link works (default P3D)
 * @param link the page the link opens; the token is appended
 */
@Validated
@ConfigurationProperties("billing.accounts.password-setup")
public record PasswordSetupSettings(
    @DefaultValue("P3D") @NotNull Duration ttl,
    @DefaultValue("http://localhost:8080/password-setup?token=") @NotBlank String link) {}
