package com.resellerhub.billing.demo;

import com.resellerhub.billing.account.AccountRegistration;
import com.resellerhub.billing.account.AccountBlocks;
import com.resellerhub.billing.account.AccountService;
import com.resellerhub.billing.account.BlockCause;
import com.resellerhub.billing.account.AccountType;
import com.resellerhub.billing.account.AccountUserRepository;
import com.resellerhub.billing.account.AttributeDefinition;
import com.resellerhub.billing.account.CreateAccountRequest;
import com.resellerhub.billing.account.Manager;
import com.resellerhub.billing.account.ManagerStatus;
import com.resellerhub.billing.account.OwnerMode;
import com.resellerhub.billing.account.PostpayPermission;
import com.resellerhub.billing.account.ReferenceDataService;
import com.resellerhub.billing.account.ServiceRule;
import com.resellerhub.billing.reseller.PostpayApproval;
import com.resellerhub.billing.reseller.PostpayApprovalScope;
import com.resellerhub.billing.reseller.ResellerService;
import com.resellerhub.billing.reseller.ResellerSettings;
import com.resellerhub.billing.security.Roles;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo users and data (profile {@code demo}), created once: a second start finds them and adds nothing. The users
 * and their passwords are listed in the README; {@code admin/admin} comes from {@code camunda.bpm.admin-user}.
 *
 * <p>Accounts are made through {@link AccountService} like the operator API makes them, with existing owners (so no
 * mail is sent): {@code customer} owns "Demo Customer GmbH" (APPROVED, terms accepted by the manager); the others
 * are NOT_VERIFIED, waiting for the customer to accept the terms, and BLOCKED. The reseller is put in MANUAL
 * postpay approval with terms acceptance required, once, when the demo reference data is first created.
 */
@Component
@Profile("demo")
public class DemoData {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  private static final String DEMO = "demo";

  private final IdentityService identityService;
  private final ResellerService resellerService;
  private final ReferenceDataService referenceData;
  private final AccountService accountService;
  private final AccountUserRepository accountUsers;
  private final AccountBlocks accountBlocks;
  private final AccountRegistration registration;

  public DemoData(IdentityService identityService, ResellerService resellerService,
      ReferenceDataService referenceData, AccountService accountService, AccountUserRepository accountUsers,
      AccountBlocks accountBlocks, AccountRegistration registration) {
    this.registration = registration;
    this.accountBlocks = accountBlocks;
    this.identityService = identityService;
    this.resellerService = resellerService;
    this.referenceData = referenceData;
    this.accountService = accountService;
    this.accountUsers = accountUsers;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(10)
  public void load() {
    user("manager", "Mary", "Manager", "manager@demo.example", Roles.MANAGERS);
    user("analyst", "Alan", "Analyst", "analyst@demo.example", Roles.ANALYSTS);
    user("erp", "ERP", "Integration", "erp@demo.example", Roles.ERP);
    user("customer", "Carl", "Customer", "customer@demo.example", null);
    user("northwind", "Nora", "North", "nora@northwind.example", null);
    user("ivan", "Ivan", "Petrov", "ivan.petrov@demo.example", null);
    user("widgets", "Walter", "Widget", "walter@widgets.example", null);

    if (referenceData.accountTypeByCode("individual").isEmpty()) {
      referenceData();
    }
    AccountType individual = referenceData.accountTypeByCode("individual").orElseThrow();
    AccountType company = referenceData.accountTypeByCode("company").orElseThrow();
    ServiceRule standard = referenceData.serviceRuleByCode("standard").orElseThrow();
    ServiceRule premium = referenceData.serviceRuleByCode("premium").orElseThrow();
    Manager mary = referenceData.managers().stream().filter(m -> "manager".equals(m.getUserId())).findFirst()
        .orElseThrow();
    Manager sam = referenceData.managers().stream().filter(m -> m.getName().equals("Sam Sales")).findFirst()
        .orElseThrow();

    account("customer", company, standard, mary, "Demo Customer GmbH", PostpayPermission.APPROVED, true,
        Map.of("registrationNumber", "HRB123456", "taxId", "DE123456789"), "Berlin");
    account("northwind", company, premium, sam, "Northwind Traders AG", PostpayPermission.NOT_VERIFIED, true,
        Map.of("registrationNumber", "HRB654321", "taxId", "DE987654321"), "Hamburg");
    account("ivan", individual, standard, null, null, PostpayPermission.APPROVED, false,
        Map.of("passportNumber", "AB1234567", "passportIssuedBy", "Stadt Berlin", "passportIssuedOn", "2019-04-02"),
        "Berlin");
    Long widgets = account("widgets", company, standard, mary, "Widgets Blocked GmbH", PostpayPermission.APPROVED,
        true, Map.of("registrationNumber", "HRB111222", "taxId", "DE111222333"), "Bayern");
    if (widgets != null) {
      accountBlocks.block(widgets, BlockCause.MANAGER, DEMO, "Demo: blocked by a manager until the contract is"
          + " signed again (lift it with DELETE /api/operator/accounts/{id}/blocks/MANAGER)");
    }
  }

  private void referenceData() {
    referenceData.createAccountType("individual", "Individual", false, false, List.of(
        new AttributeDefinition("passportNumber", "Passport number", true, "[A-Z0-9]{6,12}"),
        new AttributeDefinition("passportIssuedBy", "Passport issued by", true, null),
        new AttributeDefinition("passportIssuedOn", "Passport issued on (YYYY-MM-DD)", false,
            "\\d{4}-\\d{2}-\\d{2}")));
    referenceData.createAccountType("company", "Company", true, false, List.of(
        new AttributeDefinition("registrationNumber", "Commercial register number", true, "[A-Z]{0,3}[0-9]{4,12}"),
        new AttributeDefinition("taxId", "VAT id", true, "[A-Z]{2}[0-9A-Z]{8,12}")));
    referenceData.createAccountType("registrar", "Domain registrar customer (ASCII contacts)", true, true, List.of(
        new AttributeDefinition("registrantHandle", "Registrant handle", false, "[A-Z0-9-]{3,32}")));
    referenceData.createServiceRule("standard", "Standard", "Business-hours support, monthly invoices");
    referenceData.createServiceRule("premium", "Premium", "24/7 support, dedicated manager");
    referenceData.createManager("Mary Manager", "manager@demo.example", "manager", ManagerStatus.ACTIVE);
    referenceData.createManager("Sam Sales", "sam@demo.example", null, ManagerStatus.ACTIVE);
    referenceData.createManager("Olga Oldtimer", "olga@demo.example", null, ManagerStatus.INACTIVE);
    ResellerSettings defaults = resellerService.settings();
    resellerService.updateSettings(new ResellerSettings(PostpayApproval.MANUAL, PostpayApprovalScope.COMMERCIAL,
        defaults.allowWorkWithoutBalance(), defaults.invoicesByExternalSystem(),
        defaults.promisedPaymentOnlyWhenBlocked(), "DE", true,
        new ResellerSettings.AccountValidation("<>{}|", List.of("NGO", "PLC"), List.of("com", "net"),
            List.of())), DEMO);
    log.info("Demo reference data and settings created");
  }

  /** Creates the owner's account unless the owner has one; returns the new account's id or null. */
  private Long account(String owner, AccountType type, ServiceRule rule, Manager manager, String companyName,
      PostpayPermission permission, boolean termsAccepted, Map<String, String> attributes, String region) {
    if (accountUsers.findByUserId(owner).isPresent()) {
      return null;
    }
    User u = identityService.createUserQuery().userId(owner).singleResult();
    CreateAccountRequest request = new CreateAccountRequest(type.getId(), rule.getId(),
        manager == null ? null : manager.getId(), companyName, permission,
        new CreateAccountRequest.Contacts("Hauptstrasse 1, 10115 Berlin", "DE", region, "+49 30 1234567",
            u.getEmail()),
        new CreateAccountRequest.Signatory(u.getFirstName(), null, u.getLastName(), u.getEmail()),
        new CreateAccountRequest.Owner(OwnerMode.EXISTING, owner, null, null, null, null, null),
        termsAccepted, attributes);
    Long id = registration.create(request, "manager").getId();
    log.info("Demo account {} created for user {}", id, owner);
    return id;
  }

  private void user(String id, String firstName, String lastName, String email, String group) {
    if (identityService.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User user = identityService.newUser(id);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setEmail(email);
    user.setPassword(id);
    identityService.saveUser(user);
    if (group != null) {
      identityService.createMembership(id, group);
    }
    log.info("Demo user {} created", id);
  }
}
