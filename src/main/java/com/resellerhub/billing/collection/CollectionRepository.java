package com.resellerhub.billing.collection;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CollectionRepository extends JpaRepository<Collection, Long> {

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from Collection c where c.paymentId = :id")
  Optional<Collection> lock(@Param("id") Long paymentId);

  @Query("select c.paymentId from Collection c where c.paymentId in :ids")
  List<Long> existing(@Param("ids") java.util.Collection<Long> paymentIds);

  @Query("select c.paymentId from Collection c where c.paymentId in :ids and c.status = com.resellerhub.billing.collection.CollectionStatus.OPEN")
  List<Long> open(@Param("ids") java.util.Collection<Long> paymentIds);

  List<Collection> findByAccountIdOrderByPaymentIdDesc(Long accountId);

  boolean existsByAccountIdAndReviewOpenTrue(Long accountId);

  long countByStatus(CollectionStatus status);

  long countByReviewOpenTrue();
}
