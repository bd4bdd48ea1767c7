package com.resellerhub.billing.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.resellerhub.billing.catalog.BillingModel;
import com.resellerhub.billing.reseller.PostpayApproval;
import com.resellerhub.billing.reseller.PostpayApprovalScope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PP-2: which orders need the account's postpay permission, every combination. */
class PostpayRuleTest {

  @ParameterizedTest(name = "{0} / {1} / {2} / trial={3} → {4}")
  @CsvSource({
      "MANUAL, COMMERCIAL, POSTPAY, false, true",
      "MANUAL, COMMERCIAL, POSTPAY, true, false",
      "MANUAL, COMMERCIAL_AND_TRIAL, POSTPAY, false, true",
      "MANUAL, COMMERCIAL_AND_TRIAL, POSTPAY, true, true",
      "MANUAL, COMMERCIAL, PREPAY, false, false",
      "MANUAL, COMMERCIAL_AND_TRIAL, PREPAY, true, false",
      "AUTOMATIC, COMMERCIAL, POSTPAY, false, false",
      "AUTOMATIC, COMMERCIAL_AND_TRIAL, POSTPAY, true, false"})
  void PP2_needsPermission(PostpayApproval mode, PostpayApprovalScope scope, BillingModel model, boolean trial,
      boolean expected) {
    assertThat(PostpayRule.needsPermission(mode, scope, model, trial)).isEqualTo(expected);
  }
}
