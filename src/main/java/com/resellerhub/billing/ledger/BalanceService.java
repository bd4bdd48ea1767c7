package com.resellerhub.billing.ledger;

import com.resellerhub.billing.reseller.ResellerService;
import com.resellerhub.billing.web.ConflictException;
import com.resellerhub.billing.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The only code that moves money. Every movement, in one transaction:
 * <ol>
 *   <li>locks the account's {@link LedgerAccount} row ({@code SELECT ... FOR UPDATE}), so movements of one account
 *       are serialised at READ COMMITTED while other accounts proceed in parallel;</li>
 *   <li>returns the existing entry when its idempotency key was already recorded (a replay), or refuses the key
 *       when it was used for a different movement;</li>
 *   <li>refuses a debit that would take the balance below minus the credit limit;</li>
 *   <li>appends the entry (the key is unique in the database too) and updates the running totals.</li>
 * </ol>
 * The caller's transaction is joined, so a payment's status change and its debit commit or roll back together.
 */
@Service
public class BalanceService {

  /** The outcome: the entry, and whether it had already been recorded under the same key. */
  public record Recorded(LedgerEntry entry, boolean replayed) {}

  /** Balance and credit limit of an account (zero for an account whose ledger is not opened yet). */
  public record Balance(Long accountId, String currency, BigDecimal balance, BigDecimal creditLimit,
      BigDecimal available) {}

  private final LedgerAccountRepository ledgerAccounts;
  private final LedgerEntryRepository entries;
  private final ResellerService resellers;
  private final Clock clock;
  private final TransactionTemplate newTransaction;
  private final ApplicationEventPublisher events;

  public BalanceService(LedgerAccountRepository ledgerAccounts, LedgerEntryRepository entries,
      ResellerService resellers, Clock clock, PlatformTransactionManager transactionManager,
      ApplicationEventPublisher events) {
    this.events = events;
    this.ledgerAccounts = ledgerAccounts;
    this.entries = entries;
    this.resellers = resellers;
    this.clock = clock;
    this.newTransaction = new TransactionTemplate(transactionManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Opens the account's ledger (zero balance, zero credit limit) if it has none; safe to call concurrently. */
  public void open(Long accountId, String currency) {
    if (ledgerAccounts.existsById(accountId)) {
      return;
    }
    try {
      newTransaction.executeWithoutResult(tx -> {
        if (!ledgerAccounts.existsById(accountId)) {
          ledgerAccounts.saveAndFlush(new LedgerAccount(accountId, currency, clock.instant()));
        }
      });
    } catch (DataIntegrityViolationException concurrentlyOpened) {
      // another request opened it at the same moment: fine
    }
  }

  @Transactional
  public Recorded record(Long accountId, Movement movement) {
    Objects.requireNonNull(accountId, "accountId");
    Optional<LedgerAccount> locked = ledgerAccounts.lock(accountId);
    if (locked.isEmpty()) {
      open(accountId, resellers.current().getCurrency());
      locked = ledgerAccounts.lock(accountId);
    }
    LedgerAccount account = locked.orElseThrow(() -> new NotFoundException("Account", accountId));
    Optional<LedgerEntry> existing = entries.findByIdempotencyKey(movement.idempotencyKey());
    if (existing.isPresent()) {
      return new Recorded(sameMovementOrRefuse(existing.get(), accountId, movement), true);
    }
    if (movement.amount().signum() < 0 && !movement.type().mayOverdraw()
        && account.available().add(movement.amount()).signum() < 0) {
      throw new InsufficientFundsException(accountId, movement.amount().negate(), account.available());
    }
    if (account.getCreditLimit().add(movement.creditLimitChange()).signum() < 0) {
      throw new ConflictException("credit-limit-negative", "The credit limit of account " + accountId
          + " cannot go below zero");
    }
    account.apply(movement, clock.instant());
    LedgerEntry entry = entries.save(new LedgerEntry(accountId, movement, account.getBalance(),
        account.getCreditLimit(), clock.instant()));
    if (movement.amount().signum() > 0) {
      events.publishEvent(new MoneyReceived(accountId, entry.getId(), movement.amount(), entry.getBalanceAfter(),
          entry.getCreditLimitAfter()));
    }
    return new Recorded(entry, false);
  }

  private static LedgerEntry sameMovementOrRefuse(LedgerEntry entry, Long accountId, Movement movement) {
    boolean same = entry.getAccountId().equals(accountId) && entry.getType() == movement.type()
        && entry.getAmount().compareTo(movement.amount()) == 0
        && entry.getCreditLimitChange().compareTo(movement.creditLimitChange()) == 0;
    if (!same) {
      throw new ConflictException("idempotency-key-reused", "The key " + movement.idempotencyKey()
          + " was already used for a different movement");
    }
    return entry;
  }

  @Transactional(readOnly = true)
  public Balance balance(Long accountId) {
    return ledgerAccounts.findById(accountId)
        .map(a -> new Balance(accountId, a.getCurrency(), a.getBalance(), a.getCreditLimit(), a.available()))
        .orElseGet(() -> {
          BigDecimal zero = Money.of(BigDecimal.ZERO);
          return new Balance(accountId, resellers.current().getCurrency(), zero, zero, zero);
        });
  }

  @Transactional(readOnly = true)
  public Page<LedgerEntry> entries(Long accountId, Pageable pageable) {
    return entries.findByAccountIdOrderByIdDesc(accountId, pageable);
  }

  @Transactional(readOnly = true)
  public Optional<LedgerEntry> entry(String idempotencyKey) {
    return entries.findByIdempotencyKey(idempotencyKey);
  }

  /** When the account last had a non-zero entry of one of these types (e.g. a real payment, a charge), if ever. */
  @Transactional(readOnly = true)
  public Optional<java.time.Instant> lastMovementAt(Long accountId, java.util.Collection<EntryType> types) {
    return Optional.ofNullable(entries.lastMovementAt(accountId, types));
  }

  /** The balance and credit limit summed from the entries: must equal the running totals (an audit check). */
  @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
  public Balance recomputed(Long accountId) {
    BigDecimal balance = Money.of(entries.sumOfAmounts(accountId));
    BigDecimal limit = Money.of(entries.sumOfCreditLimitChanges(accountId));
    String currency = ledgerAccounts.findById(accountId).map(LedgerAccount::getCurrency).orElse(null);
    return new Balance(accountId, currency, balance, limit, balance.add(limit));
  }
}
