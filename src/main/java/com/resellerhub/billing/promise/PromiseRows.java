package com.resellerhub.billing.promise;

import com.resellerhub.billing.platform.Jdbc;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The expiry sweep's write of a chunk's closed promises (issue 16), for {@link PromiseService#expireAll} only: the
 * promises are locked as entities and detached at once, so Hibernate never writes them and a later read in the same
 * transaction reads the row; their close (status, end, commission, whether the balance ended below zero, the mark for
 * their instance) is written here in one JDBC batch of just those columns, the optimistic version checked and raised
 * as Hibernate does. Hibernate's own update of a promise writes every column of it, 250 times a chunk; that was two
 * fifths of the money step's time.
 */
@Component
class PromiseRows {

  private final PromisedPaymentRepository promises;
  private final JdbcTemplate jdbc;
  @PersistenceContext private EntityManager entityManager;

  PromiseRows(PromisedPaymentRepository promises, JdbcTemplate jdbc) {
    this.promises = promises;
    this.jdbc = jdbc;
  }

  /**
   * Locks those of the promises no other transaction holds, in id order ({@link
   * PromisedPaymentRepository#lockUnheldById}); the rows stay locked until the transaction ends, the entities are
   * detached: changes made to them are written by {@link #closed} alone (the caller's transaction must not have
   * changed them through JPA before: detaching drops such changes).
   */
  List<PromisedPayment> lockToClose(Collection<Long> sortedIds) {
    List<PromisedPayment> locked = promises.lockUnheldById(sortedIds);
    locked.forEach(entityManager::detach);
    return locked;
  }

  /**
   * Writes the close of these promises (taken by {@link #lockToClose} in this transaction) in one batch; fails, and so
   * rolls the transaction back, when a row's version is not the one read (changed meanwhile, which its lock forbids).
   */
  void closed(List<PromisedPayment> closed) {
    if (closed.isEmpty()) {
      return;
    }
    int written = Jdbc.total(jdbc.batchUpdate("UPDATE promised_payment SET status = ?, ended_at = ?, commission = ?,"
        + " ended_negative = ?, instance_pending = ?, version = version + 1 WHERE id = ? AND version = ?", closed,
        closed.size(), (ps, p) -> {
          ps.setString(1, p.getStatus().name());
          ps.setObject(2, Jdbc.utc(p.getEndedAt()));
          ps.setBigDecimal(3, p.getCommission());
          ps.setBoolean(4, p.isEndedNegative());
          ps.setBoolean(5, p.isInstancePending());
          ps.setLong(6, p.getId());
          ps.setLong(7, p.getVersion());
        }));
    if (written != closed.size()) {
      throw new OptimisticLockingFailureException((closed.size() - written) + " of " + closed.size()
          + " promised payments closed by the sweep were changed by another transaction");
    }
  }
}
