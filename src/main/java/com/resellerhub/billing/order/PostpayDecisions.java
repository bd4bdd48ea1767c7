package com.resellerhub.billing.order;

import com.resellerhub.billing.account.Account;
import com.resellerhub.billing.account.AccountEventLog;
import com.resellerhub.billing.account.AccountEventType;
import com.resellerhub.billing.account.AccountService;
import com.resellerhub.billing.account.PostpayPermission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
  private final String managersLead;

  public PostpayDecisions(AccountService accounts, OrderService orders, AccountEventLog eventLog,
      @Value("${billing.postpay-approval.managers-lead:admin}") String managersLead) {
    this.accounts = accounts;
    this.orders = orders;
    this.eventLog = eventLog;
    this.managersLead = managersLead;
  }

  @Override
  @Transactional
  public void approve(long accountId, String approverUserId) {
    Account account = accounts.lock(accountId);
    if (account.getPostpayPermission() != PostpayPermission.APPROVED) {
      accounts.approve(accountId, approverUserId);
    }
    orders.approvePending(accountId, approverUserId);
  }

  @Override
  @Transactional
  public void decline(long accountId, String approverUserId, String reason) {
    Account account = accounts.lock(accountId);
    if (account.getPostpayPermission() != PostpayPermission.DECLINED) {
      accounts.decline(accountId, approverUserId, reason);
    }
    orders.cancelPending(accountId, approverUserId, reason);
  }

  /**
   * PP-10: the review is overdue. The account's manager is notified, or the lead of the managers group
   * ({@code billing.postpay-approval.managers-lead}) when the account has none; the entry is the operator's only.
   */
  @Override
  @Transactional
  public void escalate(long accountId) {
    Account account = accounts.get(accountId);
    String notified = account.getManagerId() != null ? "the account's manager (" + account.getManagerId() + ")"
        : "the managers' lead " + managersLead;
    eventLog.record(accountId, AccountEventType.APPROVAL_ESCALATED, AccountEventLog.SYSTEM, false,
        "Postpay review overdue: escalated to " + notified);
    log.warn("Postpay review of account {} is overdue; escalated to {}", accountId, notified);
  }
}
