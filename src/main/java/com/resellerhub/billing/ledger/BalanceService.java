package com.resellerhub.billing.ledger;

import com.resellerhub.billing.ledger.LedgerRules.Stored;
import com.resellerhub.billing.ledger.LedgerRules.Totals;
import com.resellerhub.billing.reseller.ResellerService;
import com.resellerhub.billing.web.ConflictException;
import com.resellerhub.billing.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
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
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The only code that moves money. Every movement, one ({@link #record}) or a batch ({@link #debitAll},
 * {@link #recordAll}), in one
 * transaction:
 * <ol>
 *   <li>locks the account's ledger row ({@code SELECT ... FOR UPDATE}), so movements of one account are serialised at
 *       READ COMMITTED while other accounts proceed in parallel;</li>
 *   <li>returns the existing entry when its idempotency key was already recorded (a replay), or refuses the key
 *       when it was used for a different movement;</li>
 *   <li>refuses a debit that would take the balance below minus the credit limit;</li>
 *   <li>appends the entry (the key is unique in the database too) and updates the running totals.</li>
 * </ol>
 * The rules are {@link LedgerRules}; both paths write through {@link LedgerRows}, the ledger tables' only writer.
 * The caller's transaction is joined, so a payment's status change and its debit commit or roll back together.
 */
@Service
public class BalanceService {

  /** The outcome: the entry, and whether it had already been recorded under the same key. */
  public record Recorded(LedgerEntry entry, boolean replayed) {}

  /** Balance and credit limit of an account (zero for an account whose ledger is not opened yet). */
  public record Balance(Long accountId, String currency, BigDecimal balance, BigDecimal creditLimit,
      BigDecimal available) {}

  private final LedgerRows rows;
  private final LedgerEntryRepository entries;
  private final ResellerService resellers;
  private final Clock clock;
  private final TransactionTemplate newTransaction;
  private final ApplicationEventPublisher events;

  public BalanceService(LedgerRows rows, LedgerEntryRepository entries, ResellerService resellers, Clock clock,
      PlatformTransactionManager transactionManager, ApplicationEventPublisher events) {
    this.rows = rows;
    this.entries = entries;
    this.resellers = resellers;
    this.clock = clock;
    this.events = events;
    this.newTransaction = new TransactionTemplate(transactionManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Opens the account's ledger (zero balance, zero credit limit) if it has none; safe to call concurrently. */
  public void open(Long accountId, String currency) {
    if (rows.find(accountId).isPresent()) {
      return;
    }
    try {
      newTransaction.executeWithoutResult(tx -> {
        if (rows.find(accountId).isEmpty()) {
          rows.open(accountId, currency, clock.instant());
        }
      });
    } catch (DataIntegrityViolationException concurrentlyOpened) {
      // another request opened it at the same moment: fine
    }
  }

  @Transactional
  public Recorded record(Long accountId, Movement movement) {
    return record(accountId, movement, false);
  }

  /**
   * A payment paid with money received for it (a gateway, cash, a bank transfer): the money in ({@code received},
   * a credit) and the payment's debit ({@code paid}, of at most that amount) in one transaction. The debit is never
   * refused for funds: it takes only what just came in, so an account whose credit limit was lowered below its debt
   * can still pay a bill by card. Each movement keeps its own idempotency key.
   */
  @Transactional
  public Recorded receiveAndPay(Long accountId, Movement received, Movement paid) {
    if (received.amount().signum() <= 0 || paid.amount().signum() >= 0
        || paid.amount().negate().compareTo(received.amount()) > 0) {
      throw new IllegalArgumentException("the payment's debit must be covered by the money received for it");
    }
    record(accountId, received, false);
    return record(accountId, paid, true);
  }

  private Recorded record(Long accountId, Movement movement, boolean covered) {
    Objects.requireNonNull(accountId, "accountId");
    LedgerRows.Row locked = rows.lock(List.of(accountId)).get(accountId);
    if (locked == null) {
      open(accountId, resellers.current().getCurrency());
      locked = rows.lock(List.of(accountId)).get(accountId);
    }
    if (locked == null) {
      throw new NotFoundException("Account", accountId);
    }
    String key = movement.idempotencyKey();
    Stored stored = rows.recorded(List.of(key)).get(key);
    if (stored != null) {
      LedgerRules.sameMovementOrRefuse(stored, accountId, movement);
      return new Recorded(entry(key).orElseThrow(), true);
    }
    Totals after = LedgerRules.apply(accountId, locked.totals(), movement, covered);
    rows.append(List.of(new LedgerRows.NewEntry(accountId, movement, after)), Map.of(accountId, after),
        clock.instant());
    LedgerEntry entry = entry(key).orElseThrow();
    if (movement.amount().signum() > 0) {
      events.publishEvent(new MoneyReceived(accountId, entry.getId(), movement.amount(), entry.getBalanceAfter(),
          entry.getCreditLimitAfter()));
    }
    if (movement.creditLimitChange() != null && movement.creditLimitChange().signum() > 0) {
      events.publishEvent(new CreditLimitRaised(accountId, entry.getId(), entry.getCreditLimitAfter()));
    }
    return new Recorded(entry, false);
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
    lock(accountIds).forEach((id, row) -> balances.put(id, balance(row)));
    return balances;
  }

  private Map<Long, LedgerRows.Row> lock(Collection<Long> accountIds) {
    return rows.lock(List.copyOf(new TreeSet<>(accountIds)));
  }

  /**
   * Records many debits in the caller's transaction, as {@link #record} would one by one ({@link LedgerRules}): the
   * accounts' rows are locked, a key already recorded is a replay (not taken again; a key used for a different
   * movement is refused), a debit beyond balance plus credit limit is refused (the whole batch rolls back), entries are
   * appended with a batched insert (the unique key in the database stops any second debit) and the running totals
   * updated. A key twice in one batch, or an account without a ledger, is refused. Returns the keys that were replays.
   */
  @Transactional
  public Set<String> debitAll(List<Debit> debits) {
    return appendAll(debits.stream().map(d -> new Change(d.accountId(), d.movement())).toList()).replayed();
  }

  /** A movement of one account within {@link #recordAll}: a debit, a credit limit change, or both. */
  public record Change(Long accountId, Movement movement) {
    public Change {
      Objects.requireNonNull(accountId, "accountId");
      if (movement.amount().signum() > 0) {
        throw new IllegalArgumentException("a bulk movement takes money out or changes the credit limit");
      }
    }
  }

  /**
   * What {@link #recordAll} did: the keys that were replays, and for every key it appended the account's balance
   * right after that entry (the entries of one account apply in the order given).
   */
  public record Bulk(Set<String> replayed, Map<String, BigDecimal> balanceAfter) {}

  /**
   * {@link #debitAll} for movements that also change the credit limit (a promise's commission entries and the
   * withdrawal of its credit, for hundreds of promises at once): the same locks, replays, rules and batched statements.
   * No money comes in, so no {@link MoneyReceived} is published; a raised credit limit is refused (the events of a
   * raise are {@link #record}'s).
   */
  @Transactional
  public Bulk recordAll(List<Change> changes) {
    changes.forEach(c -> {
      if (c.movement().creditLimitChange().signum() > 0) {
        throw new IllegalArgumentException("a bulk movement may lower the credit limit, not raise it");
      }
    });
    return appendAll(changes);
  }

  private Bulk appendAll(List<Change> changes) {
    if (changes.isEmpty()) {
      return new Bulk(Set.of(), Map.of());
    }
    Map<Long, LedgerRows.Row> locked = lock(changes.stream().map(Change::accountId).toList());
    Map<String, Stored> recorded = rows.recorded(changes.stream().map(c -> c.movement().idempotencyKey())
        .distinct().toList());
    Map<Long, Totals> totals = new LinkedHashMap<>();
    List<LedgerRows.NewEntry> appended = new ArrayList<>(changes.size());
    Set<String> replayed = new HashSet<>();
    Set<String> seen = new HashSet<>();
    Map<String, BigDecimal> balanceAfter = new java.util.HashMap<>();
    for (Change change : changes) {
      Movement movement = change.movement();
      String key = movement.idempotencyKey();
      Stored stored = recorded.get(key);
      if (stored != null) {
        LedgerRules.sameMovementOrRefuse(stored, change.accountId(), movement);
        replayed.add(key);
        continue;
      }
      if (!seen.add(key)) {
        throw new ConflictException("idempotency-key-reused", "The key " + key + " appears twice in one batch");
      }
      LedgerRows.Row row = locked.get(change.accountId());
      if (row == null) {
        throw new InsufficientFundsException(change.accountId(), movement.amount().negate(),
            Money.of(BigDecimal.ZERO));
      }
      Totals after = LedgerRules.apply(change.accountId(), totals.getOrDefault(change.accountId(), row.totals()),
          movement);
      totals.put(change.accountId(), after);
      balanceAfter.put(key, after.balance());
      appended.add(new LedgerRows.NewEntry(change.accountId(), movement, after));
    }
    if (!appended.isEmpty()) {
      rows.append(appended, totals, clock.instant());
    }
    return new Bulk(replayed, balanceAfter);
  }

  @Transactional(readOnly = true)
  public Balance balance(Long accountId) {
    return rows.find(accountId).map(BalanceService::balance).orElseGet(() -> {
      BigDecimal zero = Money.of(BigDecimal.ZERO);
      return new Balance(accountId, resellers.current().getCurrency(), zero, zero, zero);
    });
  }

  private static Balance balance(LedgerRows.Row row) {
    return new Balance(row.accountId(), row.currency(), row.totals().balance(), row.totals().creditLimit(),
        row.totals().available());
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
  public Optional<Instant> lastMovementAt(Long accountId, java.util.Collection<EntryType> types) {
    return Optional.ofNullable(entries.lastMovementAt(accountId, types));
  }

  /** The balance and credit limit summed from the entries: must equal the running totals (an audit check). */
  @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
  public Balance recomputed(Long accountId) {
    BigDecimal balance = Money.of(entries.sumOfAmounts(accountId));
    BigDecimal limit = Money.of(entries.sumOfCreditLimitChanges(accountId));
    String currency = rows.find(accountId).map(LedgerRows.Row::currency).orElse(null);
    return new Balance(accountId, currency, balance, limit, balance.add(limit));
  }
}
