package com.resellerhub.billing.order;

import com.resellerhub.billing.catalog.BillingModel;
import com.resellerhub.billing.reseller.PostpayApproval;
import com.resellerhub.billing.reseller.PostpayApprovalScope;

/** PP-2: whether an order needs the account's postpay permission. Pure, so unit tests cover every combination. */
public final class PostpayRule {

  private PostpayRule() {}

  /**
   * In MANUAL mode an order of a postpaid plan needs permission when it is commercial, or when it is a trial and the
   * reseller applies approval to trials too. In AUTOMATIC mode nothing needs it.
   */
  public static boolean needsPermission(PostpayApproval mode, PostpayApprovalScope scope, BillingModel model,
      boolean trial) {
    if (mode != PostpayApproval.MANUAL || model != BillingModel.POSTPAY) {
      return false;
    }
    return !trial || scope == PostpayApprovalScope.COMMERCIAL_AND_TRIAL;
  }
}
