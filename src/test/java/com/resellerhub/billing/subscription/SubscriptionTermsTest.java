package com.resellerhub.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The date rules of terms and instalments, without Spring. */
class SubscriptionTermsTest {

  private static LocalDate d(String date) {
    return LocalDate.parse(date);
  }

  @Test
  void ORD_aNewPrepaidSubscriptionIsPaidForItsFirstInstalment_aPlanPaidAtOnceForItsWholeTerm() {
    SubscriptionTerms.Opening monthly = SubscriptionTerms.opening(d("2027-01-15"), Period.ofYears(1),
        Period.ofMonths(1), true);
    assertThat(monthly.startsOn()).isEqualTo(d("2027-01-15"));
    assertThat(monthly.expiresOn()).isEqualTo(d("2028-01-15"));
    assertThat(monthly.paidUntil()).isEqualTo(d("2027-02-15"));

    SubscriptionTerms.Opening atOnce = SubscriptionTerms.opening(d("2027-01-15"), Period.ofMonths(1), null, true);
    assertThat(atOnce.paidUntil()).isEqualTo(d("2027-02-15"));
    assertThat(SubscriptionTerms.opening(d("2027-01-15"), Period.ofMonths(1), null, false).paidUntil()).isNull();
  }

  @ParameterizedTest(name = "anchor {0}, {1}, after {2}: {3}")
  @CsvSource({
      "2027-01-31, P1M, 2027-02-28, 2027-03-31",
      "2027-01-31, P1M, 2027-03-31, 2027-04-30",
      "2027-01-31, P1M, 2027-04-30, 2027-05-31",
      "2027-01-15, P1M, 2027-02-15, 2027-03-15",
      "2024-02-29, P1Y, 2025-02-28, 2026-02-28",
      "2024-02-29, P1Y, 2027-02-28, 2028-02-29",
      "2027-01-01, P7D, 2027-01-08, 2027-01-15",
      "2020-01-01, P1D, 2027-06-30, 2027-07-01",
      "2020-01-31, P1M, 2027-06-30, 2027-07-31",
      "2027-01-15, P1M, 2027-01-15, 2027-02-15"})
  void ORD_aRenewedTermEndsOnTheNextStepFromTheSubscriptionsStart_monthEndsDoNotDrift(String anchor, String period,
      String currentEnd, String next) {
    assertThat(SubscriptionTerms.nextTermEnd(d(anchor), Period.parse(period), d(currentEnd))).isEqualTo(d(next));
  }

  @Test
  void ORD_aProlongationAdvancesPaidUntilByOneInstalment_neverPastTheExpiry() {
    LocalDate termStart = d("2027-01-31");
    LocalDate expires = d("2027-04-30");
    assertThat(SubscriptionTerms.instalmentEnd(termStart, Period.ofMonths(1), d("2027-02-28"), expires))
        .isEqualTo(d("2027-03-31"));
    assertThat(SubscriptionTerms.instalmentEnd(termStart, Period.ofMonths(1), d("2027-03-31"), expires))
        .isEqualTo(d("2027-04-30"));
    assertThat(SubscriptionTerms.isLastInstalment(termStart, Period.ofMonths(1), d("2027-03-31"), expires)).isTrue();
    assertThat(SubscriptionTerms.isLastInstalment(termStart, Period.ofMonths(1), d("2027-02-28"), expires)).isFalse();
    // A term shorter than whole instalments (an odd start) still ends the last instalment on the expiry.
    assertThat(SubscriptionTerms.instalmentEnd(d("2027-01-01"), Period.ofMonths(2), d("2027-03-01"),
        d("2027-04-01"))).isEqualTo(d("2027-04-01"));
    // Paid at once: one instalment, the whole term.
    assertThat(SubscriptionTerms.instalmentEnd(d("2027-01-01"), Period.ofYears(1), d("2027-01-01"),
        d("2028-01-01"))).isEqualTo(d("2028-01-01"));
  }
}
