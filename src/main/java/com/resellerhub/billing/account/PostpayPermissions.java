package com.resellerhub.billing.account;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes of an account's postpay permission (PP-1, PP-3..7) under its row lock, each written to its event log. The
 * rules of the permission are the account's own ({@link Account#approve()} and the others).
 */
@Service
public class PostpayPermissions {

  private final AccountService accounts;
  private final AccountEventLog eventLog;

  public PostpayPermissions(AccountService accounts, AccountEventLog eventLog) {
    this.accounts = accounts;
    this.eventLog = eventLog;
  }

  /** NOT_VERIFIED → UNDER_REVIEW when the first order that needs permission arrives (PP-3). */
  @Transactional
  public Account markUnderReview(Long accountId, String actor, String detail) {
    Account account = accounts.lock(accountId);
    account.markUnderReview();
    eventLog.record(accountId, AccountEventType.PERMISSION_UNDER_REVIEW, actor, true,
        detail == null ? "Postpay permission under review" : detail);
    return account;
  }

  /** A manager's direct change: pre-approving a NOT_VERIFIED account (PP-1; PP-3, PP-7 refuse the rest). */
  @Transactional
  public Account changePermission(Long accountId, PostpayPermission requested, String actor) {
    Account account = accounts.lock(accountId);
    if (account.preApprove(requested)) {
      approved(accountId, actor);
    }
    return account;
  }

  /** PP-4; PP-7: a decided permission is final. */
  @Transactional
  public Account approve(Long accountId, String actor) {
    Account account = accounts.lock(accountId);
    account.approve();
    approved(accountId, actor);
    return account;
  }

  /** PP-5 (a reason is required); PP-7: a decided permission is final. */
  @Transactional
  public Account decline(Long accountId, String actor, String reason) {
    Account account = accounts.lock(accountId);
    account.decline(reason);
    // The customer sees it as still under review (PP-5), so the entry is the operator's only.
    eventLog.record(accountId, AccountEventType.PERMISSION_DECLINED, actor, false,
        "Postpay permission declined by " + actor + ": " + reason);
    return account;
  }

  private void approved(Long accountId, String actor) {
    eventLog.record(accountId, AccountEventType.PERMISSION_APPROVED, actor, true,
        "Postpay permission approved by " + actor);
  }
}
