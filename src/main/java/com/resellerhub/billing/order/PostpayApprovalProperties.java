package com.resellerhub.billing.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code billing.postpay-approval.*}: the review of a first postpaid order (PP-3..PP-10).
 *
 * @param escalateAfter how long a review may wait, in business time, before it is overdue and escalated (PP-10;
 *     default P1D, one business day; must be positive, checked by PostpayApprovalSettings)
 * @param managersLead the user told of an escalation (default {@code manager})
 */
@Validated
@ConfigurationProperties("billing.postpay-approval")
public record PostpayApprovalProperties(
    @DefaultValue("P1D") @NotNull Duration escalateAfter,
    @DefaultValue("manager") @NotBlank String managersLead) {}
