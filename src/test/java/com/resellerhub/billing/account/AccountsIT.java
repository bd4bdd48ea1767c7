package com.resellerhub.billing.account;

import static com.resellerhub.billing.account.AccountApi.content;
import static com.resellerhub.billing.account.AccountApi.id;
import static com.resellerhub.billing.account.AccountApi.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.resellerhub.billing.support.IntegrationTest;
import com.resellerhub.billing.support.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Accounts through the HTTP API on a MySQL-compatible database: ACC-1..11 and the customer's own account. */
@IntegrationTest
class AccountsIT {

  private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;
  @Autowired AccountService accountService;
  @Autowired AccountRegistration registration;
  @Autowired PostpayPermissions permissions;
  @Autowired com.resellerhub.billing.account.AccountBlocks blocks;
  @Autowired TransactionTemplate transactions;
  AccountApi api;

  @BeforeEach
  void setUp() {
    api = new AccountApi(http, jdbc, identity);
    api.baselineSettings();
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void ACC1_aManagerCreatesAnAccount_aMissingOrUnknownTypeOrServiceRuleIsRefusedNamingIt() {
    Map<String, Object> request = api.companyRequest();
    Map<String, Object> account = api.created(request);
    assertThat(map(account, "accountType")).containsEntry("name", "Company");
    assertThat(map(account, "serviceRule")).containsEntry("name", "Standard");
    assertThat(account).containsEntry("companyName", request.get("companyName")).containsEntry("createdBy", "manager");
    ResponseEntity<Map<String, Object>> read = api.call("manager", HttpMethod.GET,
        "/api/operator/accounts/" + id(account), null);
    assertThat(read.getStatusCode().value()).isEqualTo(200);
    assertThat(read.getBody()).containsEntry("name", request.get("companyName"));

    Map<String, Object> unknownRule = api.companyRequest();
    unknownRule.put("serviceRuleId", 987654);
    ResponseEntity<Map<String, Object>> refused = api.create(unknownRule);
    assertThat(refused.getStatusCode().value()).isEqualTo(422);
    assertThat(refused.getBody()).containsEntry("field", "serviceRuleId").containsEntry("rule", "ACC-1");
    assertThat((String) refused.getBody().get("detail")).contains("987654", "service rule");

    Map<String, Object> missingType = api.companyRequest();
    missingType.remove("accountTypeId");
    assertThat(api.create(missingType).getBody()).containsEntry("field", "accountTypeId");
  }

  @Test
  void ACC2_extraAttributesAreValidatedAgainstTheAccountType_andALegalEntityNeedsACompanyName() {
    String owner = api.newUser();
    Map<String, Object> individual = api.individualRequest(owner);
    map(individual, "extraAttributes").put("passportIssuedOn", "2020-01-31");
    Map<String, Object> created = api.created(individual);
    assertThat(map(created, "extraAttributes")).containsEntry("passportNumber", "AB123456")
        .containsEntry("passportIssuedOn", "2020-01-31");
    assertThat(created.get("companyName")).as("no company name needed for an individual").isNull();
    assertThat(created).containsEntry("name", "Ivan Petrov");

    Map<String, Object> badDate = api.individualRequest(api.newUser());
    map(badDate, "extraAttributes").put("passportIssuedOn", "31.01.2020");
    assertThat(api.create(badDate).getBody()).containsEntry("rule", "ACC-2")
        .containsEntry("field", "extraAttributes.passportIssuedOn");

    Map<String, Object> companyWithPassport = api.companyRequest();
    map(companyWithPassport, "extraAttributes").put("passportNumber", "AB123456");
    assertThat(api.create(companyWithPassport).getBody()).containsEntry("rule", "ACC-2")
        .containsEntry("field", "extraAttributes.passportNumber");

    Map<String, Object> noCompanyName = api.companyRequest();
    noCompanyName.remove("companyName");
    ResponseEntity<Map<String, Object>> refused = api.create(noCompanyName);
    assertThat(refused.getStatusCode().value()).isEqualTo(422);
    assertThat(refused.getBody()).containsEntry("rule", "ACC-2").containsEntry("field", "companyName");
  }

  @Test
  void ACC3_forbiddenAbbreviationInCompanyNameIsRefusedNamingTheRule() {
    Map<String, Object> request = api.companyRequest();
    request.put("companyName", "Helping Hands NGO");
    ResponseEntity<Map<String, Object>> refused = api.create(request);
    assertThat(refused.getStatusCode().value()).isEqualTo(422);
    assertThat(refused.getBody()).containsEntry("rule", "ACC-3").containsEntry("field", "companyName");
    assertThat((String) refused.getBody().get("detail")).contains("NGO", "forbiddenAbbreviations");

    request.put("companyName", "Ngozi Trading GmbH");
    assertThat(api.create(request).getStatusCode().value()).as("only whole words").isEqualTo(201);
  }

  @Test
  void ACC3_forbiddenCharactersAndTopLevelDomainsInCompanyNamesAndRegionsOutsideTheListAreRefused() {
    Map<String, Object> request = api.companyRequest();
    request.put("companyName", "Shop{1} GmbH");
    assertThat((String) api.create(request).getBody().get("detail")).contains("forbiddenCharacters");
    request.put("companyName", "Shop.net GmbH");
    assertThat((String) api.create(request).getBody().get("detail")).contains("forbiddenTopLevelDomains");
    request.put("companyName", "Shop GmbH");
    map(request, "contacts").put("region", "Tirol");
    ResponseEntity<Map<String, Object>> region = api.create(request);
    assertThat(region.getBody()).containsEntry("rule", "ACC-3").containsEntry("field", "contacts.region");

    map(request, "contacts").put("region", "hamburg");
    assertThat(api.create(request).getStatusCode().value()).as("the list is case-insensitive").isEqualTo(201);

    api.settings(s -> map(s, "accountValidation").put("allowedRegions", List.of()));
    Map<String, Object> anyRegion = api.companyRequest();
    map(anyRegion, "contacts").put("region", "Tirol");
    assertThat(api.create(anyRegion).getStatusCode().value()).as("an empty list allows all").isEqualTo(201);
  }

  @Test
  void ACC4_noManagerByDefault_onlyAnActiveManagerOfTheResellerCanBeAssigned() {
    Map<String, Object> none = api.created(api.companyRequest());
    assertThat(none.get("manager")).isNull();

    Map<String, Object> withSam = api.companyRequest();
    withSam.put("managerId", api.managerId("Sam Sales"));
    assertThat(map(api.created(withSam), "manager")).containsEntry("name", "Sam Sales");

    Map<String, Object> inactive = api.companyRequest();
    inactive.put("managerId", api.managerId("Olga Oldtimer"));
    ResponseEntity<Map<String, Object>> refused = api.create(inactive);
    assertThat(refused.getStatusCode().value()).isEqualTo(422);
    assertThat(refused.getBody()).containsEntry("rule", "ACC-4").containsEntry("field", "managerId");
    assertThat((String) refused.getBody().get("detail")).contains("INACTIVE");
  }

  @Test
  void ACC5_manualModeLetsTheManagerChooseApprovedByDefaultOrNotVerified_automaticModeAlwaysApproves() {
    Map<String, Object> byDefault = api.created(api.companyRequest());
    assertThat(byDefault).containsEntry("postpayPermission", "APPROVED");
    Map<String, Object> notVerified = api.companyRequest();
    notVerified.put("postpayPermission", "NOT_VERIFIED");
    long notVerifiedId = id(api.created(notVerified));
    assertThat(permissionInDb(notVerifiedId)).isEqualTo("NOT_VERIFIED");

    api.settings(s -> s.put("postpayApproval", "AUTOMATIC"));
    Map<String, Object> automatic = api.companyRequest();
    long automaticId = id(api.created(automatic));
    assertThat(permissionInDb(automaticId)).isEqualTo("APPROVED");
    Map<String, Object> refusedRequest = api.companyRequest();
    refusedRequest.put("postpayPermission", "NOT_VERIFIED");
    ResponseEntity<Map<String, Object>> refused = api.create(refusedRequest);
    assertThat(refused.getStatusCode().value()).isEqualTo(422);
    assertThat(refused.getBody()).containsEntry("rule", "ACC-5").containsEntry("field", "postpayPermission");
  }

  @Test
  void ACC6_countryDefaultsFromTheSettings_andAsciiOnlyAccountTypesRefuseNonAsciiContacts() {
    Map<String, Object> request = api.companyRequest();
    assertThat(map(api.created(request), "contacts")).containsEntry("country", "DE");
    Map<String, Object> austria = api.companyRequest();
    map(austria, "contacts").put("country", "AT");
    assertThat(map(api.created(austria), "contacts")).containsEntry("country", "AT")
        .containsEntry("phone", "+49 30 5550100");

    api.settings(s -> s.put("defaultCountry", null));
    ResponseEntity<Map<String, Object>> noCountry = api.create(api.companyRequest());
    assertThat(noCountry.getBody()).containsEntry("rule", "ACC-6").containsEntry("field", "contacts.country");

    Map<String, Object> registrar = api.companyRequest();
    registrar.put("accountTypeId", api.typeId("registrar"));
    registrar.put("extraAttributes", Map.of("registrantHandle", "CC-1234"));
    map(registrar, "contacts").put("country", "DE");
    assertThat(api.create(registrar).getStatusCode().value()).isEqualTo(201);
    Map<String, Object> nonAscii = api.companyRequest();
    nonAscii.put("accountTypeId", api.typeId("registrar"));
    nonAscii.put("extraAttributes", Map.of());
    map(nonAscii, "contacts").put("country", "DE");
    map(nonAscii, "contacts").put("region", "Bayern");
    map(nonAscii, "contacts").put("address", "Marienplatz 1, München");
    ResponseEntity<Map<String, Object>> refused = api.create(nonAscii);
    assertThat(refused.getBody()).containsEntry("rule", "ACC-6").containsEntry("field", "contacts.address");
    Map<String, Object> unicodeOk = api.companyRequest();
    map(unicodeOk, "contacts").put("country", "DE");
    map(unicodeOk, "contacts").put("address", "Marienplatz 1, München");
    assertThat(api.create(unicodeOk).getStatusCode().value()).as("other types take any script").isEqualTo(201);
  }

  @Test
  void ACC7_theAuthorizedSignatoryIsStoredWithAnOptionalMiddleName() {
    Map<String, Object> request = api.companyRequest();
    map(request, "signatory").put("middleName", "Maria");
    Map<String, Object> signatory = map(api.created(request), "signatory");
    assertThat(signatory).containsEntry("firstName", "Clara").containsEntry("middleName", "Maria")
        .containsEntry("lastName", "Contoso").containsEntry("email", map(request, "signatory").get("email"));
    Map<String, Object> noLastName = api.companyRequest();
    map(noLastName, "signatory").remove("lastName");
    assertThat(api.create(noLastName).getBody()).containsEntry("field", "signatory.lastName");
  }

  @Test
  void ACC8_aNewOwnerGetsAnAccountCreatedMailWithASingleUseSetPasswordLink() throws Exception {
    Map<String, Object> request = api.companyRequest();
    String email = (String) map(request, "owner").get("email");
    Map<String, Object> account = api.created(request);
    Map<String, Object> owner = map(account, "owner");
    String login = (String) owner.get("userId");
    assertThat(owner).containsEntry("email", email).containsEntry("name", "Otto Owner");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account_user WHERE account_id = ? AND role = 'OWNER'",
        Long.class, id(account))).isEqualTo(1);

    List<MimeMessage> mails = TestMailServer.mailsTo(email);
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).getSubject()).isEqualTo("Your account has been created");
    String body = mails.get(0).getContent().toString();
    assertThat(body).contains(login);
    Matcher m = TOKEN.matcher(body);
    assertThat(m.find()).isTrue();
    String token = m.group(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM password_setup_token WHERE token_hash = ?", Long.class,
        token)).as("stored hashed only").isZero();

    // (No failed login before the setup: Camunda throttles a user's logins for seconds after a failed one.)
    ResponseEntity<Map<String, Object>> setup = api.call(null, HttpMethod.POST, "/api/public/password-setup",
        Map.of("token", token, "password", "a-secret-pass"));
    assertThat(setup.getStatusCode().value()).isEqualTo(204);
    ResponseEntity<Map<String, Object>> own = api.callAs(login, "a-secret-pass", HttpMethod.GET,
        "/api/customer/account", null);
    assertThat(own.getStatusCode().value()).isEqualTo(200);
    assertThat(id(own.getBody())).isEqualTo(id(account));

    ResponseEntity<Map<String, Object>> again = api.call(null, HttpMethod.POST, "/api/public/password-setup",
        Map.of("token", token, "password", "another-pass"));
    assertThat(again.getStatusCode().value()).isEqualTo(422);
    assertThat(again.getBody()).containsEntry("field", "token").containsEntry("rule", "token-used");
  }

  @Test
  void ACC8_theSetPasswordLinkExpires() throws Exception {
    Map<String, Object> request = api.companyRequest();
    String email = (String) map(request, "owner").get("email");
    api.created(request);
    Matcher m = TOKEN.matcher(TestMailServer.mailsTo(email).get(0).getContent().toString());
    assertThat(m.find()).isTrue();
    assertThat(api.call("admin", HttpMethod.POST, "/api/admin/clock", Map.of("advanceBy", "P3DT1M"))
        .getStatusCode().value()).isEqualTo(200);
    ResponseEntity<Map<String, Object>> expired = api.call(null, HttpMethod.POST, "/api/public/password-setup",
        Map.of("token", m.group(1), "password", "a-secret-pass"));
    assertThat(expired.getStatusCode().value()).isEqualTo(422);
    assertThat(expired.getBody()).containsEntry("rule", "token-expired");
  }

  @Test
  void ACC8_theOwnerCanBeCopiedFromTheSignatoryOrBeAnExistingUser_andAUserOwnsOneAccountOnly() {
    Map<String, Object> fromSignatory = api.companyRequest();
    fromSignatory.put("owner", Map.of("mode", "SIGNATORY", "login", AccountApi.unique("clara")));
    Map<String, Object> owner = map(api.created(fromSignatory), "owner");
    assertThat(owner).containsEntry("name", "Clara Contoso")
        .containsEntry("email", map(fromSignatory, "signatory").get("email"));
    assertThat(identity.createUserQuery().userId((String) owner.get("userId")).count()).isEqualTo(1);

    String existing = api.newUser();
    Map<String, Long> before = api.counts();
    Map<String, Object> account = api.created(api.individualRequest(existing));
    assertThat(map(account, "owner")).containsEntry("userId", existing);
    assertThat(api.counts().get("ACT_ID_USER")).as("no new user").isEqualTo(before.get("ACT_ID_USER"));
    assertThat(TestMailServer.mailsReceivedBy(existing + "@users.example")).as("no mail for an existing user").isEmpty();

    ResponseEntity<Map<String, Object>> second = api.create(api.individualRequest(existing));
    assertThat(second.getBody()).containsEntry("rule", "ACC-8").containsEntry("field", "owner.userId");
  }

  @Test
  void ACC8_theNewOwnerIsCreatedInTheAccountsTransaction_aRollbackLeavesNoUserAndNoMail() {
    Map<String, Long> before = api.counts();
    String login = AccountApi.unique("rollback");
    String email = login + "@rollback.example";
    assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
      CreateAccountRequest request = new CreateAccountRequest(api.typeId("individual"), api.ruleId("standard"),
          null, null, null, new CreateAccountRequest.Contacts("Street 1", "DE", null, null, email),
          new CreateAccountRequest.Signatory("Rolf", null, "Back", email),
          new CreateAccountRequest.Owner(OwnerMode.NEW, null, login, "Rolf", null, "Back", email), false,
          Map.of("passportNumber", "RB123456", "passportIssuedBy", "Nowhere"));
      registration.create(request, "manager");
      assertThat(identity.createUserQuery().userId(login).count()).as("visible inside the transaction").isEqualTo(1);
      throw new IllegalStateException("something later in the same transaction fails");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(identity.createUserQuery().userId(login).count()).isZero();
    assertThat(api.counts()).isEqualTo(before);
    assertThat(TestMailServer.mailsReceivedBy(email)).isEmpty();
  }

  /**
   * The memory of verified credentials (issue 16) holds a user's account link: a request verified while the account
   * was being written, but before it committed, saw no account. That must not keep the new owner out after the commit.
   */
  @Test
  void ACC8_anExistingUserMadeOwner_isTheAccountsCustomerAtOnce_thoughVerifiedWhileTheAccountWasBeingWritten() {
    String owner = api.newUser();
    assertThat(customerAccountStatus(owner)).as("no account yet").isEqualTo(403);
    transactions.executeWithoutResult(tx -> {
      CreateAccountRequest request = new CreateAccountRequest(api.typeId("individual"), api.ruleId("standard"),
          null, null, null, new CreateAccountRequest.Contacts("Street 1", "DE", null, null, owner + "@users.example"),
          new CreateAccountRequest.Signatory("Olga", null, "Owner", owner + "@users.example"),
          new CreateAccountRequest.Owner(OwnerMode.EXISTING, owner, null, null, null, null, null), false,
          Map.of("passportNumber", "OO123456", "passportIssuedBy", "Berlin"));
      registration.create(request, "manager");
      assertThat(customerAccountStatus(owner)).as("verified before the account committed: no account yet")
          .isEqualTo(403);
    });
    assertThat(customerAccountStatus(owner)).as("after the commit").isEqualTo(200);
  }

  private int customerAccountStatus(String user) {
    return http.withBasicAuth(user, user).getForEntity("/api/customer/account", String.class).getStatusCode().value();
  }

  @Test
  void ACC9_theManagerAcceptsTheTermsOnTheCustomersBehalf_theEntryIsNotShownToTheCustomer() {
    String owner = api.newUser();
    Map<String, Object> request = api.individualRequest(owner);
    request.put("termsAccepted", true);
    Map<String, Object> account = api.created(request);
    assertThat(map(account, "terms")).containsEntry("required", true).containsEntry("accepted", true)
        .containsEntry("acceptedBy", "manager");

    List<Map<String, Object>> operatorEvents = content(api.call("manager", HttpMethod.GET,
        "/api/operator/accounts/" + id(account) + "/events", null).getBody());
    Map<String, Object> accepted = operatorEvents.stream()
        .filter(e -> "TERMS_ACCEPTED_BY_MANAGER".equals(e.get("type"))).findFirst().orElseThrow();
    assertThat(accepted).containsEntry("actor", "manager").containsEntry("customerVisible", false);
    assertThat((String) accepted.get("detail")).contains("Mary Manager");

    List<Map<String, Object>> customerEvents = content(api.call(owner, HttpMethod.GET,
        "/api/customer/account/events", null).getBody());
    assertThat(customerEvents).extracting(e -> e.get("type")).contains("ACCOUNT_CREATED")
        .doesNotContain("TERMS_ACCEPTED_BY_MANAGER");
  }

  @Test
  void ACC9_withoutTheManagersAcceptanceTheCustomerAcceptsThroughTheCustomerApiBeforeTheFirstOrder() {
    String owner = api.newUser();
    Map<String, Object> account = api.created(api.individualRequest(owner));
    assertThat(map(account, "terms")).containsEntry("accepted", false);
    assertThatThrownBy(() -> accountService.requireTermsAccepted(id(account)))
        .hasFieldOrPropertyWithValue("rule", "ACC-9");

    ResponseEntity<Map<String, Object>> accept = api.call(owner, HttpMethod.POST, "/api/customer/account/terms", null);
    assertThat(accept.getStatusCode().value()).isEqualTo(200);
    assertThat(map(accept.getBody(), "terms")).containsEntry("accepted", true).containsEntry("acceptedBy", owner);
    accountService.requireTermsAccepted(id(account));
    assertThat(api.call(owner, HttpMethod.POST, "/api/customer/account/terms", null).getStatusCode().value())
        .as("accepting again changes nothing").isEqualTo(200);
    List<Map<String, Object>> events = content(api.call(owner, HttpMethod.GET, "/api/customer/account/events", null)
        .getBody());
    assertThat(events).filteredOn(e -> "TERMS_ACCEPTED_BY_CUSTOMER".equals(e.get("type"))).hasSize(1);
  }

  @Test
  void ACC10_aNewAccountIsActive_theListIsPagedAndFiltered_andShowsThePermissionOnlyInManualMode() {
    Map<String, Object> nv = api.companyRequest();
    nv.put("postpayPermission", "NOT_VERIFIED");
    long notVerified = id(api.created(nv));
    long approved = id(api.created(api.companyRequest()));
    assertThat(api.call("manager", HttpMethod.GET, "/api/operator/accounts/" + approved, null).getBody())
        .containsEntry("status", "ACTIVE");

    Map<String, Object> page = api.call("manager", HttpMethod.GET,
        "/api/operator/accounts?status=ACTIVE&postpayPermission=NOT_VERIFIED&size=100", null).getBody();
    assertThat(content(page)).extracting(a -> ((Number) a.get("id")).longValue()).contains(notVerified)
        .doesNotContain(approved);
    assertThat(content(page)).allSatisfy(a -> assertThat(a).containsEntry("postpayPermission", "NOT_VERIFIED")
        .containsEntry("status", "ACTIVE"));

    Map<String, Object> first = api.call("manager", HttpMethod.GET, "/api/operator/accounts?page=0&size=2", null)
        .getBody();
    assertThat(content(first)).hasSize(2);
    assertThat(((Number) first.get("totalElements")).longValue()).isGreaterThanOrEqualTo(2);
    assertThat(content(first).get(0)).containsEntry("id", (int) approved);
    assertThat(api.call("manager", HttpMethod.GET, "/api/operator/accounts?status=FROZEN", null).getBody())
        .containsEntry("field", "status");
    assertThat(api.call("manager", HttpMethod.GET, "/api/operator/accounts?size=1000", null).getStatusCode().value())
        .isEqualTo(400);

    Map<String, Object> blocked = api.call("manager", HttpMethod.GET, "/api/operator/accounts?status=BLOCKED",
        null).getBody();
    assertThat(content(blocked)).isNotEmpty().allSatisfy(a -> assertThat(a).containsEntry("status", "BLOCKED"));

    api.settings(s -> s.put("postpayApproval", "AUTOMATIC"));
    Map<String, Object> automatic = api.call("manager", HttpMethod.GET, "/api/operator/accounts?size=5", null)
        .getBody();
    assertThat(content(automatic)).allSatisfy(a -> assertThat(a).doesNotContainKey("postpayPermission"));
    assertThat(api.call("manager", HttpMethod.GET, "/api/operator/accounts/" + notVerified, null).getBody())
        .doesNotContainKey("postpayPermission");
  }

  @Test
  void ACC11_everyAccountHasAnEventLogWithActorTimeAndVisibility() {
    Map<String, Object> nv = api.companyRequest();
    nv.put("postpayPermission", "NOT_VERIFIED");
    long account = id(api.created(nv));
    permissions.markUnderReview(account, "system", "First postpaid order placed");
    permissions.decline(account, "manager", "No credit history");
    blocks.block(account, com.resellerhub.billing.account.BlockCause.MANAGER, "system", "Balance below zero");

    List<Map<String, Object>> events = content(api.call("manager", HttpMethod.GET,
        "/api/operator/accounts/" + account + "/events", null).getBody());
    assertThat(events).extracting(e -> e.get("type")).containsExactly("BLOCKED", "PERMISSION_DECLINED",
        "PERMISSION_UNDER_REVIEW", "OWNER_INVITATION_SENT", "TERMS_ACCEPTED_BY_MANAGER", "OWNER_ASSIGNED",
        "PERMISSION_SET", "ACCOUNT_CREATED");
    assertThat(events).allSatisfy(e -> assertThat(e).containsKeys("actor", "occurredAt", "customerVisible"));
    assertThat(events.get(1)).containsEntry("actor", "manager").containsEntry("customerVisible", false);

    assertThatThrownBy(() -> permissions.approve(account, "manager")).hasFieldOrPropertyWithValue("rule", "PP-7");

    String owner = (String) map(api.call("manager", HttpMethod.GET, "/api/operator/accounts/" + account, null)
        .getBody(), "owner").get("userId");
    org.camunda.bpm.engine.identity.User u = identity.createUserQuery().userId(owner).singleResult();
    u.setPassword("owner-pass-1");
    identity.saveUser(u);
    Map<String, Object> mine = api.callAs(owner, "owner-pass-1", HttpMethod.GET, "/api/customer/account", null)
        .getBody();
    assertThat(mine).containsEntry("postpayPermission", "UNDER_REVIEW").containsEntry("status", "BLOCKED");
    List<Map<String, Object>> customerEvents = content(api.callAs(owner, "owner-pass-1", HttpMethod.GET,
        "/api/customer/account/events", null).getBody());
    assertThat(customerEvents).extracting(e -> e.get("type")).containsExactly("BLOCKED", "PERMISSION_UNDER_REVIEW",
        "OWNER_ASSIGNED", "ACCOUNT_CREATED");
    assertThat(customerEvents).allSatisfy(e -> assertThat(e).doesNotContainKey("customerVisible"));
  }

  @Test
  void SEC2_aCustomerReadsOnlyItsOwnAccount_anotherAccountsIdAnswers404() {
    String alice = api.newUser();
    String bob = api.newUser();
    long aliceAccount = id(api.created(api.individualRequest(alice)));
    long bobAccount = id(api.created(api.individualRequest(bob)));

    assertThat(id(api.call(alice, HttpMethod.GET, "/api/customer/account", null).getBody())).isEqualTo(aliceAccount);
    assertThat(api.call(alice, HttpMethod.GET, "/api/customer/accounts/" + aliceAccount, null).getStatusCode()
        .value()).isEqualTo(200);
    ResponseEntity<Map<String, Object>> other = api.call(alice, HttpMethod.GET,
        "/api/customer/accounts/" + bobAccount, null);
    assertThat(other.getStatusCode().value()).isEqualTo(404);
    assertThat(other.getBody().toString()).doesNotContain(bob);
    assertThat(api.call(alice, HttpMethod.GET, "/api/customer/accounts/" + bobAccount + "/events", null)
        .getStatusCode().value()).isEqualTo(404);
    assertThat(api.call(alice, HttpMethod.GET, "/api/customer/accounts/99999999", null).getStatusCode().value())
        .as("the same answer as for an account that does not exist").isEqualTo(404);
    assertThat(api.call(alice, HttpMethod.GET, "/api/operator/accounts/" + bobAccount, null).getStatusCode().value())
        .isEqualTo(403);
  }

  private String permissionInDb(long accountId) {
    return jdbc.queryForObject("SELECT postpay_permission FROM account WHERE id = ?", String.class, accountId);
  }
}
