package com.resellerhub.billing.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.validation.annotation.Validated;

/**
 * A short-lived memory of credentials that were verified against Camunda's identity (issue 16: authentication that
 * costs less than a database round trip per request). It keeps, per user, an HMAC-SHA256 of the password under a key
 * drawn at random when the process starts (never the password, never Camunda's hash), the user's roles, and when the
 * entry expires ({@code billing.security.credential-cache.ttl}, default PT30S; zero turns it off). A request whose
 * password has the same HMAC within that time is the same user with the same roles; anything else is checked by
 * Camunda as before. On this node an entry is forgotten at once when the user's password, groups or account link
 * change or the user is deleted (through the engine's identity provider, so also from Admin and {@code /engine-rest});
 * another node sees such a change when its entry expires. The login throttle (SEC-7) is consulted before the cache.
 * The argument: docs/security.md.
 */
@Component
public class VerifiedCredentials {

  /** {@code billing.security.credential-cache.*}. */
  @Validated
  @ConfigurationProperties("billing.security.credential-cache")
  public record Settings(@DefaultValue("PT30S") Duration ttl, @DefaultValue("10000") int maxEntries) {}

  private record Entry(byte[] mac, BillingUser user, long expiresAt) {}

  /** Every live instance (one per application context; tests and a cluster in one JVM have several). */
  private static final java.util.Set<VerifiedCredentials> INSTANCES = java.util.Collections.synchronizedSet(
      java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>()));

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  /** Per user (lower case), how often it was forgotten: a check that began before a change is not remembered. */
  private final Map<String, Long> generations = new ConcurrentHashMap<>();
  private final SecretKeySpec key;
  private final long ttlNanos;
  private final int maxEntries;
  private final LongSupplier nanoTime;

  @Autowired
  public VerifiedCredentials(Settings settings) {
    this(settings, System::nanoTime);
    INSTANCES.add(this);
  }

  VerifiedCredentials(Settings settings, LongSupplier nanoTime) {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    this.key = new SecretKeySpec(random, "HmacSHA256");
    this.ttlNanos = settings.ttl().toNanos();
    this.maxEntries = settings.maxEntries();
    this.nanoTime = nanoTime;
  }

  /** The user, when these credentials were verified within the time-to-live. */
  public Optional<BillingUser> verified(String userId, String password) {
    if (ttlNanos <= 0) {
      return Optional.empty();
    }
    Entry entry = entries.get(key(userId));
    if (entry == null) {
      return Optional.empty();
    }
    if (nanoTime.getAsLong() - entry.expiresAt() >= 0) {
      entries.remove(key(userId), entry);
      return Optional.empty();
    }
    return MessageDigest.isEqual(entry.mac(), mac(userId, password)) ? Optional.of(entry.user()) : Optional.empty();
  }

  /** The user's generation, read before its credentials are checked (see {@link #remember}). */
  public long generation(String userId) {
    return generations.getOrDefault(key(userId), 0L);
  }

  /**
   * Remembers credentials Camunda has just verified, unless the user changed since {@code generation} was read
   * (a check that raced with a password change is not remembered).
   */
  public void remember(String userId, String password, BillingUser user, long generation) {
    if (ttlNanos <= 0 || generation(userId) != generation) {
      return;
    }
    if (entries.size() >= maxEntries) {
      entries.clear();
    }
    entries.put(key(userId), new Entry(mac(userId, password), user, nanoTime.getAsLong() + ttlNanos));
    if (generation(userId) != generation) {
      entries.remove(key(userId));
    }
  }

  /** Forgets a user's entry (its password, groups or account changed). */
  public void forget(String userId) {
    if (userId != null) {
      generations.merge(key(userId), 1L, Long::sum);
      entries.remove(key(userId));
    }
  }

  /** Forgets every entry (a group was deleted). */
  public void forgetAll() {
    entries.keySet().forEach(u -> generations.merge(u, 1L, Long::sum));
    entries.clear();
  }

  /** User ids compare without case, as MySQL's collation does. */
  private static String key(String userId) {
    return userId.toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Forgets the user's entry (every entry for {@code null}) now and again when the caller's Spring transaction ends
   * (only now when there is none): a request verified while the change was written but not yet committed read the old
   * state, and is not remembered past the commit. The identity provider calls this when a user, its password or its
   * groups change, the account feature when a user becomes an account's owner (no bean there to inject).
   */
  public static void changedInTransaction(String userId) {
    changed(userId);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              changed(userId);
            }
          });
    }
  }

  /** Forgets the user's entry (every entry for {@code null}) on every live instance, now. */
  public static void changed(String userId) {
    List<VerifiedCredentials> all;
    synchronized (INSTANCES) {
      all = List.copyOf(INSTANCES);
    }
    for (VerifiedCredentials cache : all) {
      if (userId == null) {
        cache.forgetAll();
      } else {
        cache.forget(userId);
      }
    }
  }

  private byte[] mac(String userId, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(userId.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
