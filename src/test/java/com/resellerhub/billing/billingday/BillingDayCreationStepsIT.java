package com.resellerhub.billing.billingday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.resellerhub.billing.billingday.BillingDayService.StepSize;
import com.resellerhub.billing.catalog.PlanService;
import com.resellerhub.billing.support.IntegrationTest;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The billing day's creation in steps and slices (issue 16): a step creates the next accounts' orders and payments in
 * slices that run at once, each committed on its own; the next step goes on from where it stopped; a slice that fails
 * leaves the others' work, and the step run again creates the rest, nothing twice. Small steps (2 slices of 3
 * accounts, pages of 2) over subscriptions with nothing created yet ({@link DueSubscriptionsSeed}).
 */
@IntegrationTest
class BillingDayCreationStepsIT {

  private static final StepSize SMALL = new StepSize(2, 3, 2);

  @Autowired BillingDayService billingDay;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlanService plans;

  private DueSubscriptionsSeed seeds;

  @BeforeEach
  void plans() {
    seeds = new DueSubscriptionsSeed(jdbc, plans);
  }

  private int ordersOf(long firstAccount, long lastAccount) {
    return jdbc.queryForObject("select count(*) from customer_order where account_id between ? and ? and type in"
        + " ('RENEWAL', 'PROLONGATION')", Integer.class, firstAccount, lastAccount);
  }

  @Test
  void PAY1_aStepCreatesTheNextAccountsInSlices_andTheNextStepGoesOnFromWhereItStopped() throws Exception {
    LocalDate expiry = LocalDate.parse("2051-03-20");
    DueSubscriptionsSeed.Cohort set = seeds.seed("steps-a", 25, expiry);
    LocalDate day = expiry.minusDays(1);

    BillingDayService.Step first = billingDay.createDueStep(day, set.first() - 1, SMALL);
    assertThat(first.created().renewals() + first.created().prolongations()).as("2 slices of 3 accounts")
        .isEqualTo(6);
    assertThat(first.lastAccountId()).isEqualTo(set.first() + 5);
    assertThat(first.more()).isTrue();
    assertThat(ordersOf(set.first(), set.first() + 5)).isEqualTo(6);
    assertThat(ordersOf(set.first() + 6, set.last())).as("nothing beyond the step").isZero();

    int steps = 1;
    int created = 6;
    BillingDayService.Step step = first;
    while (step.more()) {
      step = billingDay.createDueStep(day, step.lastAccountId(), SMALL);
      created += step.created().renewals() + step.created().prolongations();
      steps++;
    }
    // other tests' accounts after this set may have work on that day too; this set's are all done
    assertThat(step.lastAccountId()).isGreaterThanOrEqualTo(set.last());
    assertThat(steps).isGreaterThanOrEqualTo(5);
    assertThat(created).isGreaterThanOrEqualTo(25);
    seeds.checkCreated(set);
    BillingDayService.Created again = billingDay.createDuePayments(day);
    assertThat(again.renewals() + again.prolongations()).as("the day again creates nothing").isZero();
    seeds.checkCreated(set);
  }

  @Test
  void PAY6_aSliceThatFails_failsItsStep_theOtherSliceStays_andTheStepRunAgainCreatesTheRestOnce() throws Exception {
    LocalDate expiry = LocalDate.parse("2051-05-20");
    DueSubscriptionsSeed.Cohort set = seeds.seed("steps-b", 6, expiry);
    LocalDate day = expiry.minusDays(1);
    long failing = jdbc.queryForObject("select id from subscription where account_id = ?", Long.class,
        set.first() + 4);
    // the database refuses the order of one subscription of the second slice
    jdbc.execute("create trigger it_refuse_one_order before insert on customer_order for each row begin"
        + " if new.subscription_id = " + failing + " then signal sqlstate '45000' set message_text ="
        + " 'refused by the test'; end if; end");
    try {
      assertThatThrownBy(() -> billingDay.createDueStep(day, set.first() - 1, SMALL))
          .hasStackTraceContaining("refused by the test");
    } finally {
      jdbc.execute("drop trigger if exists it_refuse_one_order");
    }
    assertThat(ordersOf(set.first(), set.first() + 2)).as("the first slice committed").isEqualTo(3);
    assertThat(ordersOf(set.first() + 3, set.last())).as("the failed slice created nothing").isZero();

    BillingDayService.Step retried = billingDay.createDueStep(day, set.first() - 1, SMALL);
    assertThat(retried.created().renewals() + retried.created().prolongations())
        .as("only the failed slice's orders").isEqualTo(3);
    seeds.checkCreated(set);
  }
}
