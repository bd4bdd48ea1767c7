package com.resellerhub.billing.billingday;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code billing.auto-debit.*}: when the billing day runs (a Camunda cron: seconds, minutes, hours, day of month,
 * month, day of week), whether that daily timer is active ({@code daily-timer}, default true: false pauses it, e.g.
 * during maintenance or in tests that move the clock; runs can still be requested), how many payments a chunk settles in one transaction, how often the run checks its
 * chunks, how a failing chunk is retried before it becomes an incident, and the name this node writes on the chunks it
 * settles. The process reads them as {@code ${autoDebitSettings.cron}} and so on.
 */
@ConfigurationProperties("billing.auto-debit")
public record SettlementSettings(String cron, Integer chunkSize, Duration pollInterval, String retryCycle,
    String nodeName, Boolean dailyTimer) {

  public SettlementSettings {
    cron = cron == null || cron.isBlank() ? "0 0 2 * * ?" : cron;
    chunkSize = chunkSize == null || chunkSize < 1 ? 500 : chunkSize;
    pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
    retryCycle = retryCycle == null || retryCycle.isBlank() ? "R3/PT5M" : retryCycle;
    nodeName = nodeName == null || nodeName.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeName;
    dailyTimer = dailyTimer == null || dailyTimer;
  }

  /** The poll interval as an ISO-8601 duration for the process's timer. */
  public String pollIntervalIso() {
    return pollInterval.toString();
  }
}
