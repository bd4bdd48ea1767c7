package com.resellerhub.billing.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.resellerhub.billing.account.Account;
import com.resellerhub.billing.account.AccountRepository;
import com.resellerhub.billing.reseller.ResellerService;
import com.resellerhub.billing.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.spring.JqwikSpringSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Random sequences of top-ups, debits, credit-limit changes and replays against the real ledger on MySQL/MariaDB.
 * After every step: the balance equals the sum of the entries and the model's balance; an accepted debit never
 * takes the balance below minus the credit limit (such a debit is refused instead); a replayed key changes nothing; and no entry written
 * earlier has changed.
 */
@JqwikSpringSupport
@IntegrationTest
class LedgerPropertiesIT {

  sealed interface Op permits TopUp, Debit, Limit, Replay {}
  record TopUp(BigDecimal amount) implements Op {}
  record Debit(BigDecimal amount) implements Op {}
  record Limit(BigDecimal change) implements Op {}
  record Replay(int earlier) implements Op {}

  @Autowired BalanceService balances;
  @Autowired AccountRepository accounts;
  @Autowired ResellerService resellers;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  @Property(tries = 40)
  void PAY6_balanceIsTheSumOfTheLedgerAndNeverBelowMinusTheCreditLimit(@ForAll("sequences") List<Op> ops) {
    var reseller = resellers.current();
    Long account = accounts.save(new Account(reseller.getId(), "Property " + System.nanoTime(), clock.instant()))
        .getId();
    balances.open(account, reseller.getCurrency());

    BigDecimal balance = BigDecimal.ZERO;
    BigDecimal limit = BigDecimal.ZERO;
    List<Movement> recorded = new ArrayList<>();
    Map<Long, String> snapshot = Map.of();

    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      String key = "prop-" + account + "-" + i;
      Movement movement;
      if (op instanceof TopUp t) {
        movement = Movement.credit(EntryType.TOP_UP, t.amount(), key, null, null, "top-up", "prop");
      } else if (op instanceof Debit d) {
        movement = Movement.debit(EntryType.PAYMENT_DEBIT, d.amount(), key, null, null, "debit", "prop");
      } else if (op instanceof Limit l) {
        movement = Movement.creditLimit(l.change(), key, null, null, "limit", "prop");
      } else {
        movement = recorded.isEmpty() ? null : recorded.get(((Replay) op).earlier() % recorded.size());
      }
      if (movement == null) {
        continue;
      }
      boolean replay = op instanceof Replay;
      boolean allowed = replay
          || (movement.amount().signum() >= 0 || balance.add(limit).add(movement.amount()).signum() >= 0)
          && limit.add(movement.creditLimitChange()).signum() >= 0;
      boolean accepted = false;
      try {
        BalanceService.Recorded result = balances.record(account, movement);
        accepted = !replay;
        assertThat(allowed).as("step %d %s was allowed", i, op).isTrue();
        assertThat(result.replayed()).isEqualTo(replay);
        if (!replay) {
          balance = balance.add(movement.amount());
          limit = limit.add(movement.creditLimitChange());
          recorded.add(movement);
        }
      } catch (InsufficientFundsException | com.resellerhub.billing.web.ConflictException refused) {
        assertThat(allowed).as("step %d %s was refused: %s", i, op, refused.getMessage()).isFalse();
      }

      BalanceService.Balance running = balances.balance(account);
      BalanceService.Balance summed = balances.recomputed(account);
      assertThat(running.balance()).isEqualByComparingTo(balance).isEqualByComparingTo(summed.balance());
      assertThat(running.creditLimit()).isEqualByComparingTo(limit).isEqualByComparingTo(summed.creditLimit());
      if (op instanceof Debit && accepted) {
        // An accepted debit never takes the balance below minus the credit limit. (Withdrawing credit may: that is
        // what blocks an account when a promised payment ends, PROM-5.)
        assertThat(running.balance().add(running.creditLimit()).signum()).isGreaterThanOrEqualTo(0);
      }
      Map<Long, String> now = entries(account);
      assertThat(now).containsAllEntriesOf(snapshot);
      assertThat(now).hasSize(recorded.size());
      snapshot = now;
    }
  }

  /** Every entry of the account as "amount|limit change|balance after|key", by id. */
  private Map<Long, String> entries(Long account) {
    return jdbc.queryForList("SELECT id, amount, credit_limit_change, balance_after, idempotency_key FROM ledger_entry "
        + "WHERE account_id = ?", account).stream().collect(Collectors.toMap(
            r -> ((Number) r.get("id")).longValue(),
            r -> r.get("amount") + "|" + r.get("credit_limit_change") + "|" + r.get("balance_after") + "|"
                + r.get("idempotency_key")));
  }

  @Provide
  Arbitrary<List<Op>> sequences() {
    Arbitrary<BigDecimal> amounts = Arbitraries.bigDecimals().between(new BigDecimal("0.0001"), new BigDecimal("500"))
        .ofScale(4);
    Arbitrary<Op> op = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, amounts.map(TopUp::new)),
        net.jqwik.api.Tuple.of(4, amounts.map(Debit::new)),
        net.jqwik.api.Tuple.of(1, amounts.map(Limit::new)),
        net.jqwik.api.Tuple.of(1, amounts.map(a -> new Limit(a.negate()))),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 50).map(Replay::new)));
    return op.list().ofMinSize(1).ofMaxSize(25);
  }

}
