package com.resellerhub.billing.idempotency;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface IdempotencyRecordRepository extends JpaRepository<IdempotencyRecord, Long> {

  @Query("select r from IdempotencyRecord r where r.caller = :caller and r.endpoint = :endpoint and r.key = :key")
  Optional<IdempotencyRecord> find(@Param("caller") String caller, @Param("endpoint") String endpoint,
      @Param("key") String key);

  @Modifying
  @Query("delete from IdempotencyRecord r where r.createdAt < :before")
  int deleteOlderThan(@Param("before") Instant before);
}
