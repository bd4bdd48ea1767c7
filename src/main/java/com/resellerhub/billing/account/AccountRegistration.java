package com.resellerhub.billing.account;

import com.resellerhub.billing.reseller.ResellerService;
import com.resellerhub.billing.reseller.ResellerSettings;
import com.resellerhub.billing.web.BusinessRuleException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers accounts (ACC-1..10) with every rule of the seed. It validates everything before it writes anything, and
 * writes everything in one transaction: the account, its OWNER link, a new owner's user, the set-password token and
 * the event log. A refusal therefore leaves nothing behind; the owner's mail goes out after commit.
 */
@Service
public class AccountRegistration {

  private final AccountRepository accounts;
  private final ReferenceDataService referenceData;
  private final ResellerService resellers;
  private final AccountOwners owners;
  private final AccountEventLog eventLog;
  private final Clock clock;

  public AccountRegistration(AccountRepository accounts, ReferenceDataService referenceData,
      ResellerService resellers, AccountOwners owners, AccountEventLog eventLog, Clock clock) {
    this.accounts = accounts;
    this.referenceData = referenceData;
    this.resellers = resellers;
    this.owners = owners;
    this.eventLog = eventLog;
    this.clock = clock;
  }

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
    AccountOwners.OwnerPlan owner = owners.plan(request.owner(), s);

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
    String name = companyName != null ? companyName : AccountOwners.fullName(s.firstName(), s.middleName(), s.lastName());
    Account account = new Account(resellerId, name, clock.instant(), actor, type, rule, manager, companyName,
        permission);
    account.contacts(c.address().trim(), country, region, blankToNull(c.phone()), c.email().trim());
    account.signatory(s.firstName().trim(), blankToNull(s.middleName()), s.lastName().trim(), s.email().trim());
    account.extraAttributes(attributes);
    accounts.save(account);

    String actorName = owners.displayName(actor);
    eventLog.record(account.getId(), AccountEventType.ACCOUNT_CREATED, actor, true,
        "Account " + name + " created (type " + type.getName() + ", service rule " + rule.getName()
            + (manager == null ? "" : ", manager " + manager.getName()) + ")");
    eventLog.record(account.getId(), AccountEventType.PERMISSION_SET, actor, false,
        "Postpay permission " + permission + " at creation (postpay approval " + settings.postpayApproval() + ")");

    String ownerId = owners.assign(account, owner, actor);

    // ACC-9
    if (Boolean.TRUE.equals(request.termsAccepted())) {
      account.acceptTerms(clock.instant(), actor);
      eventLog.record(account.getId(), AccountEventType.TERMS_ACCEPTED_BY_MANAGER, actor, false,
          "Terms accepted on the customer's behalf by manager " + actorName);
    }

    if (owner.isNew()) {
      owners.invite(account, ownerId, owner.email(),
          AccountOwners.fullName(owner.firstName(), owner.middleName(), owner.lastName()));
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

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
