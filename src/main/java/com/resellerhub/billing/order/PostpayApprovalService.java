package com.resellerhub.billing.order;

/**
 * What the postpay-approval process asks of the domain (PP-4, PP-5, PP-10). The process calls these from its
 * service tasks, each in its own job with retries, so every method must be idempotent: a retried call after a
 * commit whose acknowledgement was lost must change nothing.
 *
 * <p>To be implemented by the order feature (accounts and orders). Until it is, a placeholder in {@code process/}
 * makes every call fail, which leaves an incident in Cockpit.
 */
public interface PostpayApprovalService {

  /**
   * PP-4: the account becomes APPROVED and every order of it pending approval is provisioned. The orders keep their
   * creator; {@code approverUserId} is recorded separately as their approver.
   */
  void approve(long accountId, String approverUserId);

  /**
   * PP-5: the account becomes DECLINED and every order of it pending approval is cancelled with {@code reason}
   * (never blank: the review task refuses a decline without one).
   */
  void decline(long accountId, String approverUserId, String reason);

  /**
   * PP-10: nobody completed the review in time. Notify the account's manager, or the lead of the {@code managers}
   * group when the account has none. The review task stays open.
   */
  void escalate(long accountId);
}
