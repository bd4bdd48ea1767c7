package com.resellerhub.billing.billingday.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings every test node of the cluster runs with, in the test JVM ({@link InJvmNode}) or its own
 * ({@link JarNode}): the shared database, profiles {@code mysql} and {@code demo}, no webapps, the daily timer paused
 * (the tests start their days themselves), small chunks, fast polls and retries, the promise expiry sweep off (tests call it), and a job executor that looks for new
 * jobs at least every second, so every node takes part in a day's chunks.
 */
final class NodeSettings {

  private NodeSettings() {}

  /** The settings as {@code key → value}, in a map the caller may add to or override. */
  static Map<String, String> of(String nodeName, ClusterDatabase database) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("spring.profiles.active", "mysql,demo");
    settings.put("billing.demo.mail-catcher", "false");
    settings.put("spring.datasource.url", database.url());
    settings.put("spring.datasource.username", database.user());
    settings.put("spring.datasource.password", database.password());
    settings.put("camunda.bpm.webapp.enabled", "false");
    settings.put("billing.billing-day.node-name", nodeName);
    settings.put("billing.billing-day.daily-timer", "false");
    settings.put("billing.billing-day.chunk-size", "6");
    settings.put("billing.billing-day.poll-interval", "PT1S");
    // the promise expiry sweep runs when a test calls it (PromiseExpiryExactlyOnceIT), or where a test turns it on
    settings.put("billing.promises.expiry-sweep.enabled", "false");
    settings.put("camunda.bpm.generic-properties.properties.failed-job-retry-time-cycle", "R2/PT1S");
    settings.put("camunda.bpm.job-execution.wait-time-in-millis", "200");
    settings.put("camunda.bpm.job-execution.max-wait", "1000");
    return settings;
  }

  /** {@code key=value} pairs added to (or overriding) {@code settings}. */
  static void put(Map<String, String> settings, String... keyValues) {
    for (String kv : keyValues) {
      int eq = kv.indexOf('=');
      settings.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
  }

  /** As command-line arguments ({@code --key=value}), which win over the profiles' files. */
  static String[] arguments(Map<String, String> settings) {
    return settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
  }
}
