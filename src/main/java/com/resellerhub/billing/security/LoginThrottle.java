package com.resellerhub.billing.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Throttles failed logins (SEC-7) on every door that checks a password: our API's HTTP Basic, {@code /engine-rest}
 * and the webapps' login form. Camunda's own lock is off ({@link NoPermanentLockIdentityProvider}), so this is the
 * only one, and no lock outlives {@link LoginThrottleSettings#maxLock()}.
 *
 * <p>Three counters of consecutive failures, each with its own threshold; once a counter reaches its threshold, the
 * key is locked for {@code firstLock}, doubled at every further failure, never longer than {@code maxLock}. While a
 * key is locked, no password is checked at all (a locked attempt neither reveals whether the password was right nor
 * extends the lock). A counter forgets its failures after {@code maxLock} without one.
 * <ul>
 *   <li>{@code user + client address}: what one client can try against one user (the usual guessing attack);</li>
 *   <li>{@code client address}: what one client can try against all users (spraying one password over many);</li>
 *   <li>{@code user}: what all clients together can try against one user (a distributed attack). A client that
 *       logged in as that user successfully before (a known address) is not held by this lock, so an attacker
 *       elsewhere cannot lock the real user out.</li>
 * </ul>
 * Time is the application's {@link Clock}, so the adjustable clock of the demo moves locks too. State is per node
 * and in memory: a cluster of n nodes allows n times the attempts, and a restart forgets them (see
 * docs/security.md).
 */
@Component
public class LoginThrottle {

  private final Clock clock;
  private final LoginThrottleSettings settings;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, Instant> knownClients = new ConcurrentHashMap<>();

  public LoginThrottle(Clock clock, LoginThrottleSettings settings) {
    this.clock = clock;
    this.settings = settings;
  }

  /** How long {@code userId} from {@code client} must wait before its password is checked again, if at all. */
  public Optional<Duration> lockedFor(String userId, String client) {
    Instant now = clock.instant();
    Duration wait = Duration.ZERO;
    wait = max(wait, remaining(pairKey(userId, client), now));
    wait = max(wait, remaining(clientKey(client), now));
    if (!isKnown(userId, client, now)) {
      wait = max(wait, remaining(userKey(userId), now));
    }
    return wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  public void failed(String userId, String client) {
    Instant now = clock.instant();
    fail(pairKey(userId, client), settings.failuresPerUserAndClient(), now);
    fail(clientKey(client), settings.failuresPerClient(), now);
    fail(userKey(userId), settings.failuresPerUser(), now);
    evictIfLarge(now);
  }

  public void succeeded(String userId, String client) {
    Instant now = clock.instant();
    counters.remove(pairKey(userId, client));
    counters.remove(userKey(userId));
    knownClients.put(pairKey(userId, client), now);
    evictIfLarge(now);
  }

  /** Forgets every failure (tests, and an operator through a restart). */
  public void reset() {
    counters.clear();
    knownClients.clear();
  }

  private boolean isKnown(String userId, String client, Instant now) {
    Instant since = knownClients.get(pairKey(userId, client));
    return since != null && since.plus(settings.knownClientFor()).isAfter(now);
  }

  private Duration remaining(String key, Instant now) {
    Counter counter = counters.get(key);
    if (counter == null || counter.lockedUntil == null || !counter.lockedUntil.isAfter(now)) {
      return Duration.ZERO;
    }
    return Duration.between(now, counter.lockedUntil);
  }

  private void fail(String key, int threshold, Instant now) {
    counters.compute(key, (k, counter) -> {
      Counter c = counter == null || counter.isStale(now, settings.maxLock()) ? new Counter() : counter;
      c.failures++;
      c.lastFailure = now;
      if (c.failures >= threshold) {
        int doublings = Math.min(c.failures - threshold, 20);
        Duration lock = settings.firstLock().multipliedBy(1L << doublings);
        if (lock.compareTo(settings.maxLock()) > 0) {
          lock = settings.maxLock();
        }
        c.lockedUntil = now.plus(lock);
      }
      return c;
    });
  }

  /** Keeps memory bounded under a flood of made-up user names: forget the counters nobody needs any more. */
  private void evictIfLarge(Instant now) {
    if (counters.size() > settings.maxTrackedKeys()) {
      counters.values().removeIf(c -> c.isStale(now, settings.maxLock())
          || (c.lockedUntil == null && c.lastFailure.plus(settings.firstLock()).isBefore(now)));
    }
    if (knownClients.size() > settings.maxTrackedKeys()) {
      knownClients.values().removeIf(since -> since.plus(settings.knownClientFor()).isBefore(now));
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static String pairKey(String userId, String client) {
    return "pair\u0000" + user(userId) + "\u0000" + client;
  }

  private static String clientKey(String client) {
    return "client\u0000" + client;
  }

  private static String userKey(String userId) {
    return "user\u0000" + user(userId);
  }

  /**
   * One counter per user however its id is spelled: a MySQL collation may find {@code admin} for {@code "Admin "}
   * (case-insensitive, trailing spaces ignored), so each spelling must not get fresh counters.
   */
  static String user(String userId) {
    return userId == null ? "" : userId.strip().toLowerCase(java.util.Locale.ROOT);
  }

  private static final class Counter {
    int failures;
    Instant lastFailure;
    Instant lockedUntil;

    /** No failure for as long as the longest lock: start again from zero. */
    boolean isStale(Instant now, Duration maxLock) {
      Instant end = lockedUntil != null && lockedUntil.isAfter(lastFailure) ? lockedUntil : lastFailure;
      return !end.plus(maxLock).isAfter(now);
    }
  }
}
