package com.resellerhub.billing.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** SUB-3, COL-1: the days of a collection at their boundaries (reminders 3, 2 and 3 days ahead). */
class CollectionRulesTest {

  private static final LocalDate E = LocalDate.of(2027, 5, 31);

  private static CollectionRules.Schedule days(LocalDate covered, int grace, int extension, int suspendedDays,
      LocalDate started) {
    return CollectionRules.schedule(new CollectionRules.Facts(E, covered, grace, extension, suspendedDays, started),
        3, 2, 3);
  }

  @Test
  void SUB3_aRenewalWithTwoDaysOfGrace_isSuspendedOnTheThirdDayAfterExpiry_andTerminatedSDaysLater() {
    CollectionRules.Schedule d = days(E, 2, 0, 5, E.minusDays(3));
    assertThat(d.remindBeforeExpiryOn()).isEqualTo(E.minusDays(3));
    assertThat(d.overdueOn()).isEqualTo(E.plusDays(1));
    assertThat(d.suspendOn()).isEqualTo(E.plusDays(3));
    assertThat(d.remindBeforeSuspensionOn()).as("r2 = 2 days ahead, not before the overdue day")
        .isEqualTo(E.plusDays(1));
    assertThat(d.terminateOn()).isEqualTo(E.plusDays(8));
    assertThat(d.remindBeforeTerminationOn()).isEqualTo(E.plusDays(5));
  }

  @Test
  void SUB3_withoutGrace_theSuspensionIsTheDayItBecomesOverdue_andItsReminderThatMorning() {
    CollectionRules.Schedule d = days(E, 0, 0, 30, E.minusDays(3));
    assertThat(d.suspendOn()).isEqualTo(E.plusDays(1));
    assertThat(d.remindBeforeSuspensionOn()).isEqualTo(E.plusDays(1));
    assertThat(d.terminateOn()).isEqualTo(E.plusDays(31));
  }

  @Test
  void SUB3_aProlongationWhosePaymentAlreadyExpiresAfterTheGrace_isNotGivenTheGraceTwice() {
    // paid until E-5 with 5 days of grace: its payment expires on E
    CollectionRules.Schedule d = days(E.minusDays(5), 5, 0, 30, E.minusDays(3));
    assertThat(d.suspendOn()).isEqualTo(E.plusDays(1));
  }

  @Test
  void SUB3_aLongGraceCountsFromThePaidUntilDate() {
    CollectionRules.Schedule d = days(E, 10, 0, 30, E.minusDays(3));
    assertThat(d.suspendOn()).isEqualTo(E.plusDays(11));
    assertThat(d.remindBeforeSuspensionOn()).isEqualTo(E.plusDays(9));
  }

  @Test
  void COL2_anExtensionMovesSuspensionAndTerminationByItsDays() {
    CollectionRules.Schedule before = days(E, 2, 0, 5, E.minusDays(3));
    CollectionRules.Schedule after = days(E, 2, 4, 5, E.minusDays(3));
    assertThat(after.suspendOn()).isEqualTo(before.suspendOn().plusDays(4));
    assertThat(after.terminateOn()).isEqualTo(before.terminateOn().plusDays(4));
    assertThat(after.overdueOn()).isEqualTo(before.overdueOn());
  }

  @Test
  void COL1_aCollectionStartedLate_neverSuspendsWithoutItsReminderFirst() {
    LocalDate startedLate = E.plusDays(40);
    CollectionRules.Schedule d = days(E, 2, 0, 5, startedLate);
    assertThat(d.suspendOn()).isEqualTo(startedLate.plusDays(2));
    assertThat(d.remindBeforeSuspensionOn()).isEqualTo(startedLate);
    assertThat(d.terminateOn()).isEqualTo(startedLate.plusDays(7));
  }

  @Test
  void COL1_theTerminationReminderIsNeverBeforeTheSuspension() {
    CollectionRules.Schedule d = days(E, 2, 0, 1, E.minusDays(3));
    assertThat(d.remindBeforeTerminationOn()).isEqualTo(d.suspendOn());
    assertThat(d.terminateOn()).isEqualTo(d.suspendOn().plusDays(1));
  }

  @Test
  void SUB3_eachStepHappensAtTheStepTimeInUtc() {
    assertThat(CollectionRules.at(E, LocalTime.of(9, 0))).isEqualTo(Instant.parse("2027-05-31T09:00:00Z"));
  }

  @Test
  void SUB3_negativeDaysOrATerminationOnTheSuspensionDayAreRefused() {
    assertThatThrownBy(() -> days(E, -1, 0, 5, E)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> days(E, 0, 0, 0, E)).isInstanceOf(IllegalArgumentException.class);
  }
}
