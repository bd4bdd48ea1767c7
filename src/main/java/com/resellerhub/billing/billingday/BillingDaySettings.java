package com.resellerhub.billing.billingday;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The billing day's configuration ({@code billing.billing-day.*}); see {@code docs/billing-day.md}. Before the rename
 * of the process these keys were {@code billing.billing-day.*} (cron, daily-timer, chunk-size, poll-interval,
 * node-name); {@code retry-cycle} is gone: the engine-wide default retry cycle applies.
 *
 * @param cron when the daily "Billing day" timer fires: a Camunda cron (seconds, minutes, hours, day of month, month,
 *     day of week), default {@code 0 0 2 * * ?} (02:00 every day)
 * @param dailyTimer whether that timer is active (default true); false pauses it (maintenance, tests that move the
 *     clock) while requested runs and runs under way go on
 * @param chunkSize payments settled in one transaction by one chunk, whole accounts per chunk (default 500)
 * @param pollInterval how often the run counts its settled chunks, for the first checks (default PT5S)
 * @param lateAfter how long after its start a day's settlement may take before "Billing day late" notifies
 *     operations (default PT4H); the run goes on
 * @param operationsMail who gets that notice (default {@code operations@localhost})
 * @param nodeName the name this node writes on the chunks it settles (default the JVM's pid@host)
 * @param renewalLeadDays a renewal is created from this many days before the subscription's expiry, up to the day
 *     before it (default 7, at least 1: a renewal is created before the expiry day, PAY-4)
 * @param prolongationLeadDays a prolongation is created from this many days before the paid-until date, up to that
 *     day (default 7, at least 0); the same default as renewals, so that orders falling due on one date are created
 *     by the same run and share one payment
 * @param pageSize accounts handled per page, so memory and statement sizes stay bounded (default 200)
 * @param creationSliceAccounts accounts with work that one slice of "Create the day's payments" handles in one
 *     transaction (default 5000): a million subscriptions make 200 bounded transactions rather than one of minutes
 *     that holds every account's lock
 * @param creationThreads slices that one job of "Create the day's payments" runs at once (default 4, as the job
 *     executor's core threads); the step repeats, as a new job, until every account is done
 */
@Validated
@ConfigurationProperties("billing.billing-day")
public record BillingDaySettings(
    @DefaultValue("0 0 2 * * ?") @NotBlank String cron,
    @DefaultValue("true") boolean dailyTimer,
    @DefaultValue("500") @Min(1) int chunkSize,
    @DefaultValue("PT5S") @NotNull Duration pollInterval,
    @DefaultValue("PT4H") @NotNull Duration lateAfter,
    @DefaultValue("operations@localhost") @NotBlank String operationsMail,
    String nodeName,
    @DefaultValue("7") @Min(1) int renewalLeadDays,
    @DefaultValue("7") @Min(0) int prolongationLeadDays,
    @DefaultValue("200") @Min(1) int pageSize,
    @DefaultValue("5000") @Min(1) int creationSliceAccounts,
    @DefaultValue("4") @Min(1) @jakarta.validation.constraints.Max(32) int creationThreads) {

  public BillingDaySettings {
    nodeName = nodeName == null || nodeName.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeName;
  }
}
