package com.resellerhub.billing.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
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
    return blockAll(new TreeMap<>(Map.of(accountId, detail)), cause, actor).contains(accountId);
  }

  /**
   * Puts the cause in force on many accounts at once, each with its detail, as {@link #block} does for one (the
   * promise expiry sweep's chunk): the accounts are locked in id order in one query, their causes in force read in
   * another, the new blocks and the event log's entries written in batches, and one {@link AccountBlocked} names the
   * accounts it blocked. Returns the accounts on which the cause was not in force before.
   */
  @Transactional
  public Set<Long> blockAll(SortedMap<Long, String> detailByAccount, BlockCause cause, String actor) {
    if (detailByAccount.isEmpty()) {
      return Set.of();
    }
    Map<Long, Account> locked = accounts.lockAll(detailByAccount.keySet());
    Set<Long> inForce = blocks.findByAccountIdInAndLiftedAtIsNull(detailByAccount.keySet()).stream()
        .filter(b -> b.getCause() == cause).map(AccountBlock::getAccountId).collect(Collectors.toSet());
    Instant now = clock.instant();
    Set<Long> put = new LinkedHashSet<>();
    List<AccountBlock> newBlocks = new ArrayList<>();
    List<AccountEventLog.Entry> entries = new ArrayList<>();
    List<Long> blockedNow = new ArrayList<>();
    detailByAccount.forEach((accountId, detail) -> {
      if (inForce.contains(accountId)) {
        return;
      }
      put.add(accountId);
      newBlocks.add(new AccountBlock(accountId, cause, detail, actor, now));
      Account account = locked.get(accountId);
      if (account.getStatus() == AccountStatus.ACTIVE) {
        account.status(AccountStatus.BLOCKED);
        entries.add(new AccountEventLog.Entry(accountId, AccountEventType.BLOCKED, actor, true, cause + ": " + detail));
        blockedNow.add(accountId);
      } else {
        entries.add(new AccountEventLog.Entry(accountId, AccountEventType.BLOCKED, actor, false, "Also " + cause + ": "
            + detail));
      }
    });
    blocks.saveAll(newBlocks);
    eventLog.recordAll(entries);
    if (!blockedNow.isEmpty()) {
      events.publishEvent(new AccountBlocked(List.copyOf(blockedNow), cause));
    }
    return put;
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
