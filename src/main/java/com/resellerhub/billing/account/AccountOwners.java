package com.resellerhub.billing.account;

import com.resellerhub.billing.web.BusinessRuleException;
import com.resellerhub.billing.web.NotFoundException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's owner (ACC-8): an existing customer user, or a new user in Camunda's identity service (the engine
 * joins the Spring transaction) whose password is unusable until the owner sets one through the set-password link
 * mailed after commit ({@link OwnerInvited}); who owns which account; a new link on request.
 */
@Service
public class AccountOwners {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** The owner's identity data for views: id, name, email. */
  public record OwnerInfo(String userId, String name, String email) {}

  private final AccountService accounts;
  private final AccountUserRepository accountUsers;
  private final AccountEventLog eventLog;
  private final PasswordSetupService passwordSetup;
  private final IdentityService identityService;
  private final ApplicationEventPublisher events;

  public AccountOwners(AccountService accounts, AccountUserRepository accountUsers, AccountEventLog eventLog,
      PasswordSetupService passwordSetup, IdentityService identityService, ApplicationEventPublisher events) {
    this.accounts = accounts;
    this.accountUsers = accountUsers;
    this.eventLog = eventLog;
    this.passwordSetup = passwordSetup;
    this.identityService = identityService;
    this.events = events;
  }

  /** What the owner will be: an existing user, or a new one with these data. */
  record OwnerPlan(OwnerMode mode, String userId, String firstName, String middleName, String lastName,
      String email) {
    boolean isNew() {
      return mode != OwnerMode.EXISTING;
    }

    String field(String name) {
      return mode == OwnerMode.SIGNATORY ? "signatory." + name : "owner." + name;
    }
  }

  OwnerPlan plan(CreateAccountRequest.Owner o, CreateAccountRequest.Signatory s) {
    switch (o.mode()) {
      case EXISTING -> {
        String userId = blankToNull(o.userId());
        if (userId == null) {
          throw new BusinessRuleException("ACC-8", "owner.userId", "owner.userId is required with mode EXISTING");
        }
        if (identityService.createUserQuery().userId(userId).count() == 0) {
          throw new BusinessRuleException("ACC-8", "owner.userId", "owner.userId " + userId + " is not a user");
        }
        if (identityService.createGroupQuery().groupMember(userId).count() > 0) {
          throw new BusinessRuleException("ACC-8", "owner.userId",
              "owner.userId " + userId + " is a staff user (member of a group) and cannot own an account");
        }
        Optional<AccountUser> link = accountUsers.findByUserId(userId);
        if (link.isPresent()) {
          throw new BusinessRuleException("ACC-8", "owner.userId",
              "owner.userId " + userId + " belongs to account " + link.get().getAccountId() + " already");
        }
        return new OwnerPlan(OwnerMode.EXISTING, userId, null, null, null, null);
      }
      case NEW -> {
        require(o.firstName(), "owner.firstName");
        require(o.lastName(), "owner.lastName");
        require(o.email(), "owner.email");
        return new OwnerPlan(OwnerMode.NEW, login(o.login(), o.email()), o.firstName().trim(),
            blankToNull(o.middleName()), o.lastName().trim(), o.email().trim());
      }
      default -> {
        return new OwnerPlan(OwnerMode.SIGNATORY, login(o.login(), s.email()), s.firstName().trim(),
            blankToNull(s.middleName()), s.lastName().trim(), s.email().trim());
      }
    }
  }

  private static void require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new BusinessRuleException("ACC-8", field, field + " is required to create a new owner");
    }
  }

  /** The new user's id: the given login (must be free), or one made from the email's local part. */
  private String login(String requested, String email) {
    if (requested != null) {
      if (identityService.createUserQuery().userId(requested).count() > 0) {
        throw new BusinessRuleException("ACC-8", "owner.login", "owner.login " + requested + " is taken");
      }
      return requested;
    }
    String base = email.substring(0, Math.max(0, email.indexOf('@'))).replaceAll("[^A-Za-z0-9]", "")
        .toLowerCase(Locale.ROOT);
    if (base.length() < 3) {
      base = "owner" + base;
    }
    base = base.length() > 56 ? base.substring(0, 56) : base;
    String candidate = base;
    for (int n = 2; identityService.createUserQuery().userId(candidate).count() > 0; n++) {
      candidate = base + n;
    }
    return candidate;
  }

  private String createUser(OwnerPlan owner) {
    User user = identityService.newUser(owner.userId());
    user.setFirstName(owner.middleName() == null ? owner.firstName() : owner.firstName() + " " + owner.middleName());
    user.setLastName(owner.lastName());
    user.setEmail(owner.email());
    // Unusable until the owner sets one through the set-password link.
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    user.setPassword(Base64.getEncoder().encodeToString(secret));
    identityService.saveUser(user);
    return owner.userId();
  }

  /** Makes the planned owner the account's OWNER (creating the user if new); returns the owner's user id. */
  String assign(Account account, OwnerPlan owner, String actor) {
    String ownerId = owner.isNew() ? createUser(owner) : owner.userId();
    accountUsers.save(new AccountUser(account.getId(), ownerId, AccountUserRole.OWNER));
    com.resellerhub.billing.security.VerifiedCredentials.changedInTransaction(ownerId);
    eventLog.record(account.getId(), AccountEventType.OWNER_ASSIGNED, actor, true,
        "Owner " + ownerId + (owner.isNew() ? " (new user)" : " (existing user)"));
    return ownerId;
  }

  /** A new owner's set-password link, mailed after commit. */
  void invite(Account account, String ownerId, String email, String name) {
    PasswordSetupService.Issued issued = passwordSetup.issue(ownerId);
    events.publishEvent(new OwnerInvited(account.getId(), account.getName(), ownerId, email, name, issued.token(),
        issued.expiresAt()));
  }

  /** The OWNER user's id, if the account has one. */
  @Transactional(readOnly = true)
  public Optional<String> ownerOf(Long accountId) {
    return accountUsers.findFirstByAccountIdAndRole(accountId, AccountUserRole.OWNER).map(AccountUser::getUserId);
  }

  @Transactional(readOnly = true)
  public Optional<OwnerInfo> ownerInfo(Long accountId) {
    return ownerOf(accountId).map(id -> {
      User u = identityService.createUserQuery().userId(id).singleResult();
      return u == null ? new OwnerInfo(id, null, null)
          : new OwnerInfo(id, fullName(u.getFirstName(), null, u.getLastName()), u.getEmail());
    });
  }

  /** A new set-password link for a new owner whose mail got lost or expired. */
  @Transactional
  public void resendOwnerInvitation(Long accountId, String actor) {
    Account account = accounts.get(accountId);
    String ownerId = ownerOf(accountId).orElseThrow(() -> new NotFoundException("Owner of account", accountId));
    User user = identityService.createUserQuery().userId(ownerId).singleResult();
    if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
      throw new BusinessRuleException("ACC-8", "owner.email", "The owner " + ownerId + " has no email address");
    }
    eventLog.record(accountId, AccountEventType.OWNER_ASSIGNED, actor, false,
        "New set-password link requested by " + actor);
    invite(account, ownerId, user.getEmail(), fullName(user.getFirstName(), null, user.getLastName()));
  }

  String displayName(String userId) {
    User u = userId == null ? null : identityService.createUserQuery().userId(userId).singleResult();
    if (u == null) {
      return userId;
    }
    return fullName(u.getFirstName(), null, u.getLastName()) + " (" + userId + ")";
  }

  static String fullName(String first, String middle, String last) {
    StringBuilder b = new StringBuilder();
    for (String part : new String[] {first, middle, last}) {
      if (part != null && !part.isBlank()) {
        if (!b.isEmpty()) {
          b.append(' ');
        }
        b.append(part.trim());
      }
    }
    return b.length() > 200 ? b.substring(0, 200) : b.toString();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
