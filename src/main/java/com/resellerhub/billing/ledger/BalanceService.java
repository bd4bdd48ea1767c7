package com.resellerhub.billing.ledger;

import com.resellerhub.billing.reseller.ResellerService;
import com.resellerhub.billing.web.ConflictException;
import com.resellerhub.billing.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
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
  private final JdbcTemplate jdbc;

  public BalanceService(LedgerAccountRepository ledgerAccounts, LedgerEntryRepository entries,
      ResellerService resellers, Clock clock, PlatformTransactionManager transactionManager,
      ApplicationEventPublisher events, JdbcTemplate jdbc) {
    this.events = events;
    this.jdbc = jdbc;
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

  // ---------------------------------------------------------------------------------------------------------------
  // Bulk (the billing day's automatic debit, PAY-4): the same rules as record(), for hundreds of debits in one
  // transaction with batched statements.

  /** A debit of one account within {@link #debitAll}. */
  public record Debit(Long accountId, Movement movement) {
    public Debit {
      Objects.requireNonNull(accountId, "accountId");
      if (movement.amount().signum() >= 0 || movement.creditLimitChange().signum() != 0) {
        throw new IllegalArgumentException("a bulk debit takes money out and leaves the credit limit");
      }
    }
  }

  /**
   * Locks the ledger rows of these accounts ({@code SELECT ... FOR UPDATE}, in account id order, so two callers never
   * wait for each other in a circle) and returns their balances. Accounts without a ledger are left out. The locks
   * are held until the caller's transaction ends, so what {@link #debitAll} then takes is what was read here.
   */
  @Transactional
  public Map<Long, Balance> lockBalances(Collection<Long> accountIds) {
    Map<Long, Balance> balances = new LinkedHashMap<>();
    List<Long> sorted = List.copyOf(new TreeSet<>(accountIds));
    for (int from = 0; from < sorted.size(); from += IN_LIST) {
      List<Long> part = sorted.subList(from, Math.min(sorted.size(), from + IN_LIST));
      jdbc.query("select account_id, currency, balance, credit_limit from ledger_account where account_id in ("
          + placeholders(part.size()) + ") order by account_id for update", rs -> {
            BigDecimal balance = Money.of(rs.getBigDecimal(3));
            BigDecimal limit = Money.of(rs.getBigDecimal(4));
            balances.put(rs.getLong(1), new Balance(rs.getLong(1), rs.getString(2), balance, limit,
                balance.add(limit)));
          }, part.toArray());
    }
    return balances;
  }

  /**
   * Records many debits in the caller's transaction, as {@link #record} would one by one: the accounts' rows are
   * locked, a key already recorded is a replay (not taken again; a key used for a different movement is refused), a
   * debit beyond balance plus credit limit is refused (the whole batch rolls back), entries are appended with a batched
   * insert (the unique key in the database stops any second debit) and the running totals updated. Returns the keys
   * that were replays.
   */
  @Transactional
  public Set<String> debitAll(List<Debit> debits) {
    if (debits.isEmpty()) {
      return Set.of();
    }
    Map<Long, Balance> locked = lockBalances(debits.stream().map(Debit::accountId).toList());
    Set<String> replayed = alreadyRecorded(debits);
    Map<Long, BigDecimal> balance = new LinkedHashMap<>();
    locked.forEach((id, b) -> balance.put(id, b.balance()));
    Instant now = clock.instant();
    LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
    List<Object[]> rows = new ArrayList<>(debits.size());
    Set<String> seen = new HashSet<>();
    for (Debit debit : debits) {
      Movement movement = debit.movement();
      if (replayed.contains(movement.idempotencyKey())) {
        continue;
      }
      if (!seen.add(movement.idempotencyKey())) {
        throw new ConflictException("idempotency-key-reused", "The key " + movement.idempotencyKey()
            + " appears twice in one batch");
      }
      Balance before = locked.get(debit.accountId());
      if (before == null) {
        throw new InsufficientFundsException(debit.accountId(), movement.amount().negate(), Money.of(BigDecimal.ZERO));
      }
      BigDecimal after = Money.of(balance.get(debit.accountId()).add(movement.amount()));
      if (!movement.type().mayOverdraw() && after.add(before.creditLimit()).signum() < 0) {
        throw new InsufficientFundsException(debit.accountId(), movement.amount().negate(),
            balance.get(debit.accountId()).add(before.creditLimit()));
      }
      balance.put(debit.accountId(), after);
      rows.add(new Object[] {debit.accountId(), movement.type().name(), movement.amount(),
          movement.creditLimitChange(), after, before.creditLimit(), movement.idempotencyKey(),
          movement.referenceType(), movement.referenceId(), movement.description(), movement.actor(), at});
    }
    jdbc.batchUpdate("insert into ledger_entry (account_id, type, amount, credit_limit_change, balance_after,"
        + " credit_limit_after, idempotency_key, reference_type, reference_id, description, actor, created_at)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    List<Object[]> totals = new ArrayList<>();
    balance.forEach((id, after) -> {
      if (after.compareTo(locked.get(id).balance()) != 0) {
        totals.add(new Object[] {after, at, id});
      }
    });
    jdbc.batchUpdate("update ledger_account set balance = ?, updated_at = ? where account_id = ?", totals);
    return replayed;
  }

  private Set<String> alreadyRecorded(List<Debit> debits) {
    Map<String, Debit> byKey = new LinkedHashMap<>();
    debits.forEach(d -> byKey.put(d.movement().idempotencyKey(), d));
    List<String> keys = List.copyOf(byKey.keySet());
    Set<String> found = new HashSet<>();
    for (int from = 0; from < keys.size(); from += IN_LIST) {
      List<String> part = keys.subList(from, Math.min(keys.size(), from + IN_LIST));
      jdbc.query("select idempotency_key, account_id, type, amount from ledger_entry where idempotency_key in ("
          + placeholders(part.size()) + ")", rs -> {
            Debit debit = byKey.get(rs.getString(1));
            boolean same = debit.accountId() == rs.getLong(2) && debit.movement().type().name().equals(rs.getString(3))
                && debit.movement().amount().compareTo(rs.getBigDecimal(4)) == 0;
            if (!same) {
              throw new ConflictException("idempotency-key-reused", "The key " + rs.getString(1)
                  + " was already used for a different movement");
            }
            found.add(rs.getString(1));
          }, part.toArray());
    }
    return found;
  }

  private static final int IN_LIST = 500;

  private static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
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
