package com.resellerhub.billing.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Runs again every reaction whose event is older than {@code billing.events.retry-after} and still incomplete in the
 * event publication registry: it failed, or the node stopped before it completed. The listeners are idempotent
 * (they count each event once), so a reaction resubmitted by two nodes at once changes nothing twice.
 */
@Component
public class EventPublicationRetry implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(EventPublicationRetry.class);

  private final IncompleteEventPublications incomplete;
  private final EventSettings settings;

  public EventPublicationRetry(IncompleteEventPublications incomplete, EventSettings settings) {
    this.incomplete = incomplete;
    this.settings = settings;
  }

  /** Every {@code retry-after}, the first time one {@code retry-after} after the start. */
  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(new FixedDelayTask(this::resubmit, settings.retryAfter(), settings.retryAfter()));
  }

  public void resubmit() {
    try {
      incomplete.resubmitIncompletePublicationsOlderThan(settings.retryAfter());
    } catch (RuntimeException e) {
      log.warn("Incomplete event publications could not be resubmitted now; next try in {}: {}",
          settings.retryAfter(), e.toString());
    }
  }
}
