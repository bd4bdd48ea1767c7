package com.resellerhub.billing.account;

import com.resellerhub.billing.reseller.ResellerService;
import com.resellerhub.billing.security.Roles;
import com.resellerhub.billing.web.BadRequestException;
import com.resellerhub.billing.web.BusinessRuleException;
import com.resellerhub.billing.web.ConflictException;
import com.resellerhub.billing.web.NotFoundException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Account types, service rules and managers of the current reseller: the reference data of the account form. */
@Service
public class ReferenceDataService {

  private final ResellerService resellers;
  private final AccountTypeRepository types;
  private final ServiceRuleRepository rules;
  private final ManagerRepository managers;
  private final IdentityService identityService;
  private final AccountLinkLookup accountLinks;

  public ReferenceDataService(ResellerService resellers, AccountTypeRepository types, ServiceRuleRepository rules,
      ManagerRepository managers, IdentityService identityService, AccountLinkLookup accountLinks) {
    this.resellers = resellers;
    this.types = types;
    this.rules = rules;
    this.managers = managers;
    this.identityService = identityService;
    this.accountLinks = accountLinks;
  }

  @Transactional(readOnly = true)
  public List<AccountType> accountTypes() {
    return types.findByResellerIdOrderById(resellers.current().getId());
  }

  /** The reseller's account type, or empty when there is none with that id (another reseller's included). */
  @Transactional(readOnly = true)
  public Optional<AccountType> accountType(Long id) {
    Long resellerId = resellers.current().getId();
    return id == null ? Optional.empty() : types.findById(id).filter(t -> t.getResellerId().equals(resellerId));
  }

  @Transactional(readOnly = true)
  public Optional<AccountType> accountTypeByCode(String code) {
    return types.findByResellerIdAndCode(resellers.current().getId(), code);
  }

  @Transactional
  public AccountType createAccountType(String code, String name, boolean legalEntity, boolean asciiOnlyContacts,
      List<AttributeDefinition> attributes) {
    Long resellerId = resellers.current().getId();
    if (types.findByResellerIdAndCode(resellerId, code).isPresent()) {
      throw new ConflictException("code", "duplicate", "An account type with code " + code + " exists already");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < attributes.size(); i++) {
      AttributeDefinition a = attributes.get(i);
      if (!names.add(a.getName())) {
        throw new BusinessRuleException("duplicate", "attributes[" + i + "].name",
            "attribute " + a.getName() + " is defined twice");
      }
      AccountRules.checkPattern("attributes[" + i + "].pattern", a.getPattern());
    }
    return types.save(new AccountType(resellerId, code, name, legalEntity, asciiOnlyContacts, attributes));
  }

  @Transactional(readOnly = true)
  public List<ServiceRule> serviceRules() {
    return rules.findByResellerIdOrderById(resellers.current().getId());
  }

  @Transactional(readOnly = true)
  public Optional<ServiceRule> serviceRule(Long id) {
    Long resellerId = resellers.current().getId();
    return id == null ? Optional.empty() : rules.findById(id).filter(r -> r.getResellerId().equals(resellerId));
  }

  @Transactional(readOnly = true)
  public Optional<ServiceRule> serviceRuleByCode(String code) {
    return rules.findByResellerIdAndCode(resellers.current().getId(), code);
  }

  @Transactional
  public ServiceRule createServiceRule(String code, String name, String description) {
    Long resellerId = resellers.current().getId();
    if (rules.findByResellerIdAndCode(resellerId, code).isPresent()) {
      throw new ConflictException("code", "duplicate", "A service rule with code " + code + " exists already");
    }
    return rules.save(new ServiceRule(resellerId, code, name, description));
  }

  @Transactional(readOnly = true)
  public List<Manager> managers() {
    return managers.findByResellerIdOrderById(resellers.current().getId());
  }

  @Transactional(readOnly = true)
  public Optional<Manager> manager(Long id) {
    Long resellerId = resellers.current().getId();
    return id == null ? Optional.empty() : managers.findById(id).filter(m -> m.getResellerId().equals(resellerId));
  }

  @Transactional
  public Manager createManager(String name, String email, String userId, ManagerStatus status) {
    if (userId != null) {
      checkManagerLogin(userId);
    }
    return managers.save(new Manager(resellers.current().getId(), name, email, userId,
        status == null ? ManagerStatus.ACTIVE : status));
  }

  @Transactional
  public Manager setManagerStatus(Long id, ManagerStatus status) {
    Manager manager = manager(id).orElseThrow(() -> new NotFoundException("Manager", id));
    manager.setStatus(status);
    return manager;
  }

  /**
   * SEC-8: a manager's login is an existing user of group {@code managers}, never a customer (a user that owns an
   * account) nor a user that does not exist.
   */
  private void checkManagerLogin(String userId) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      throw new BadRequestException("userId", "unknown-user", "userId " + userId + " is not a user");
    }
    if (accountLinks.accountOf(userId).isPresent()) {
      throw new BadRequestException("userId", "customer-user",
          "userId " + userId + " is a customer's login; a manager needs a staff user");
    }
    if (identityService.createUserQuery().userId(userId).memberOfGroup(Roles.MANAGERS).count() == 0) {
      throw new BadRequestException("userId", "not-a-manager",
          "userId " + userId + " is not a member of group " + Roles.MANAGERS);
    }
  }
}
