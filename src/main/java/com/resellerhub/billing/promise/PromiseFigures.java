package com.resellerhub.billing.promise;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Figures of the promised payments for the operator's gauges, counted without loading them. */
@Service
public class PromiseFigures {

  private final PromiseQueries queries;

  public PromiseFigures(PromiseQueries queries) {
    this.queries = queries;
  }

  /** How many promised payments are ACTIVE. */
  @Transactional(readOnly = true)
  public long activeCount() {
    return queries.countWithStatus(PromiseStatus.ACTIVE);
  }
}
