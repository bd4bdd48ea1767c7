package com.resellerhub.billing.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SEC-7: failed logins are throttled per user and client, and no lock outlives the configured bound. */
class LoginThrottleTest {

  private final StoppedClock clock = new StoppedClock();
  private final LoginThrottleSettings settings = new LoginThrottleSettings(5, 20, 20, Duration.ofSeconds(30),
      Duration.ofMinutes(15), Duration.ofDays(30), 100_000);
  private LoginThrottle throttle;

  @BeforeEach
  void start() {
    clock.set(Instant.parse("2026-12-01T10:00:00Z"));
    throttle = new LoginThrottle(clock, settings);
  }

  private void fail(String user, String client, int times) {
    for (int i = 0; i < times; i++) {
      throttle.failed(user, client);
    }
  }

  @Test
  void SEC7_fiveWrongPasswordsFromOneClientLockThatPairForThirtySeconds() {
    fail("olga", "10.0.0.1", 4);
    assertThat(throttle.lockedFor("olga", "10.0.0.1")).isEmpty();
    fail("olga", "10.0.0.1", 1);
    assertThat(throttle.lockedFor("olga", "10.0.0.1")).contains(Duration.ofSeconds(30));
    assertThat(throttle.lockedFor("olga", "10.0.0.2")).as("another client is not held").isEmpty();
    clock.set(clock.instant().plusSeconds(30));
    assertThat(throttle.lockedFor("olga", "10.0.0.1")).as("the lock ends by itself").isEmpty();
  }

  @Test
  void SEC7_eachFurtherFailureDoublesTheLockUpToFifteenMinutes_neverForGood() {
    fail("olga", "10.0.0.1", 5);
    Duration previous = throttle.lockedFor("olga", "10.0.0.1").orElseThrow();
    for (int i = 0; i < 30; i++) {
      clock.set(clock.instant().plus(previous));
      throttle.failed("olga", "10.0.0.1");
      Duration lock = throttle.lockedFor("olga", "10.0.0.1").orElseThrow();
      assertThat(lock).isLessThanOrEqualTo(Duration.ofMinutes(15));
      assertThat(lock).isGreaterThanOrEqualTo(previous);
      previous = lock;
    }
    assertThat(previous).isEqualTo(Duration.ofMinutes(15));
    clock.set(clock.instant().plus(Duration.ofMinutes(15)));
    assertThat(throttle.lockedFor("olga", "10.0.0.1")).isEmpty();
  }

  @Test
  void SEC7_everySpellingOfAUserIdSharesItsCounters() {
    fail("olga", "10.0.0.1", 2);
    fail("Olga ", "10.0.0.1", 2);
    fail(" OLGA", "10.0.0.1", 1);
    assertThat(throttle.lockedFor("olga", "10.0.0.1")).isPresent();
  }

  @Test
  void SEC7_aSuccessfulLoginClearsTheUsersCounters() {
    fail("olga", "10.0.0.1", 4);
    throttle.succeeded("olga", "10.0.0.1");
    fail("olga", "10.0.0.1", 4);
    assertThat(throttle.lockedFor("olga", "10.0.0.1")).isEmpty();
  }

  @Test
  void SEC7_oneClientSprayingManyUsersIsLockedForAll() {
    for (int i = 0; i < 20; i++) {
      throttle.failed("user" + i, "10.6.6.6");
    }
    assertThat(throttle.lockedFor("someone-else", "10.6.6.6")).isPresent();
    assertThat(throttle.lockedFor("someone-else", "10.0.0.1")).isEmpty();
  }

  @Test
  void SEC7_aDistributedAttackLocksTheUserForUnknownAddressesOnly_theRealUserStillLogsIn() {
    throttle.succeeded("olga", "192.168.1.10");
    for (int i = 0; i < 20; i++) {
      throttle.failed("olga", "10.0.0." + i);
    }
    assertThat(throttle.lockedFor("olga", "10.9.9.9")).as("a new address is held").isPresent();
    assertThat(throttle.lockedFor("olga", "192.168.1.10")).as("Olga's own address is not").isEmpty();
  }

  @Test
  void SEC7_failuresAreForgottenAfterTheBoundWithoutOne() {
    fail("olga", "10.0.0.1", 4);
    clock.set(clock.instant().plus(Duration.ofMinutes(16)));
    fail("olga", "10.0.0.1", 4);
    assertThat(throttle.lockedFor("olga", "10.0.0.1")).isEmpty();
  }

  /** A clock that moves only when told. */
  static final class StoppedClock extends Clock {
    private Instant now = Instant.EPOCH;

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
