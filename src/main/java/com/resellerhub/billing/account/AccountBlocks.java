package com.resellerhub.billing.account;

import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's blocks, each with its cause ({@link BlockCause}). The account is BLOCKED while any cause is in force:
 * the first cause blocks it ({@link AccountBlocked}: its active subscriptions are suspended in the same transaction),
 * lifting the last one makes it active again ({@link AccountUnblocked}: its suspended subscriptions resume), and
 * lifting one cause leaves the others in force. Putting a cause in force twice, or lifting one that is not, changes
 * nothing. Every change holds the account's row lock and is written to its event log.
 */
@Service
public class AccountBlocks {

  /** A cause in force, as the operator sees it. */
  public record Block(BlockCause cause, String detail, String blockedBy, java.time.Instant blockedAt) {
    static Block of(AccountBlock b) {
      return new Block(b.getCause(), b.getDetail(), b.getBlockedBy(), b.getBlockedAt());
    }
  }

  private final AccountService accounts;
  private final AccountBlockRepository blocks;
  private final AccountEventLog eventLog;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  public AccountBlocks(AccountService accounts, AccountBlockRepository blocks, AccountEventLog eventLog,
      ApplicationEventPublisher events, Clock clock) {
    this.accounts = accounts;
    this.blocks = blocks;
    this.eventLog = eventLog;
    this.events = events;
    this.clock = clock;
  }

  /** Puts the cause in force; blocks the account if it was active. True when the cause was not in force before. */
  @Transactional
  public boolean block(Long accountId, BlockCause cause, String actor, String detail) {
    Account account = accounts.lock(accountId);
    List<AccountBlock> inForce = blocks.findByAccountIdAndLiftedAtIsNullOrderById(accountId);
    if (inForce.stream().anyMatch(b -> b.getCause() == cause)) {
      return false;
    }
    blocks.save(new AccountBlock(accountId, cause, detail, actor, clock.instant()));
    if (account.getStatus() == AccountStatus.ACTIVE) {
      account.status(AccountStatus.BLOCKED);
      eventLog.record(accountId, AccountEventType.BLOCKED, actor, true, cause + ": " + detail);
      events.publishEvent(new AccountBlocked(accountId, cause));
    } else {
      eventLog.record(accountId, AccountEventType.BLOCKED, actor, false, "Also " + cause + ": " + detail);
    }
    return true;
  }

  /** Lifts the cause; the account becomes active when no other cause is in force. True when it was in force. */
  @Transactional
  public boolean lift(Long accountId, BlockCause cause, String actor, String detail) {
    Account account = accounts.lock(accountId);
    List<AccountBlock> inForce = blocks.findByAccountIdAndLiftedAtIsNullOrderById(accountId);
    List<AccountBlock> lifted = inForce.stream().filter(b -> b.getCause() == cause).toList();
    if (lifted.isEmpty()) {
      return false;
    }
    lifted.forEach(b -> b.lift(actor, clock.instant(), detail));
    boolean othersRemain = inForce.size() > lifted.size();
    if (!othersRemain && account.getStatus() == AccountStatus.BLOCKED) {
      account.status(AccountStatus.ACTIVE);
      eventLog.record(accountId, AccountEventType.UNBLOCKED, actor, true, cause + " lifted: " + detail);
      events.publishEvent(new AccountUnblocked(accountId, cause));
    } else {
      eventLog.record(accountId, AccountEventType.UNBLOCKED, actor, false, cause + " lifted: " + detail
          + "; still blocked for " + inForce.stream().filter(b -> b.getCause() != cause).map(AccountBlock::getCause)
          .distinct().toList());
    }
    return true;
  }

  /** The causes in force, oldest first (empty for an active account). */
  @Transactional(readOnly = true)
  public List<Block> inForce(Long accountId) {
    return blocks.findByAccountIdAndLiftedAtIsNullOrderById(accountId).stream().map(Block::of).toList();
  }
}
