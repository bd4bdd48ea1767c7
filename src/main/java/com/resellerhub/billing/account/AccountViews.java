package com.resellerhub.billing.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.resellerhub.billing.ledger.BalanceService;
import com.resellerhub.billing.reseller.ResellerService;
import com.resellerhub.billing.reseller.ResellerSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import com.resellerhub.billing.web.PageOf;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The JSON shapes of accounts in the operator and customer APIs. */
@Component
public class AccountViews {

  public record Ref(Long id, String name) {}

  public record Contacts(String address, String country, String region, String phone, String email) {}

  public record Signatory(String firstName, String middleName, String lastName, String email) {}

  public record Terms(boolean required, boolean accepted, Instant acceptedAt, String acceptedBy) {}

  /** A line of the operator list; {@code postpayPermission} only when the reseller is in MANUAL mode (ACC-10). */
  public record Summary(Long id, String name, String companyName, AccountStatus status,
      @JsonInclude(JsonInclude.Include.NON_NULL) PostpayPermission postpayPermission, Ref accountType, Ref manager,
      String ownerUserId, Instant createdAt) {}

  public record Details(Long id, String name, String companyName, AccountStatus status,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<BlockCause> blockedFor,
      @JsonInclude(JsonInclude.Include.NON_NULL) PostpayPermission postpayPermission, Ref accountType,
      Ref serviceRule, Ref manager, AccountOwners.OwnerInfo owner, Contacts contacts, Signatory signatory,
      Map<String, String> extraAttributes, Terms terms, Money money, Instant createdAt,
      String createdBy) {}

  /** Balance and credit limit, read from the ledger (the only place that holds them). */
  public record Money(String currency, BigDecimal balance, BigDecimal creditLimit, BigDecimal available) {}

  public record Event(Long id, AccountEventType type, String actor, Instant occurredAt, boolean customerVisible,
      String detail) {}

  public record CustomerEvent(Long id, AccountEventType type, String actor, Instant occurredAt, String detail) {}


  private final ReferenceDataService referenceData;
  private final AccountService accounts;
  private final ResellerService resellers;
  private final BalanceService balances;
  private final AccountBlocks blocks;
  private final AccountOwners owners;
  private final AccountRepository accountRows;

  AccountViews(ReferenceDataService referenceData, AccountService accounts, ResellerService resellers,
      BalanceService balances, AccountBlocks blocks, AccountOwners owners, AccountRepository accountRows) {
    this.accountRows = accountRows;
    this.owners = owners;
    this.blocks = blocks;
    this.referenceData = referenceData;
    this.accounts = accounts;
    this.resellers = resellers;
    this.balances = balances;
  }

  @Transactional(readOnly = true)
  public Summary summary(Account a, ResellerSettings settings) {
    return new Summary(a.getId(), a.getName(), a.getCompanyName(), a.getStatus(),
        settings.manualPostpayApproval() ? a.getPostpayPermission() : null, type(a), manager(a),
        owners.ownerOf(a.getId()).orElse(null), a.getCreatedAt());
  }

  /**
   * A page of the operator's list, shown in one read-only transaction: one connection and one commit for the page, and
   * an account type or manager shown on several lines read once.
   */
  @Transactional(readOnly = true)
  public PageOf<Summary> summaries(Page<Account> page, ResellerSettings settings) {
    return PageOf.of(page, a -> summary(a, settings));
  }

  /**
   * The operator's view: DECLINED shows as DECLINED. The account and everything shown with it are read in one
   * read-only transaction (one connection, one commit).
   */
  @Transactional(readOnly = true)
  public Details operatorDetails(Long accountId) {
    Account a = accounts.get(accountId);
    ResellerSettings settings = resellers.settings();
    return details(a, settings, settings.manualPostpayApproval() ? a.getPostpayPermission() : null);
  }

  /** The customer's view: a DECLINED account reads as UNDER_REVIEW (PP-5). One transaction, as the operator's. */
  @Transactional(readOnly = true)
  public Details customerDetails(Long accountId) {
    Account a = accounts.get(accountId);
    ResellerSettings settings = resellers.settings();
    PostpayPermission p = a.getPostpayPermission() == PostpayPermission.DECLINED
        ? PostpayPermission.UNDER_REVIEW : a.getPostpayPermission();
    return details(a, settings, settings.manualPostpayApproval() ? p : null);
  }

  private Details details(Account a, ResellerSettings settings, PostpayPermission shown) {
    AccountRepository.ShownNames names = accountRows.shownNames(a.getId());
    return new Details(a.getId(), a.getName(), a.getCompanyName(), a.getStatus(),
        blocks.inForce(a.getId()).stream().map(AccountBlocks.Block::cause).distinct().toList(), shown,
        ref(a.getAccountTypeId(), names.getAccountType()), ref(a.getServiceRuleId(), names.getServiceRule()),
        ref(a.getManagerId(), names.getManager()), owners.ownerInfo(a.getId()).orElse(null),
        new Contacts(a.getContactAddress(), a.getContactCountry(), a.getContactRegion(), a.getContactPhone(),
            a.getContactEmail()),
        new Signatory(a.getSignatoryFirstName(), a.getSignatoryMiddleName(), a.getSignatoryLastName(),
            a.getSignatoryEmail()),
        new java.util.TreeMap<>(a.getExtraAttributes()),
        new Terms(settings.termsAcceptanceRequired(), a.isTermsAccepted(), a.getTermsAcceptedAt(),
            a.getTermsAcceptedBy()),
        money(a.getId()), a.getCreatedAt(), a.getCreatedBy());
  }

  private Money money(Long accountId) {
    BalanceService.Balance b = balances.balance(accountId);
    return new Money(b.currency(), b.balance(), b.creditLimit(), b.available());
  }

  /** A reference shown with its name; none when the account has none, or it is not the reseller's. */
  private static Ref ref(Long id, String name) {
    return id == null || name == null ? null : new Ref(id, name);
  }

  private Ref type(Account a) {
    return a.getAccountTypeId() == null ? null : referenceData.accountType(a.getAccountTypeId())
        .map(t -> new Ref(t.getId(), t.getName())).orElse(null);
  }

  private Ref manager(Account a) {
    return a.getManagerId() == null ? null : referenceData.manager(a.getManagerId())
        .map(m -> new Ref(m.getId(), m.getName())).orElse(null);
  }

  static Event event(AccountEvent e) {
    return new Event(e.getId(), e.getType(), e.getActor(), e.getOccurredAt(), e.isCustomerVisible(), e.getDetail());
  }

  static CustomerEvent customerEvent(AccountEvent e) {
    return new CustomerEvent(e.getId(), e.getType(), e.getActor(), e.getOccurredAt(), e.getDetail());
  }
}
