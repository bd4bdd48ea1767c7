package com.resellerhub.billing.autodebit;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AutoDebitChunkRepository extends JpaRepository<AutoDebitChunk, Long> {

  /** Locks the chunk's row until the transaction ends: a second settlement of it waits, then finds it SETTLED. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from AutoDebitChunk c where c.id = :id")
  Optional<AutoDebitChunk> lock(@Param("id") Long id);

  List<AutoDebitChunk> findByRunIdOrderByChunkNo(Long runId);
}
