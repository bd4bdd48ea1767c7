package com.resellerhub.billing.account;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The "account created" mail of a new owner (ACC-8), sent after the account's transaction commits: a refused or
 * rolled-back request sends nothing. When the SMTP server cannot be reached the account stays created; the failure
 * is logged, kept in {@code outgoing_mail} and in the account's event log (operator only), and a manager can send a
 * new link ({@code POST /api/operator/accounts/{id}/owner/password-setup}).
 */
@Component
class AccountMails {

  private static final Logger log = LoggerFactory.getLogger(AccountMails.class);
  static final String SUBJECT = "Your account has been created";

  private final JavaMailSender mailSender;
  private final OutgoingMailRepository outgoing;
  private final AccountEventLog eventLog;
  private final Clock clock;
  private final String from;
  private final String linkBase;

  @org.springframework.beans.factory.annotation.Autowired
  AccountMails(JavaMailSender mailSender, OutgoingMailRepository outgoing, AccountEventLog eventLog, Clock clock,
      com.resellerhub.billing.platform.MailSettings mail, PasswordSetupSettings passwordSetup) {
    this(mailSender, outgoing, eventLog, clock, mail.from(), passwordSetup.link());
  }

  AccountMails(JavaMailSender mailSender, OutgoingMailRepository outgoing, AccountEventLog eventLog, Clock clock,
      String from, String linkBase) {
    this.mailSender = mailSender;
    this.outgoing = outgoing;
    this.eventLog = eventLog;
    this.clock = clock;
    this.from = from;
    this.linkBase = linkBase;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void ownerInvited(OwnerInvited invitation) {
    SimpleMailMessage mail = new SimpleMailMessage();
    mail.setFrom(from);
    mail.setTo(invitation.email());
    mail.setSubject(SUBJECT);
    mail.setText("""
        Hello %s,

        the account "%s" has been created for you; your login is %s.

        Set your password here (the link works once, until %s):
        %s%s

        If you did not expect this mail, ignore it.
        """.formatted(invitation.ownerName(), invitation.accountName(), invitation.userId(), invitation.expiresAt(),
        linkBase, invitation.token()));
    try {
      mailSender.send(mail);
      outgoing.save(new OutgoingMail("ACCOUNT_CREATED", invitation.email(), SUBJECT, invitation.accountId(),
          OutgoingMail.Status.SENT, null, clock.instant()));
      eventLog.record(invitation.accountId(), AccountEventType.OWNER_INVITATION_SENT, AccountEventLog.SYSTEM, false,
          "Set-password link sent to " + invitation.email());
    } catch (MailException e) {
      log.warn("Could not send the account-created mail of account {} to {}: {}", invitation.accountId(),
          invitation.email(), e.getMessage());
      outgoing.save(new OutgoingMail("ACCOUNT_CREATED", invitation.email(), SUBJECT, invitation.accountId(),
          OutgoingMail.Status.FAILED, e.getMessage(), clock.instant()));
      eventLog.record(invitation.accountId(), AccountEventType.OWNER_INVITATION_FAILED, AccountEventLog.SYSTEM,
          false, "Set-password mail to " + invitation.email() + " failed; send a new link");
    }
  }
}
