package com.resellerhub.billing.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.resellerhub.billing.clock.EngineClock;
import com.resellerhub.billing.support.BillingApi;
import com.resellerhub.billing.support.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Bounded history: an instance is removed by the engine's history cleanup its process's time-to-live after it
 * started, by the application clock: a billing day's instance (P90D) is kept on day 89 and gone on day 91.
 */
@IntegrationTest
class HistoryCleanupIT {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired HistoryService history;
  @Autowired EngineClock clock;

  @AfterEach
  void realTime() {
    clock.reset();
  }

  @Test
  void OPS4_historyOfAnEndedBillingDayIsRemovedAfterItsNinetyDays_notBefore() {
    BillingApi api = new BillingApi(http, identity);
    LocalDate day = LocalDate.now().plusYears(8).withDayOfMonth(3);
    clock.set(day.atTime(3, 0).toInstant(ZoneOffset.UTC));
    Date started = Date.from(clock.instant().minusSeconds(1));
    ResponseEntity<Map<String, Object>> requested = api.call("admin", HttpMethod.POST, "/api/admin/billing-day/runs",
        Map.of("businessDate", day.toString()));
    assertThat(requested.getStatusCode().value()).as("%s", requested.getBody()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(120)).until(() -> !ended("billing-day", started).isEmpty());
    HistoricProcessInstance run = ended("billing-day", started).get(0);
    // the removal time counts from the instance's start (history-removal-time-strategy: start)
    assertThat(run.getRemovalTime()).as("removal time = start + P90D")
        .isCloseTo(Date.from(run.getStartTime().toInstant().plus(Duration.ofDays(90))), 1_000);

    clock.set(day.plusDays(89).atTime(3, 0).toInstant(ZoneOffset.UTC));
    cleanUpNow();
    pause();
    assertThat(ended("billing-day", started)).as("within its 90 days: kept").hasSize(1);

    clock.set(day.plusDays(91).atTime(3, 0).toInstant(ZoneOffset.UTC));
    cleanUpNow();
    await().atMost(Duration.ofSeconds(60)).until(() -> ended("billing-day", started).isEmpty());
  }

  private List<HistoricProcessInstance> ended(String key, Date startedAfter) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(key).startedAfter(startedAfter)
        .finished().list();
  }

  /** Asks the engine's cleanup job to run now; again when the job itself was running at that moment. */
  private void cleanUpNow() {
    await().atMost(Duration.ofSeconds(30)).ignoreException(org.camunda.bpm.engine.OptimisticLockingException.class)
        .until(() -> history.cleanUpHistoryAsync(true) != null);
  }

  private static void pause() {
    try {
      Thread.sleep(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
