package com.resellerhub.billing.demo;

import com.resellerhub.billing.account.Account;
import com.resellerhub.billing.account.AccountRepository;
import com.resellerhub.billing.account.AccountUser;
import com.resellerhub.billing.account.AccountUserRepository;
import com.resellerhub.billing.account.AccountUserRole;
import com.resellerhub.billing.reseller.Reseller;
import com.resellerhub.billing.reseller.ResellerService;
import com.resellerhub.billing.security.Roles;
import java.time.Clock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo users and data (profile {@code demo}), created once: a second start finds them and adds nothing. The users
 * and their passwords are listed in the README; {@code admin/admin} comes from {@code camunda.bpm.admin-user}.
 */
@Component
@Profile("demo")
public class DemoData {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final IdentityService identityService;
  private final ResellerService resellerService;
  private final AccountRepository accounts;
  private final AccountUserRepository accountUsers;
  private final TransactionTemplate transactions;
  private final Clock clock;

  public DemoData(IdentityService identityService, ResellerService resellerService, AccountRepository accounts,
      AccountUserRepository accountUsers, TransactionTemplate transactions, Clock clock) {
    this.identityService = identityService;
    this.resellerService = resellerService;
    this.accounts = accounts;
    this.accountUsers = accountUsers;
    this.transactions = transactions;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(10)
  public void load() {
    user("manager", "Mary", "Manager", "manager@demo.example", Roles.MANAGERS);
    user("analyst", "Alan", "Analyst", "analyst@demo.example", Roles.ANALYSTS);
    user("erp", "ERP", "Integration", "erp@demo.example", Roles.ERP);
    user("customer", "Carl", "Customer", "customer@demo.example", null);
    transactions.executeWithoutResult(tx -> {
      if (accountUsers.findByUserId("customer").isEmpty()) {
        Reseller reseller = resellerService.current();
        Account account = accounts.save(new Account(reseller.getId(), "Demo Customer LLC", clock.instant()));
        accountUsers.save(new AccountUser(account.getId(), "customer", AccountUserRole.OWNER));
        log.info("Demo account {} created for user customer", account.getId());
      }
    });
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
