package com.resellerhub.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.resellerhub.billing.account.Account;
import com.resellerhub.billing.account.AccountRepository;
import com.resellerhub.billing.ledger.BalanceService;
import com.resellerhub.billing.ledger.EntryType;
import com.resellerhub.billing.ledger.InsufficientFundsException;
import com.resellerhub.billing.ledger.Movement;
import com.resellerhub.billing.payment.CompletionRules.Channel;
import com.resellerhub.billing.reseller.ResellerService;
import com.resellerhub.billing.reseller.ResellerSettings;
import com.resellerhub.billing.support.IntegrationTest;
import com.resellerhub.billing.web.ConflictException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.spring.JqwikSpringSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Random sequences of operator top-ups, charges, credit-limit changes, new payments and payment completions (from the
 * balance, with a payment method, and repeated completions of paid payments) against the real services on
 * MySQL/MariaDB. After every step: the balance equals the sum of the ledger and the model; an accepted debit or
 * completion from balance never leaves the balance below minus the credit limit; no payment has more than one debit;
 * entries written earlier never change or disappear.
 */
@JqwikSpringSupport
@IntegrationTest
class PaymentPropertiesIT {

  sealed interface Op permits TopUp, Charge, Limit, Bill, PayFromBalance, PayByMethod {}
  record TopUp(BigDecimal amount) implements Op {}
  record Charge(BigDecimal amount) implements Op {}
  record Limit(BigDecimal change) implements Op {}
  record Bill(BigDecimal amount) implements Op {}
  record PayFromBalance(int which) implements Op {}
  record PayByMethod(int which) implements Op {}

  @Autowired PaymentService payments;
  @Autowired TopUps topUps;
  @Autowired PostpayActs acts;
  @Autowired PaymentCompletion completion;
  @Autowired BalanceService balances;
  @Autowired AccountRepository accounts;
  @Autowired ResellerService resellers;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  /**
   * Found by the property below: a bill paid by a method (here cash) is paid with the money that came in for it, even
   * when a lowered credit limit left the balance below minus the limit; the account's debt stays as it was.
   */
  @Example
  void PAY2_aBillPaidByAMethodIsPaid_evenWhenALoweredCreditLimitLeftTheBalanceBelowMinusTheLimit() {
    var reseller = resellers.current();
    Long account = accounts.save(new Account(reseller.getId(), "Paid by cash " + System.nanoTime(),
        clock.instant())).getId();
    balances.open(account, reseller.getCurrency());
    balances.record(account, Movement.creditLimit(new BigDecimal("100"), "cash-limit-up-" + account, null, null,
        "limit", "test"));
    balances.record(account, Movement.debit(EntryType.CHARGE, new BigDecimal("100"), "cash-charge-" + account, null,
        null, "charge", "test"));
    balances.record(account, Movement.creditLimit(new BigDecimal("-100"), "cash-limit-down-" + account, null, null,
        "limit", "test"));
    PostpayAct act = acts.issueAct(account, LocalDate.of(1999, 1, 1), LocalDate.of(1999, 1, 31),
        new BigDecimal("10.00"), "test");
    Long paymentId = jdbc.queryForObject("SELECT id FROM payment WHERE act_id = ?", Long.class, act.getId());

    completion.complete(paymentId, Channel.OPERATOR, "CASH", "test", null);

    assertThat(jdbc.queryForObject("SELECT status FROM payment WHERE id = ?", String.class, paymentId))
        .isEqualTo("COMPLETED");
    assertThat(balances.balance(account).balance()).isEqualByComparingTo("-100");
    assertThatThrownBy(() -> completion.complete(jdbc.queryForObject("SELECT id FROM payment WHERE act_id = ?",
        Long.class, acts.issueAct(account, LocalDate.of(1999, 2, 1), LocalDate.of(1999, 2, 28),
            new BigDecimal("10.00"), "test").getId()), Channel.OPERATOR, "BALANCE", "test", null))
        .as("from the balance it is still refused").isInstanceOf(InsufficientFundsException.class);
  }

  @Property(tries = 30)
  void PAY6_balanceIsTheSumOfTheLedger_neverBelowMinusTheCreditLimit_noPaymentDebitedTwice(
      @ForAll("sequences") List<Op> ops) {
    ResellerSettings s = resellers.settings();
    if (s.invoicesByExternalSystem()) {
      resellers.updateSettings(new ResellerSettings(s.postpayApproval(), s.postpayApprovalAppliesTo(),
          s.allowWorkWithoutBalance(), false, s.promisedPaymentOnlyWhenBlocked(), s.defaultCountry(),
          s.termsAcceptanceRequired(), s.accountValidation()), "property-test");
    }
    var reseller = resellers.current();
    Long account = accounts.save(new Account(reseller.getId(), "Payment property " + System.nanoTime(),
        clock.instant())).getId();
    balances.open(account, reseller.getCurrency());

    BigDecimal balance = BigDecimal.ZERO;
    BigDecimal limit = BigDecimal.ZERO;
    int entryCount = 0;
    List<Long> bills = new ArrayList<>();
    Map<Long, BigDecimal> open = new HashMap<>();
    Map<Long, String> snapshot = Map.of();
    LocalDate period = LocalDate.of(2000, 1, 1);

    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      boolean debited = false;
      if (op instanceof TopUp t) {
        topUps.topUp(account, t.amount(), "BANK_TRANSFER", "prop", "prop", "prop-" + i);
        balance = balance.add(t.amount());
        entryCount++;
      } else if (op instanceof Charge c) {
        boolean allowed = balance.add(limit).compareTo(c.amount()) >= 0;
        try {
          balances.record(account, Movement.debit(EntryType.CHARGE, c.amount(), "prop-charge-" + account + "-" + i,
              null, null, "charge", "prop"));
          assertThat(allowed).as("step %d %s accepted", i, op).isTrue();
          balance = balance.subtract(c.amount());
          entryCount++;
          debited = true;
        } catch (InsufficientFundsException refused) {
          assertThat(allowed).as("step %d %s refused", i, op).isFalse();
        }
      } else if (op instanceof Limit l) {
        boolean allowed = limit.add(l.change()).signum() >= 0;
        try {
          balances.record(account, Movement.creditLimit(l.change(), "prop-limit-" + account + "-" + i, null, null,
              "limit", "prop"));
          assertThat(allowed).as("step %d %s accepted", i, op).isTrue();
          limit = limit.add(l.change());
          entryCount++;
        } catch (ConflictException refused) {
          assertThat(allowed).as("step %d %s refused", i, op).isFalse();
        }
      } else if (op instanceof Bill b) {
        PostpayAct act = acts.issueAct(account, period, period.plusMonths(1).minusDays(1), b.amount(), "prop");
        period = period.plusMonths(1);
        Long paymentId = jdbc.queryForObject("SELECT id FROM payment WHERE act_id = ?", Long.class, act.getId());
        bills.add(paymentId);
        open.put(paymentId, b.amount());
      } else if (op instanceof PayFromBalance p && !bills.isEmpty()) {
        Long id = bills.get(p.which() % bills.size());
        BigDecimal amount = open.get(id);
        try {
          completion.complete(id, Channel.OPERATOR, "BALANCE", "prop", null);
          assertThat(amount).as("step %d %s: payment was open", i, op).isNotNull();
          assertThat(balance.add(limit).compareTo(amount)).as("step %d %s: enough money", i, op)
              .isGreaterThanOrEqualTo(0);
          balance = balance.subtract(amount);
          open.remove(id);
          entryCount++;
          debited = true;
        } catch (ConflictException alreadyPaid) {
          assertThat(amount).as("step %d %s refused as paid", i, op).isNull();
        } catch (InsufficientFundsException notEnough) {
          assertThat(amount).isNotNull();
          assertThat(balance.add(limit).compareTo(amount)).as("step %d %s refused", i, op).isLessThan(0);
        }
      } else if (op instanceof PayByMethod p && !bills.isEmpty()) {
        Long id = bills.get(p.which() % bills.size());
        BigDecimal amount = open.get(id);
        try {
          completion.complete(id, Channel.OPERATOR, "CASH", "prop", null);
          assertThat(amount).as("step %d %s: payment was open", i, op).isNotNull();
          open.remove(id);
          entryCount += 2;
        } catch (ConflictException alreadyPaid) {
          assertThat(amount).as("step %d %s refused as paid", i, op).isNull();
        }
      }

      BalanceService.Balance running = balances.balance(account);
      BalanceService.Balance summed = balances.recomputed(account);
      assertThat(running.balance()).isEqualByComparingTo(balance).isEqualByComparingTo(summed.balance());
      assertThat(running.creditLimit()).isEqualByComparingTo(limit).isEqualByComparingTo(summed.creditLimit());
      if (debited) {
        assertThat(running.balance().add(running.creditLimit()).signum()).isGreaterThanOrEqualTo(0);
      }
      assertThat(jdbc.queryForList("SELECT reference_id FROM ledger_entry WHERE account_id = ? AND type = "
          + "'PAYMENT_DEBIT' GROUP BY reference_id HAVING COUNT(*) > 1", account)).isEmpty();
      Map<Long, String> now = entries(account);
      assertThat(now).containsAllEntriesOf(snapshot).hasSize(entryCount);
      snapshot = now;
    }
  }

  private Map<Long, String> entries(Long account) {
    return jdbc.queryForList("SELECT id, type, amount, credit_limit_change, balance_after, idempotency_key FROM "
        + "ledger_entry WHERE account_id = ?", account).stream().collect(Collectors.toMap(
            r -> ((Number) r.get("id")).longValue(),
            r -> r.get("type") + "|" + r.get("amount") + "|" + r.get("credit_limit_change") + "|"
                + r.get("balance_after") + "|" + r.get("idempotency_key")));
  }

  @Provide
  Arbitrary<List<Op>> sequences() {
    Arbitrary<BigDecimal> amounts = Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("300"))
        .ofScale(2);
    Arbitrary<Integer> which = Arbitraries.integers().between(0, 20);
    Arbitrary<Op> op = Arbitraries.frequencyOf(
        Tuple.of(3, amounts.map(TopUp::new)),
        Tuple.of(2, amounts.map(Charge::new)),
        Tuple.of(1, amounts.map(Limit::new)),
        Tuple.of(1, amounts.map(a -> new Limit(a.negate()))),
        Tuple.of(3, amounts.map(Bill::new)),
        Tuple.of(4, which.map(PayFromBalance::new)),
        Tuple.of(2, which.map(PayByMethod::new)));
    return op.list().ofMinSize(1).ofMaxSize(20);
  }
}
