package com.resellerhub.billing.billingday;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The billing day's configuration ({@code billing.billing-day.*}); see {@code docs/billing-day.md}.
 *
 * <ul>
 *   <li>{@code renewal-lead-days} (default 7, at least 1): a renewal is created from this many days before the
 *       subscription's expiry, up to the day before it;</li>
 *   <li>{@code prolongation-lead-days} (default 7, at least 0): a prolongation is created from this many days before
 *       the paid-until date, up to that day; the same default as renewals, so that orders falling due on one date
 *       are created by the same run and share one payment;</li>
 *   <li>{@code page-size} (default 200): accounts handled per page (memory and statement sizes stay bounded).</li>
 * </ul>
 */
@Component
public class BillingDaySettings {

  private final int renewalLeadDays;
  private final int prolongationLeadDays;
  private final int pageSize;

  public BillingDaySettings(@Value("${billing.billing-day.renewal-lead-days:7}") int renewalLeadDays,
      @Value("${billing.billing-day.prolongation-lead-days:7}") int prolongationLeadDays,
      @Value("${billing.billing-day.page-size:200}") int pageSize) {
    if (renewalLeadDays < 1) {
      throw new IllegalArgumentException("billing.billing-day.renewal-lead-days must be at least 1: a renewal is"
          + " created before the subscription's expiry day (PAY-4), got " + renewalLeadDays);
    }
    if (prolongationLeadDays < 0) {
      throw new IllegalArgumentException("billing.billing-day.prolongation-lead-days must not be negative, got "
          + prolongationLeadDays);
    }
    if (pageSize < 1) {
      throw new IllegalArgumentException("billing.billing-day.page-size must be at least 1, got " + pageSize);
    }
    this.renewalLeadDays = renewalLeadDays;
    this.prolongationLeadDays = prolongationLeadDays;
    this.pageSize = pageSize;
  }

  public int renewalLeadDays() {
    return renewalLeadDays;
  }

  public int prolongationLeadDays() {
    return prolongationLeadDays;
  }

  public int pageSize() {
    return pageSize;
  }
}
