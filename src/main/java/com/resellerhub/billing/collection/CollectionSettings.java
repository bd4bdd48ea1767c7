package com.resellerhub.billing.collection;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The collections process's configuration ({@code billing.collections.*}); see {@code docs/collections.md}. The days
 * from suspension to termination and the review threshold are the reseller's settings ({@code PUT
 * /api/operator/settings}, {@code collections}).
 *
 * @param remindDaysBeforeExpiry COL-1: the owner is mailed this many days before an unpaid payment's expiry
 *     (default 3)
 * @param remindDaysBeforeSuspension COL-1: ... before the suspension of its subscriptions (default 2)
 * @param remindDaysBeforeTermination COL-1: ... before their termination (default 3); a review is also asked for
 *     then (COL-2)
 * @param stepTime the time of day (UTC) at which each step of a day happens: after the billing day (02:00), within
 *     office hours (default 09:00)
 * @param maxGraceExtensionDays the most days a manager may extend the grace by in one decision (default 30)
 * @param reviewEscalateAfter COL-2: an open "Review overdue account" escalates this long after it was created
 *     (default PT8H)
 * @param escalationMail where the escalation goes (default collections@localhost)
 * @param pageSize payments examined per page when a day's collections start (default 200)
 * @param startAfterBillingDay whether each finished billing day starts the day's collections (default true; false
 *     leaves them to {@code POST /api/admin/collections/start}, e.g. while measuring the billing day alone)
 */
@Validated
@ConfigurationProperties("billing.collections")
public record CollectionSettings(
    @DefaultValue("3") @Min(0) int remindDaysBeforeExpiry,
    @DefaultValue("2") @Min(0) int remindDaysBeforeSuspension,
    @DefaultValue("3") @Min(0) int remindDaysBeforeTermination,
    @DefaultValue("09:00") @NotNull LocalTime stepTime,
    @DefaultValue("30") @Min(1) int maxGraceExtensionDays,
    @DefaultValue("PT8H") @NotNull Duration reviewEscalateAfter,
    @DefaultValue("collections@localhost") @NotBlank String escalationMail,
    @DefaultValue("200") @Min(1) int pageSize,
    @DefaultValue("true") boolean startAfterBillingDay) {}
