package com.resellerhub.billing.order.process;

import org.camunda.bpm.engine.TaskService;
import com.resellerhub.billing.account.AccountOwners;
import com.resellerhub.billing.account.Account;
import com.resellerhub.billing.account.AccountService;
import com.resellerhub.billing.account.AccountType;
import com.resellerhub.billing.account.Manager;
import com.resellerhub.billing.account.ReferenceDataService;
import com.resellerhub.billing.catalog.Plan;
import com.resellerhub.billing.catalog.PlanService;
import com.resellerhub.billing.ledger.BalanceService;
import com.resellerhub.billing.order.Order;
import com.resellerhub.billing.order.PostpayReviews;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Starts the postpay-approval process for an order (PP-3), with the facts the reviewing manager reads in the form:
 * account, type, owner, manager, balance, age, and the pending order's plan, price and trial flag.
 */
@Component
public class PostpayReviewRequester implements PostpayReviews {

  private final PostpayApprovalStarter starter;
  private final AccountService accounts;
  private final ReferenceDataService referenceData;
  private final PlanService plans;
  private final BalanceService balances;
  private final Clock clock;
  private final AccountOwners owners;
  private final TaskService tasks;

  public PostpayReviewRequester(PostpayApprovalStarter starter, AccountService accounts,
      ReferenceDataService referenceData, PlanService plans, BalanceService balances,
      Clock clock, AccountOwners owners, TaskService tasks) {
    this.tasks = tasks;
    this.owners = owners;
    this.starter = starter;
    this.accounts = accounts;
    this.referenceData = referenceData;
    this.plans = plans;
    this.balances = balances;
    this.clock = clock;
  }

  @Override
  public void requestReview(Order order) {
    long accountId = order.getAccountId();
    long orderId = order.getId();
    Account account = accounts.get(accountId);
    Plan plan = plans.get(order.getPlanId());
    String type = account.getAccountTypeId() == null ? null
        : referenceData.accountType(account.getAccountTypeId()).map(AccountType::getName).orElse(null);
    String manager = account.getManagerId() == null ? null
        : referenceData.manager(account.getManagerId()).map(Manager::getName).orElse(null);
    String owner = owners.ownerInfo(accountId).map(AccountOwners.OwnerInfo::name).orElse(null);
    BalanceService.Balance balance = balances.balance(accountId);
    long ageDays = Math.max(0, Duration.between(account.getCreatedAt(), clock.instant()).toDays());
    starter.start(accountId, orderId, new ReviewFacts(account.getName(), type, owner, manager, balance.balance(),
        balance.currency(), ageDays, plan.getName(), order.getPrice(), plan.getPeriod().toString(),
        order.isTrial()));
  }

  @Override
  public long openCount() {
    return tasks.createTaskQuery().processDefinitionKey(PostpayApproval.PROCESS_KEY)
        .taskDefinitionKey(PostpayApproval.Elements.REVIEW_TASK).count();
  }
}
