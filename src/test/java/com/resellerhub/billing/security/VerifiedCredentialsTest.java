package com.resellerhub.billing.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The short-lived memory of verified credentials (issue 16, SEC-1): what it accepts, and when it stops. */
class VerifiedCredentialsTest {

  private final AtomicLong now = new AtomicLong(1_000);
  private final VerifiedCredentials cache = new VerifiedCredentials(
      new VerifiedCredentials.Settings(Duration.ofSeconds(30), 3), now::get);
  private final BillingUser olga = new BillingUser("olga", List.of(), List.of(), 7L);

  @Test
  void SEC1_theSamePasswordWithinTheTtl_isTheSameUser_anotherPasswordIsNot() {
    cache.remember("olga", "secret", olga, cache.generation("olga"));
    assertThat(cache.verified("olga", "secret")).contains(olga);
    assertThat(cache.verified("olga", "Secret")).isEmpty();
    assertThat(cache.verified("olga", "secret ")).isEmpty();
    assertThat(cache.verified("olgA", "secret")).isEmpty();
  }

  @Test
  void SEC1_anEntryEndsWithItsTtl() {
    cache.remember("olga", "secret", olga, cache.generation("olga"));
    now.addAndGet(Duration.ofSeconds(30).toNanos() - 1);
    assertThat(cache.verified("olga", "secret")).isPresent();
    now.addAndGet(1);
    assertThat(cache.verified("olga", "secret")).isEmpty();
  }

  @Test
  void SEC1_aChangedUserIsForgottenAtOnce() {
    cache.remember("olga", "secret", olga, cache.generation("olga"));
    cache.forget("olga");
    assertThat(cache.verified("olga", "secret")).isEmpty();
    cache.remember("olga", "secret", olga, cache.generation("olga"));
    cache.forgetAll();
    assertThat(cache.verified("olga", "secret")).isEmpty();
  }

  @Test
  void SEC1_aCheckThatBeganBeforeAChange_isNotRemembered_andIdsCompareWithoutCase() {
    long before = cache.generation("olga");
    cache.forget("OLGA");
    cache.remember("olga", "old-password", olga, before);
    assertThat(cache.verified("olga", "old-password")).isEmpty();
    cache.remember("Olga", "new", olga, cache.generation("olga"));
    cache.forget("olga");
    assertThat(cache.verified("Olga", "new")).isEmpty();
  }

  @Test
  void SEC1_aZeroTtlRemembersNothing_andTheMemoryIsBounded() {
    VerifiedCredentials off = new VerifiedCredentials(new VerifiedCredentials.Settings(Duration.ZERO, 3), now::get);
    off.remember("olga", "secret", olga, 0);
    assertThat(off.verified("olga", "secret")).isEmpty();
    for (String u : List.of("a", "b", "c", "d")) {
      cache.remember(u, "p", olga, cache.generation(u));
    }
    assertThat(cache.verified("d", "p")).as("the newest stays when the memory is cleared").isPresent();
    assertThat(cache.verified("a", "p")).isEmpty();
  }
}
