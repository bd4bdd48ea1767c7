package com.resellerhub.billing.collection.process;

import com.resellerhub.billing.collection.CollectionSettings;
import java.time.Clock;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * COL-2's SLA, read by the BPMN as {@code ${collectionReviewDue.at()}}: a review created now is due (and escalates)
 * {@code billing.collections.review-escalate-after} later.
 */
@Component
public class CollectionReviewDue {

  private final Clock clock;
  private final CollectionSettings settings;

  public CollectionReviewDue(Clock clock, CollectionSettings settings) {
    this.clock = clock;
    this.settings = settings;
  }

  public Date at() {
    return Date.from(clock.instant().plus(settings.reviewEscalateAfter()));
  }
}
