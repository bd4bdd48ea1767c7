package com.resellerhub.billing.collection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * COL-1: the reminder mails, sent after the step that recorded them commits (a rolled-back step sends nothing; a
 * retried one finds its reminder recorded and sends nothing again). A mail the server refuses is logged and counted
 * ({@code billing_collections_reminder_failed_total}); the reminder stays recorded as sent to that address.
 */
@Component
class CollectionMails {

  private static final Logger log = LoggerFactory.getLogger(CollectionMails.class);

  private final JavaMailSender mail;
  private final com.resellerhub.billing.platform.MailSettings mailSettings;
  private final Counter sent;
  private final Counter failed;

  CollectionMails(JavaMailSender mail, com.resellerhub.billing.platform.MailSettings mailSettings,
      MeterRegistry registry) {
    this.mail = mail;
    this.mailSettings = mailSettings;
    this.sent = Counter.builder("billing.collections.reminder.sent").register(registry);
    this.failed = Counter.builder("billing.collections.reminder.failed").register(registry);
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void reminderDue(ReminderDue r) {
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(mailSettings.from());
    message.setTo(r.recipient());
    message.setSubject(r.kind().subject(r.paymentId(), r.day()));
    message.setText(text(r));
    try {
      mail.send(message);
      sent.increment();
    } catch (MailException e) {
      failed.increment();
      log.warn("Could not mail reminder {} of payment {} to {}: {}", r.kind(), r.paymentId(), r.recipient(),
          e.getMessage());
    }
  }

  static String text(ReminderDue r) {
    String amount = CollectionService.money(r.amount(), r.currency());
    String body = switch (r.kind()) {
      case BEFORE_EXPIRY -> "payment %d of %s for the account \"%s\" is due on %s, and the balance does not cover it."
          .formatted(r.paymentId(), amount, r.accountName(), r.expiresOn())
          + " Top up the balance or pay it before that day to keep your services running.";
      case OVERDUE -> "payment %d of %s for the account \"%s\" was due on %s and is now overdue."
          .formatted(r.paymentId(), amount, r.accountName(), r.expiresOn())
          + " Please pay it, or top up the balance: the payment is then paid from it at once.";
      case BEFORE_SUSPENSION -> ("payment %d of %s for the account \"%s\" is still unpaid. The subscriptions it pays"
          + " will be suspended on %s unless it is paid before.").formatted(r.paymentId(), amount, r.accountName(),
              r.day());
      case BEFORE_TERMINATION -> ("payment %d of %s for the account \"%s\" is still unpaid, and the subscriptions it"
          + " pays are suspended. They will be terminated on %s unless it is paid before.").formatted(r.paymentId(),
              amount, r.accountName(), r.day());
    };
    return "Hello " + (r.ownerName() == null ? "" : r.ownerName()) + ",\n\n" + body
        + "\n\nPay in the customer API (POST /api/customer/payments/" + r.paymentId() + "/complete) or contact your"
        + " account manager.\n";
  }
}
