package com.resellerhub.billing.billingday;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface BillingDayChunkRepository extends JpaRepository<BillingDayChunk, Long> {

  /** Locks the chunk's row until the transaction ends: a second settlement of it waits, then finds it SETTLED. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from BillingDayChunk c where c.id = :id")
  Optional<BillingDayChunk> lock(@Param("id") Long id);

  List<BillingDayChunk> findByRunIdOrderByChunkNo(Long runId);
}
