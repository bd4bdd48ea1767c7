package com.resellerhub.billing.account;

import com.resellerhub.billing.web.BusinessRuleException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Set-password links of new owners (ACC-8): a random 256-bit token, stored as its SHA-256 hash, usable once before
 * it expires ({@code billing.accounts.password-setup.ttl}, default 3 days). Issuing a new token for a user voids
 * the user's unused ones.
 */
@Service
public class PasswordSetupService {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final PasswordSetupTokenRepository tokens;
  private final IdentityService identityService;
  private final AccountUserRepository accountUsers;
  private final AccountEventLog eventLog;
  private final Clock clock;
  private final Duration ttl;

  public PasswordSetupService(PasswordSetupTokenRepository tokens, IdentityService identityService,
      AccountUserRepository accountUsers, AccountEventLog eventLog, Clock clock,
      PasswordSetupSettings settings) {
    this.tokens = tokens;
    this.identityService = identityService;
    this.accountUsers = accountUsers;
    this.eventLog = eventLog;
    this.clock = clock;
    this.ttl = settings.ttl();
  }

  /** A token issued: the raw value (only ever in the mail) and when it expires. */
  public record Issued(String token, Instant expiresAt) {}

  @Transactional
  public Issued issue(String userId) {
    Instant now = clock.instant();
    tokens.findByUserIdAndUsedAtIsNull(userId).forEach(t -> t.use(now));
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant expiresAt = now.plus(ttl);
    tokens.save(new PasswordSetupToken(userId, hash(raw), now, expiresAt));
    return new Issued(raw, expiresAt);
  }

  /** Consumes the token and sets the password of its user; the token cannot be used again. */
  @Transactional
  public void consume(String rawToken, String password) {
    PasswordSetupToken token = tokens.findByTokenHash(hash(rawToken)).orElseThrow(() ->
        new BusinessRuleException("token-unknown", "token", "token is not a valid set-password token"));
    Instant now = clock.instant();
    if (token.getUsedAt() != null) {
      throw new BusinessRuleException("token-used", "token",
          "token has been used or replaced already; ask your manager for a new link");
    }
    if (!now.isBefore(token.getExpiresAt())) {
      throw new BusinessRuleException("token-expired", "token",
          "token expired at " + token.getExpiresAt() + "; ask your manager for a new link");
    }
    token.use(now);
    User user = identityService.createUserQuery().userId(token.getUserId()).singleResult();
    if (user == null) {
      throw new BusinessRuleException("token-unknown", "token", "the user of this token no longer exists");
    }
    user.setPassword(password);
    identityService.saveUser(user);
    accountUsers.findByUserId(user.getId()).ifPresent(link -> eventLog.record(link.getAccountId(),
        AccountEventType.PASSWORD_SET, user.getId(), true, "The owner set a password"));
  }

  static String hash(String raw) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(raw.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
