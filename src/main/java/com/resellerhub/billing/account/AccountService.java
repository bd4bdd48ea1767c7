package com.resellerhub.billing.account;

import com.resellerhub.billing.reseller.ResellerService;
import com.resellerhub.billing.reseller.ResellerSettings;
import com.resellerhub.billing.web.BusinessRuleException;
import com.resellerhub.billing.web.ConflictException;
import com.resellerhub.billing.web.NotFoundException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts (ACC-1..11): creation with every rule of the seed, reading, and the state changes other features need
 * (postpay permission, block, credit limit, terms). Every change is recorded in the {@link AccountEventLog}.
 *
 * <p>Creation validates everything before it writes anything, and writes everything in one transaction: the account,
 * its OWNER link, a new owner's user in Camunda's identity service (the engine joins the Spring transaction), the
 * set-password token and the event log. A refusal therefore leaves nothing behind; the mail goes out after commit.
 */
@Service
public class AccountService {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final AccountRepository accounts;
  private final AccountUserRepository accountUsers;
  private final ReferenceDataService referenceData;
  private final ResellerService resellers;
  private final AccountEventLog eventLog;
  private final PasswordSetupService passwordSetup;
  private final IdentityService identityService;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  public AccountService(AccountRepository accounts, AccountUserRepository accountUsers,
      ReferenceDataService referenceData, ResellerService resellers, AccountEventLog eventLog,
      PasswordSetupService passwordSetup, IdentityService identityService, ApplicationEventPublisher events,
      Clock clock) {
    this.accounts = accounts;
    this.accountUsers = accountUsers;
    this.referenceData = referenceData;
    this.resellers = resellers;
    this.eventLog = eventLog;
    this.passwordSetup = passwordSetup;
    this.identityService = identityService;
    this.events = events;
    this.clock = clock;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Creation (ACC-1..9)

  /** Creates an account as the operator API asks (ACC-1..10); {@code actor} is the manager's user id. */
  @Transactional
  public Account create(CreateAccountRequest request, String actor) {
    ResellerSettings settings = resellers.settings();
    Long resellerId = resellers.current().getId();

    // ACC-1
    AccountType type = referenceData.accountType(request.accountTypeId()).orElseThrow(() ->
        new BusinessRuleException("ACC-1", "accountTypeId", "accountTypeId " + request.accountTypeId()
            + " is not an account type of this reseller"));
    ServiceRule rule = referenceData.serviceRule(request.serviceRuleId()).orElseThrow(() ->
        new BusinessRuleException("ACC-1", "serviceRuleId", "serviceRuleId " + request.serviceRuleId()
            + " is not a service rule of this reseller"));

    // ACC-4
    Manager manager = null;
    if (request.managerId() != null) {
      manager = referenceData.manager(request.managerId()).orElseThrow(() -> new BusinessRuleException("ACC-4",
          "managerId", "managerId " + request.managerId() + " is not a manager of this reseller"));
      if (manager.getStatus() != ManagerStatus.ACTIVE) {
        throw new BusinessRuleException("ACC-4", "managerId",
            "manager " + manager.getName() + " is " + manager.getStatus() + "; only an ACTIVE manager can be assigned");
      }
    }

    // ACC-2, ACC-3: company name
    String companyName = blankToNull(request.companyName());
    if (type.isLegalEntity() && companyName == null) {
      throw new BusinessRuleException("ACC-2", "companyName",
          "companyName is required for the legal-entity account type " + type.getName());
    }
    AccountRules.checkCompanyName(companyName, settings.accountValidation());

    // ACC-5
    PostpayPermission permission = postpayPermission(request.postpayPermission(), settings);

    // ACC-6: contacts
    CreateAccountRequest.Contacts c = request.contacts();
    String country = c.country() != null ? c.country() : settings.defaultCountry();
    if (country == null) {
      throw new BusinessRuleException("ACC-6", "contacts.country",
          "contacts.country is required: the reseller has no default country");
    }
    AccountRules.checkCountry(country);
    String region = blankToNull(c.region());
    AccountRules.checkRegion(region, settings.accountValidation());

    // ACC-7: signatory (shape by Bean Validation)
    CreateAccountRequest.Signatory s = request.signatory();

    // ACC-8: owner
    OwnerPlan owner = ownerPlan(request.owner(), s);

    if (type.isAsciiOnlyContacts()) {
      AccountRules.checkAscii("companyName", companyName);
      AccountRules.checkAscii("contacts.address", c.address());
      AccountRules.checkAscii("contacts.region", region);
      AccountRules.checkAscii("contacts.phone", c.phone());
      AccountRules.checkAscii("contacts.email", c.email());
      AccountRules.checkAscii("signatory.firstName", s.firstName());
      AccountRules.checkAscii("signatory.middleName", s.middleName());
      AccountRules.checkAscii("signatory.lastName", s.lastName());
      AccountRules.checkAscii("signatory.email", s.email());
      if (owner.isNew()) {
        AccountRules.checkAscii(owner.field("firstName"), owner.firstName());
        AccountRules.checkAscii(owner.field("lastName"), owner.lastName());
        AccountRules.checkAscii(owner.field("email"), owner.email());
      }
    }

    // ACC-2: extra attributes
    Map<String, String> attributes = new LinkedHashMap<>();
    if (request.extraAttributes() != null) {
      request.extraAttributes().forEach((k, v) -> {
        if (v != null && !v.isBlank()) {
          attributes.put(k, v.trim());
        } else {
          attributes.put(k, null);
        }
      });
    }
    AccountRules.checkExtraAttributes(type.getAttributes(), attributes);
    attributes.values().removeIf(v -> v == null);

    // Everything is valid: write.
    String name = companyName != null ? companyName : fullName(s.firstName(), s.middleName(), s.lastName());
    Account account = new Account(resellerId, name, clock.instant(), actor, type, rule, manager, companyName,
        permission);
    account.contacts(c.address().trim(), country, region, blankToNull(c.phone()), c.email().trim());
    account.signatory(s.firstName().trim(), blankToNull(s.middleName()), s.lastName().trim(), s.email().trim());
    account.extraAttributes(attributes);
    accounts.save(account);

    String actorName = displayName(actor);
    eventLog.record(account.getId(), AccountEventType.ACCOUNT_CREATED, actor, true,
        "Account " + name + " created (type " + type.getName() + ", service rule " + rule.getName()
            + (manager == null ? "" : ", manager " + manager.getName()) + ")");
    eventLog.record(account.getId(), AccountEventType.PERMISSION_SET, actor, false,
        "Postpay permission " + permission + " at creation (postpay approval " + settings.postpayApproval() + ")");

    String ownerId;
    if (owner.isNew()) {
      ownerId = createUser(owner);
    } else {
      ownerId = owner.userId();
    }
    accountUsers.save(new AccountUser(account.getId(), ownerId, AccountUserRole.OWNER));
    eventLog.record(account.getId(), AccountEventType.OWNER_ASSIGNED, actor, true,
        "Owner " + ownerId + (owner.isNew() ? " (new user)" : " (existing user)"));

    // ACC-9
    if (Boolean.TRUE.equals(request.termsAccepted())) {
      account.acceptTerms(clock.instant(), actor);
      eventLog.record(account.getId(), AccountEventType.TERMS_ACCEPTED_BY_MANAGER, actor, false,
          "Terms accepted on the customer's behalf by manager " + actorName);
    }

    if (owner.isNew()) {
      PasswordSetupService.Issued issued = passwordSetup.issue(ownerId);
      events.publishEvent(new OwnerInvited(account.getId(), name, ownerId, owner.email(),
          fullName(owner.firstName(), owner.middleName(), owner.lastName()), issued.token(), issued.expiresAt()));
    }
    return account;
  }

  private static PostpayPermission postpayPermission(PostpayPermission requested, ResellerSettings settings) {
    if (requested == null || requested == PostpayPermission.APPROVED) {
      return PostpayPermission.APPROVED;
    }
    if (!settings.manualPostpayApproval()) {
      throw new BusinessRuleException("ACC-5", "postpayPermission", "postpayPermission " + requested
          + " is not possible: the reseller approves postpay automatically (RS-1), so new accounts are APPROVED");
    }
    if (requested != PostpayPermission.NOT_VERIFIED) {
      throw new BusinessRuleException("ACC-5", "postpayPermission",
          "postpayPermission at creation is APPROVED or NOT_VERIFIED, not " + requested);
    }
    return requested;
  }

  /** What the owner will be: an existing user, or a new one with these data. */
  private record OwnerPlan(OwnerMode mode, String userId, String firstName, String middleName, String lastName,
      String email) {
    boolean isNew() {
      return mode != OwnerMode.EXISTING;
    }

    String field(String name) {
      return mode == OwnerMode.SIGNATORY ? "signatory." + name : "owner." + name;
    }
  }

  private OwnerPlan ownerPlan(CreateAccountRequest.Owner o, CreateAccountRequest.Signatory s) {
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

  // ---------------------------------------------------------------------------------------------------------------
  // Reading

  /** The account, or 404. */
  @Transactional(readOnly = true)
  public Account get(Long id) {
    return accounts.findByIdAndResellerId(id, resellers.current().getId())
        .orElseThrow(() -> new NotFoundException("Account", id));
  }

  @Transactional(readOnly = true)
  public Page<Account> list(AccountStatus status, PostpayPermission permission, Pageable pageable) {
    return accounts.search(resellers.current().getId(), status, permission, pageable);
  }

  /** The OWNER user's id, if the account has one. */
  @Transactional(readOnly = true)
  public Optional<String> ownerOf(Long accountId) {
    return accountUsers.findFirstByAccountIdAndRole(accountId, AccountUserRole.OWNER).map(AccountUser::getUserId);
  }

  /** The owner's identity data for views: id, name, email. */
  public record OwnerInfo(String userId, String name, String email) {}

  @Transactional(readOnly = true)
  public Optional<OwnerInfo> ownerInfo(Long accountId) {
    return ownerOf(accountId).map(id -> {
      User u = identityService.createUserQuery().userId(id).singleResult();
      return u == null ? new OwnerInfo(id, null, null)
          : new OwnerInfo(id, fullName(u.getFirstName(), null, u.getLastName()), u.getEmail());
    });
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Terms (ACC-9)

  /** The customer accepts the terms through the customer API; accepting twice changes nothing. */
  @Transactional
  public Account acceptTermsByCustomer(Long accountId, String userId) {
    Account account = lock(accountId);
    if (!account.isTermsAccepted()) {
      account.acceptTerms(clock.instant(), userId);
      eventLog.record(accountId, AccountEventType.TERMS_ACCEPTED_BY_CUSTOMER, userId, true,
          "Terms accepted by " + userId);
    }
    return account;
  }

  /**
   * ACC-9 for ordering: when the reseller requires terms acceptance, an account that has not accepted them may not
   * place its first order. Throws a 422 naming ACC-9.
   */
  @Transactional(readOnly = true)
  public void requireTermsAccepted(Long accountId) {
    if (resellers.settings().termsAcceptanceRequired() && !get(accountId).isTermsAccepted()) {
      throw new BusinessRuleException("ACC-9", "terms",
          "The account has not accepted the terms of service yet; accept them first (POST /api/customer/account/terms)");
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Postpay permission (PP-1, PP-3..7)

  /** NOT_VERIFIED → UNDER_REVIEW when the first order that needs permission arrives (PP-3). */
  @Transactional
  public Account markUnderReview(Long accountId, String actor, String detail) {
    Account account = lock(accountId);
    if (account.getPostpayPermission() != PostpayPermission.NOT_VERIFIED) {
      throw new ConflictException("PP-3", "Account " + accountId + " is " + account.getPostpayPermission()
          + ", not NOT_VERIFIED; it cannot go under review");
    }
    account.permission(PostpayPermission.UNDER_REVIEW);
    eventLog.record(accountId, AccountEventType.PERMISSION_UNDER_REVIEW, actor, true,
        detail == null ? "Postpay permission under review" : detail);
    return account;
  }

  /**
   * A manager's direct change of the permission: only pre-approving a NOT_VERIFIED account (the seeds let a manager
   * choose APPROVED for an account). An open review is decided in Tasklist; a decided permission (APPROVED or
   * DECLINED) is final (PP-7); declining needs a review with a reason.
   */
  @Transactional
  public Account changePermission(Long accountId, PostpayPermission requested, String actor) {
    Account account = lock(accountId);
    PostpayPermission current = account.getPostpayPermission();
    if (current == requested) {
      return account;
    }
    if (current == PostpayPermission.APPROVED || current == PostpayPermission.DECLINED) {
      throw new BusinessRuleException("PP-7", "postpayPermission", "The postpay permission of account " + accountId
          + " was decided (" + current + ") and is final; contact support to change it");
    }
    if (current == PostpayPermission.UNDER_REVIEW) {
      throw new ConflictException("PP-3", "Account " + accountId
          + " is under review: approve or decline the \"Review postpay permission\" task in Tasklist");
    }
    if (requested != PostpayPermission.APPROVED) {
      throw new BusinessRuleException("PP-1", "postpayPermission", "A NOT_VERIFIED account can only be approved "
          + "here; it goes UNDER_REVIEW with its first order that needs permission, and is declined in that review");
    }
    return approve(accountId, actor);
  }

  /** PP-4; PP-7: a decided permission is final. */
  @Transactional
  public Account approve(Long accountId, String actor) {
    Account account = undecided(accountId);
    account.permission(PostpayPermission.APPROVED);
    eventLog.record(accountId, AccountEventType.PERMISSION_APPROVED, actor, true,
        "Postpay permission approved by " + actor);
    return account;
  }

  /** PP-5 (a reason is required); PP-7: a decided permission is final. */
  @Transactional
  public Account decline(Long accountId, String actor, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new BusinessRuleException("PP-5", "reason", "reason is required to decline postpay permission");
    }
    Account account = undecided(accountId);
    account.permission(PostpayPermission.DECLINED);
    // The customer sees it as still under review (PP-5), so the entry is the operator's only.
    eventLog.record(accountId, AccountEventType.PERMISSION_DECLINED, actor, false,
        "Postpay permission declined by " + actor + ": " + reason);
    return account;
  }

  private Account undecided(Long accountId) {
    Account account = lock(accountId);
    PostpayPermission p = account.getPostpayPermission();
    if (p == PostpayPermission.APPROVED || p == PostpayPermission.DECLINED) {
      throw new BusinessRuleException("PP-7", "postpayPermission", "The postpay permission of account " + accountId
          + " was decided (" + p + ") and is final; contact support to change it");
    }
    return account;
  }

  /** Locks the account row (SELECT ... FOR UPDATE) for a change; 404 when it is not the reseller's. */
  @Transactional
  public Account lock(Long accountId) {
    Long resellerId = resellers.current().getId();
    return accounts.lockById(accountId).filter(a -> a.getResellerId().equals(resellerId))
        .orElseThrow(() -> new NotFoundException("Account", accountId));
  }

  /** A new set-password link for a new owner whose mail got lost or expired. */
  @Transactional
  public void resendOwnerInvitation(Long accountId, String actor) {
    Account account = get(accountId);
    String ownerId = ownerOf(accountId).orElseThrow(() -> new NotFoundException("Owner of account", accountId));
    User user = identityService.createUserQuery().userId(ownerId).singleResult();
    if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
      throw new BusinessRuleException("ACC-8", "owner.email", "The owner " + ownerId + " has no email address");
    }
    PasswordSetupService.Issued issued = passwordSetup.issue(ownerId);
    eventLog.record(accountId, AccountEventType.OWNER_ASSIGNED, actor, false,
        "New set-password link requested by " + actor);
    events.publishEvent(new OwnerInvited(accountId, account.getName(), ownerId, user.getEmail(),
        fullName(user.getFirstName(), null, user.getLastName()), issued.token(), issued.expiresAt()));
  }

  private String displayName(String userId) {
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
