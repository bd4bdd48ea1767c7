package com.resellerhub.billing.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The postpay permission as behaviour of {@link Account} (PP-1, PP-3..7), without a database or an engine. */
class PostpayPermissionRulesTest {

  private static Account account(PostpayPermission permission) {
    AccountType type = new AccountType(1L, "company", "Company", true, false, java.util.List.of());
    ServiceRule rule = new ServiceRule(1L, "standard", "Standard", null);
    PostpayPermission start = permission == PostpayPermission.APPROVED ? PostpayPermission.APPROVED
        : PostpayPermission.NOT_VERIFIED;
    Account account = new Account(1L, "Test GmbH", Instant.parse("2027-01-01T00:00:00Z"), "manager", type, rule,
        null, "Test GmbH", start);
    // reach the wanted permission the way the product does
    if (permission == PostpayPermission.UNDER_REVIEW || permission == PostpayPermission.DECLINED) {
      account.markUnderReview();
    }
    if (permission == PostpayPermission.DECLINED) {
      account.decline("Seen before");
    }
    return account;
  }

  @Test
  void PP3_aNotVerifiedAccountGoesUnderReview_anyOtherCannot() {
    Account account = account(PostpayPermission.NOT_VERIFIED);
    account.markUnderReview();
    assertThat(account.getPostpayPermission()).isEqualTo(PostpayPermission.UNDER_REVIEW);
    assertThatThrownBy(account::markUnderReview).hasFieldOrPropertyWithValue("rule", "PP-3");
  }

  @Test
  void PP4_PP5_aReviewEndsApproved_orDeclinedWithAReason() {
    Account approved = account(PostpayPermission.UNDER_REVIEW);
    approved.approve();
    assertThat(approved.getPostpayPermission()).isEqualTo(PostpayPermission.APPROVED);

    Account declined = account(PostpayPermission.UNDER_REVIEW);
    assertThatThrownBy(() -> declined.decline(" ")).hasFieldOrPropertyWithValue("rule", "PP-5")
        .hasFieldOrPropertyWithValue("field", "reason");
    assertThat(declined.getPostpayPermission()).isEqualTo(PostpayPermission.UNDER_REVIEW);
    declined.decline("No credit history");
    assertThat(declined.getPostpayPermission()).isEqualTo(PostpayPermission.DECLINED);
  }

  @Test
  void PP7_aDecidedPermissionIsFinal_forTheReviewAndForAManagersDirectChange() {
    for (PostpayPermission decided : new PostpayPermission[] {PostpayPermission.APPROVED,
        PostpayPermission.DECLINED}) {
      Account account = account(decided);
      assertThatThrownBy(account::approve).hasFieldOrPropertyWithValue("rule", "PP-7");
      assertThatThrownBy(() -> account.decline("again")).hasFieldOrPropertyWithValue("rule", "PP-7");
      PostpayPermission other = decided == PostpayPermission.APPROVED ? PostpayPermission.NOT_VERIFIED
          : PostpayPermission.APPROVED;
      assertThatThrownBy(() -> account.preApprove(other)).hasFieldOrPropertyWithValue("rule", "PP-7");
      assertThat(account.getPostpayPermission()).isEqualTo(decided);
    }
  }

  @Test
  void PP1_aManagerOnlyPreApprovesANotVerifiedAccount_anOpenReviewIsDecidedInTasklist() {
    Account notVerified = account(PostpayPermission.NOT_VERIFIED);
    assertThatThrownBy(() -> notVerified.preApprove(PostpayPermission.DECLINED))
        .hasFieldOrPropertyWithValue("rule", "PP-1");
    assertThat(notVerified.preApprove(PostpayPermission.APPROVED)).isTrue();
    assertThat(notVerified.getPostpayPermission()).isEqualTo(PostpayPermission.APPROVED);
    assertThat(notVerified.preApprove(PostpayPermission.APPROVED)).as("already so: nothing changes").isFalse();

    Account underReview = account(PostpayPermission.UNDER_REVIEW);
    assertThatThrownBy(() -> underReview.preApprove(PostpayPermission.APPROVED))
        .hasFieldOrPropertyWithValue("rule", "PP-3");
  }
}
