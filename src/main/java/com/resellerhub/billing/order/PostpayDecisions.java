package com.resellerhub.billing.order;

import com.resellerhub.billing.account.PostpayPermissions;
import com.resellerhub.billing.platform.MailSettings;

import com.resellerhub.billing.account.Account;
import com.resellerhub.billing.account.AccountEventLog;
import com.resellerhub.billing.account.AccountEventType;
import com.resellerhub.billing.account.AccountService;
import com.resellerhub.billing.account.Manager;
import com.resellerhub.billing.account.PostpayPermission;
import com.resellerhub.billing.account.ReferenceDataService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The managers' decision on a postpay review, as the approval process carries it out (PP-4, PP-5, PP-10). Each
 * method runs in a job with retries and is idempotent: a retry after a lost acknowledgement changes nothing.
 */
@Service
public class PostpayDecisions implements PostpayApprovalService {

  private static final Logger log = LoggerFactory.getLogger(PostpayDecisions.class);

  private final AccountService accounts;
  private final OrderService orders;
  private final AccountEventLog eventLog;
  private final ReferenceDataService referenceData;
  private final IdentityService identity;
  private final JavaMailSender mail;
  private final String from;
  private final String managersLead;
  private final PostpayPermissions permissions;

  public PostpayDecisions(AccountService accounts, OrderService orders, AccountEventLog eventLog,
      ReferenceDataService referenceData, IdentityService identity, JavaMailSender mail,
      MailSettings mailSettings, PostpayApprovalProperties settings, PostpayPermissions permissions) {
    this.permissions = permissions;
    this.accounts = accounts;
    this.orders = orders;
    this.eventLog = eventLog;
    this.referenceData = referenceData;
    this.identity = identity;
    this.mail = mail;
    this.from = mailSettings.from();
    this.managersLead = settings.managersLead();
  }

  @Override
  @Transactional
  public void approve(long accountId, String approverUserId) {
    Account account = accounts.lock(accountId);
    if (account.getPostpayPermission() != PostpayPermission.APPROVED) {
      permissions.approve(accountId, approverUserId);
    }
    orders.approvePending(accountId, approverUserId);
  }

  @Override
  @Transactional
  public void decline(long accountId, String approverUserId, String reason) {
    Account account = accounts.lock(accountId);
    if (account.getPostpayPermission() != PostpayPermission.DECLINED) {
      permissions.decline(accountId, approverUserId, reason);
    }
    orders.cancelPending(accountId, approverUserId, reason);
  }

  /**
   * PP-10: the review is overdue. A mail goes to the account's manager, or to the lead of the managers group (the user
   * {@code billing.postpay-approval.managers-lead}) when the account has none; an operator-only entry records it.
   * When the mail cannot be sent the job fails, is retried and ends as an incident, so an unsent escalation shows in
   * Cockpit. A retry after a lost acknowledgement may send the mail twice (at least once, never silently lost).
   */
  @Override
  @Transactional
  public void escalate(long accountId) {
    Account account = accounts.get(accountId);
    Manager manager = account.getManagerId() == null ? null
        : referenceData.manager(account.getManagerId()).orElse(null);
    String to;
    String who;
    if (manager != null && manager.getEmail() != null) {
      to = manager.getEmail();
      who = "the account's manager " + manager.getName();
    } else {
      User lead = identity.createUserQuery().userId(managersLead).singleResult();
      if (lead == null || lead.getEmail() == null) {
        throw new IllegalStateException("Nobody to notify of the overdue review of account " + accountId
            + ": no manager with an email, and the managers' lead '" + managersLead + "' has none");
      }
      to = lead.getEmail();
      who = "the managers' lead " + managersLead;
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(to);
    message.setSubject("Postpay review overdue: " + account.getName());
    message.setText("""
        The postpay permission review of account "%s" (id %d) has not been completed in time.

        Open Tasklist, filter "Review queue", and approve or decline "Review postpay permission".
        """.formatted(account.getName(), accountId));
    mail.send(message);
    eventLog.record(accountId, AccountEventType.APPROVAL_ESCALATED, AccountEventLog.SYSTEM, false,
        "Postpay review overdue: " + who + " notified at " + to);
    log.warn("Postpay review of account {} is overdue; notified {} at {}", accountId, who, to);
  }
}
