package com.resellerhub.billing.order.process;

import com.resellerhub.billing.clock.BusinessCalendar;
import com.resellerhub.billing.clock.BusinessCalendarSettings;
import com.resellerhub.billing.order.PostpayApprovalProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Configuration of the postpay-approval process, read by its BPMN as {@code ${postpayApprovalSettings...}}.
 *
 * <p>PP-10: an open review escalates {@code billing.postpay-approval.escalate-after} (ISO-8601 duration, default
 * {@code P1D}) after the task was created. Whole days count as business days of the {@link BusinessCalendar}
 * (Monday to Friday in {@code billing.business-calendar.zone}, default UTC, without the dates listed in
 * {@code billing.business-calendar.holidays}); a duration without days ({@code PT30M}) is plain time.
 */
@Component(PostpayApproval.Beans.SETTINGS)
public class PostpayApprovalSettings {

  private final Clock clock;
  private final Duration escalateAfter;
  private final BusinessCalendar calendar;

  @org.springframework.beans.factory.annotation.Autowired
  public PostpayApprovalSettings(Clock clock, PostpayApprovalProperties approval, BusinessCalendarSettings calendar) {
    this(clock, approval.escalateAfter(), calendar.zone(), calendar.holidays());
  }

  public PostpayApprovalSettings(Clock clock, Duration escalateAfter, ZoneId zone, List<LocalDate> holidays) {
    if (escalateAfter.isNegative() || escalateAfter.isZero()) {
      throw new IllegalArgumentException("billing.postpay-approval.escalate-after must be positive: " + escalateAfter);
    }
    this.clock = clock;
    this.escalateAfter = escalateAfter;
    this.calendar = new BusinessCalendar(zone, holidays);
  }

  public Duration escalateAfter() {
    return escalateAfter;
  }

  /** When a review created now becomes overdue: the due date of the task and the date of the escalation timer. */
  public Date escalationDue() {
    return Date.from(calendar.add(clock.instant(), escalateAfter));
  }
}
