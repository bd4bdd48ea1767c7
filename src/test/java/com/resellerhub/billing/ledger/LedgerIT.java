package com.resellerhub.billing.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.resellerhub.billing.account.Account;
import com.resellerhub.billing.account.AccountRepository;
import com.resellerhub.billing.reseller.ResellerService;
import com.resellerhub.billing.support.Concurrently;
import com.resellerhub.billing.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The ledger on MySQL/MariaDB at READ COMMITTED: locking, idempotency, append-only (PAY-6). */
@IntegrationTest
class LedgerIT {

  @Autowired BalanceService balances;
  @Autowired AccountRepository accounts;
  @Autowired ResellerService resellers;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  private Long newAccountWith(String topUp) {
    var reseller = resellers.current();
    Long id = accounts.save(new Account(reseller.getId(), "Ledger test " + System.nanoTime(), clock.instant())).getId();
    balances.open(id, reseller.getCurrency());
    if (topUp != null) {
      balances.record(id, Movement.credit(EntryType.TOP_UP, new BigDecimal(topUp), "topup-" + id, null, null,
          "test top-up", "test"));
    }
    return id;
  }

  @Test
  void PAY6_twoConcurrentDebitsWhoseSumExceedsTheBalance_oneSucceeds() throws Exception {
    Long account = newAccountWith("100");
    List<Callable<Object>> debits = List.of(
        () -> balances.record(account, Movement.debit(EntryType.PAYMENT_DEBIT, new BigDecimal("60"), "a-" + account,
            "PAYMENT", 1L, "first", "test")),
        () -> balances.record(account, Movement.debit(EntryType.PAYMENT_DEBIT, new BigDecimal("60"), "b-" + account,
            "PAYMENT", 2L, "second", "test")));

    List<Object> outcomes = Concurrently.outcomes(debits);

    assertThat(outcomes).filteredOn(o -> o instanceof BalanceService.Recorded).hasSize(1);
    assertThat(outcomes).filteredOn(o -> o instanceof InsufficientFundsException).hasSize(1);
    assertThat(balances.balance(account).balance()).isEqualByComparingTo("40");
    assertThat(balances.recomputed(account).balance()).isEqualByComparingTo("40");
  }

  @Test
  void PAY6_fiftyConcurrentDebitsUnderOneKeyDebitOnce() throws Exception {
    Long account = newAccountWith("1000");
    List<Callable<Object>> sameDebit = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      sameDebit.add(() -> balances.record(account, Movement.debit(EntryType.PAYMENT_DEBIT, new BigDecimal("10.50"),
          "payment-42-" + account, "PAYMENT", 42L, "payment 42", "test")));
    }

    List<Object> outcomes = Concurrently.outcomes(sameDebit);

    assertThat(outcomes).allMatch(o -> o instanceof BalanceService.Recorded, "every call answers with the entry");
    assertThat(outcomes).map(o -> ((BalanceService.Recorded) o).entry().getId()).containsOnly(
        ((BalanceService.Recorded) outcomes.get(0)).entry().getId());
    assertThat(outcomes).filteredOn(o -> !((BalanceService.Recorded) o).replayed()).hasSize(1);
    assertThat(balances.balance(account).balance()).isEqualByComparingTo("989.50");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE account_id = ? AND type = 'PAYMENT_DEBIT'",
        Integer.class, account)).isEqualTo(1);
  }

  @Test
  void aDebitMayUseTheCreditLimitButNotMore() {
    Long account = newAccountWith("50");
    balances.record(account, Movement.creditLimit(new BigDecimal("100"), "limit-" + account, "PROMISE", 7L,
        "promised payment", "test"));

    balances.record(account, Movement.debit(EntryType.CHARGE, new BigDecimal("150"), "charge-" + account, null, null,
        "monthly fee", "test"));
    assertThat(balances.balance(account).balance()).isEqualByComparingTo("-100");
    assertThat(balances.balance(account).available()).isEqualByComparingTo("0");

    assertThatThrownBy(() -> balances.record(account, Movement.debit(EntryType.CHARGE, new BigDecimal("0.0001"),
        "charge2-" + account, null, null, "one more", "test"))).isInstanceOf(InsufficientFundsException.class);
  }

  @Test
  void PAY6_aBulkOfCommissionsAndWithdrawals_appliesInOrder_replaysKnownKeys_andRefusesARaise() {
    Long account = newAccountWith("1");
    balances.record(account, Movement.creditLimit(new BigDecimal("100"), "grant-" + account, "PROMISE", 8L,
        "promised payment", "test"));
    Movement first = Movement.debit(EntryType.COMMISSION, new BigDecimal("1"), "c1-" + account, "PROMISE", 8L,
        "commission day 1", "test");
    Movement second = Movement.debit(EntryType.COMMISSION, new BigDecimal("1"), "c2-" + account, "PROMISE", 8L,
        "commission day 2", "test");
    Movement withdraw = Movement.creditLimit(new BigDecimal("-100"), "w-" + account, "PROMISE", 8L, "withdrawn",
        "test");
    balances.record(account, first);

    BalanceService.Bulk bulk = balances.recordAll(List.of(new BalanceService.Change(account, first),
        new BalanceService.Change(account, second), new BalanceService.Change(account, withdraw)));

    // the entry recorded before is a replay, not taken again; the others apply one after the other
    assertThat(bulk.replayed()).containsExactly("c1-" + account);
    assertThat(bulk.balanceAfter()).containsOnlyKeys("c2-" + account, "w-" + account);
    assertThat(bulk.balanceAfter().get("w-" + account)).isEqualByComparingTo("-1");
    assertThat(balances.balance(account).creditLimit()).isEqualByComparingTo("0");
    assertThat(balances.recomputed(account).balance()).isEqualByComparingTo("-1");
    // a batch refused at its second entry (beyond balance plus credit limit) writes nothing, not even its first
    assertThatThrownBy(() -> balances.recordAll(List.of(new BalanceService.Change(account, Movement.debit(
        EntryType.COMMISSION, new BigDecimal("1"), "c3-" + account, "PROMISE", 8L, "day 3", "test")),
        new BalanceService.Change(account, Movement.debit(EntryType.PAYMENT_DEBIT, new BigDecimal("5"),
            "p-" + account, "PAYMENT", 9L, "a payment", "test"))))).isInstanceOf(InsufficientFundsException.class);
    assertThat(balances.entry("c3-" + account)).isEmpty();
    assertThat(balances.balance(account).balance()).isEqualByComparingTo("-1");
    // a raised limit is not a bulk movement
    assertThatThrownBy(() -> balances.recordAll(List.of(new BalanceService.Change(account, Movement.creditLimit(
        new BigDecimal("5"), "r-" + account, "PROMISE", 8L, "raise", "test")))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSameKeyForADifferentMovementIsRefused() {
    Long account = newAccountWith("100");
    balances.record(account, Movement.debit(EntryType.FEE, new BigDecimal("5"), "fee-" + account, null, null, "fee",
        "test"));
    assertThatThrownBy(() -> balances.record(account, Movement.debit(EntryType.FEE, new BigDecimal("6"),
        "fee-" + account, null, null, "fee", "test")))
        .hasMessageContaining("already used for a different movement");
    assertThat(balances.balance(account).balance()).isEqualByComparingTo("95");
  }

  @Test
  void ledgerEntriesAreAppendOnlyInTheDatabaseItself() {
    Long account = newAccountWith("100");
    assertThatThrownBy(() -> jdbc.update("UPDATE ledger_entry SET amount = 1000000 WHERE account_id = ?", account))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM ledger_entry WHERE account_id = ?", account))
        .hasMessageContaining("append-only");
    assertThat(balances.recomputed(account).balance()).isEqualByComparingTo("100");
  }

}
