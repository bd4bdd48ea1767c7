package com.resellerhub.billing.billingday;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The billing day's configuration ({@code billing.billing-day.*}); see {@code docs/billing-day.md}.
 *
 * @param renewalLeadDays a renewal is created from this many days before the subscription's expiry, up to the day
 *     before it (default 7, at least 1: a renewal is created before the expiry day, PAY-4)
 * @param prolongationLeadDays a prolongation is created from this many days before the paid-until date, up to that
 *     day (default 7, at least 0); the same default as renewals, so that orders falling due on one date are created
 *     by the same run and share one payment
 * @param pageSize accounts handled per page, so memory and statement sizes stay bounded (default 200)
 */
@Validated
@ConfigurationProperties("billing.billing-day")
public record BillingDaySettings(
    @DefaultValue("7") @Min(1) int renewalLeadDays,
    @DefaultValue("7") @Min(0) int prolongationLeadDays,
    @DefaultValue("200") @Min(1) int pageSize) {}
