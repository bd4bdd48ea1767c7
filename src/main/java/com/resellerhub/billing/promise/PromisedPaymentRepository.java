package com.resellerhub.billing.promise;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

interface PromisedPaymentRepository extends JpaRepository<PromisedPayment, Long> {

  List<PromisedPayment> findByAccountIdOrderByIdDesc(Long accountId);

  Page<PromisedPayment> findByAccountIdOrderByIdDesc(Long accountId, Pageable pageable);

  Page<PromisedPayment> findAllByOrderByIdDesc(Pageable pageable);

  Page<PromisedPayment> findByStatusOrderByIdDesc(PromiseStatus status, Pageable pageable);

  List<PromisedPayment> findByAccountIdAndStatusIn(Long accountId, Collection<PromiseStatus> statuses);

  Optional<PromisedPayment> findByIdAndAccountId(Long id, Long accountId);

  List<PromisedPayment> findByAccountIdInAndStatusInOrderByIdDesc(Collection<Long> accountIds,
      Collection<PromiseStatus> statuses);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select p from PromisedPayment p where p.id = :id")
  Optional<PromisedPayment> lockById(@Param("id") Long id);

  /**
   * Locks those of the promises no other transaction holds ({@code FOR UPDATE SKIP LOCKED} where the database has it:
   * MySQL 8, MariaDB 10.6+; H2 waits instead), in id order. A second sweep (another node) takes the promises the first
   * has not reached instead of waiting for it; a promise held by a top-up or its own step is left to the next look.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
  @Query("select p from PromisedPayment p where p.id in :ids order by p.id")
  List<PromisedPayment> lockUnheldById(@Param("ids") Collection<Long> ids);

  @Query("select p.id from PromisedPayment p where p.status = :status and p.endsAt <= :cutoff and p.id > :afterId"
      + " order by p.id")
  List<Long> findDueIds(@Param("status") PromiseStatus status, @Param("cutoff") java.time.Instant cutoff,
      @Param("afterId") long afterId, Pageable pageable);

  @Query("select p.id from PromisedPayment p where p.instancePending = true and p.id > :afterId order by p.id")
  List<Long> findInstancePendingIds(@Param("afterId") long afterId, Pageable pageable);

  @Query("select p from PromisedPayment p where p.accountId = :accountId and p.endedNegative = true"
      + " and p.settledAt is null")
  List<PromisedPayment> findUnsettled(@Param("accountId") Long accountId);
}
