package com.resellerhub.billing.billingday.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.resellerhub.billing.billingday.BillingDaySettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How long the billing day waits before it counts its settled chunks again (OPS-3, issue 16). */
class BillingDayScheduleTest {

  private final BillingDaySchedule schedule = new BillingDaySchedule(new BillingDaySettings("0 0 2 * * ?", true, 500,
      Duration.ofSeconds(5), Duration.ofHours(4), "operations@localhost", "test-node", 7, 7, 200, 5000, 4));

  @Test
  void OPS3_aBigDayWhoseChunksAreStillSettling_keepsCountingAtThePollInterval_howeverManyChecksItTook() {
    assertThat(schedule.waitFor(0, 0L)).isEqualTo("PT5S");
    assertThat(schedule.waitFor(119, 0L)).isEqualTo("PT5S");
    assertThat(schedule.waitFor(120, 0L)).as("a million payments take more than 120 checks").isEqualTo("PT5S");
    assertThat(schedule.waitFor(5_000, null)).isEqualTo("PT5S");
  }

  @Test
  void OPS3_aDayWaitingForAChunksIncident_countsAtThePollIntervalFirst_thenEveryFiveMinutes() {
    assertThat(schedule.waitFor(10, 1L)).isEqualTo("PT5S");
    assertThat(schedule.waitFor(119, 2L)).isEqualTo("PT5S");
    assertThat(schedule.waitFor(120, 1L)).isEqualTo("PT5M");
    assertThat(schedule.waitFor(500, 1L)).isEqualTo("PT5M");
  }

  @Test
  void OPS3_theDefinitionsDeployedBeforeCallTheOneArgumentForm_andWaitAsTheyDid() {
    assertThat(schedule.waitFor(119)).isEqualTo("PT5S");
    assertThat(schedule.waitFor(120)).isEqualTo("PT5M");
  }
}
