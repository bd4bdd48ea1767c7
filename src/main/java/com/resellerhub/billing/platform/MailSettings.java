package com.resellerhub.billing.platform;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code billing.mail.*}: what every mail of the application shares (account mails, review escalations); the SMTP
 * server itself is {@code spring.mail.*}.
 *
 * @param from the sender address (default billing@localhost)
 */
@Validated
@ConfigurationProperties("billing.mail")
public record MailSettings(@DefaultValue("billing@localhost") @NotBlank @Email String from) {}
