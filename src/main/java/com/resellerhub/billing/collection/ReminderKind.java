package com.resellerhub.billing.collection;

/** COL-1: the four reminders of a collection, each mailed once per payment. */
public enum ReminderKind {
  BEFORE_EXPIRY("Payment %d is due on %s"),
  OVERDUE("Payment %d is overdue"),
  BEFORE_SUSPENSION("Your subscriptions will be suspended on %2$s"),
  BEFORE_TERMINATION("Your subscriptions will be terminated on %2$s");

  private final String subject;

  ReminderKind(String subject) {
    this.subject = subject;
  }

  /** The mail's subject for a payment and the day the reminder announces. */
  public String subject(long paymentId, java.time.LocalDate day) {
    return subject.formatted(paymentId, day);
  }
}
