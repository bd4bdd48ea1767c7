package com.resellerhub.billing.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the APIs show of the ledger. */
public final class LedgerViews {

  private LedgerViews() {}

  public record EntryView(Long id, EntryType type, BigDecimal amount, BigDecimal creditLimitChange,
      BigDecimal balanceAfter, BigDecimal creditLimitAfter, String referenceType, Long referenceId,
      String description, String actor, Instant createdAt) {}

  public record EntryPage(List<EntryView> content, int page, int size, long totalElements, int totalPages) {}

  public static EntryView of(LedgerEntry e) {
    return new EntryView(e.getId(), e.getType(), e.getAmount(), e.getCreditLimitChange(), e.getBalanceAfter(),
        e.getCreditLimitAfter(), e.getReferenceType(), e.getReferenceId(), e.getDescription(), e.getActor(),
        e.getCreatedAt());
  }
}
