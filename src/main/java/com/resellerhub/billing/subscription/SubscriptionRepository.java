package com.resellerhub.billing.subscription;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SubscriptionRepository extends JpaRepository<Subscription, Long> {

  Optional<Subscription> findByOrderId(Long orderId);

  List<Subscription> findByAccountIdOrderByIdDesc(Long accountId);

  List<Subscription> findByAccountIdInOrderById(Collection<Long> accountIds);

  long countByStatus(SubscriptionStatus status);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select s from Subscription s where s.id = :id")
  Optional<Subscription> lockById(@Param("id") Long id);

  @Query("select s from Subscription s where s.cancelledAt is not null and s.status <> 'TERMINATED'"
      + " and s.expiresOn <= :today order by s.id")
  List<Subscription> cancelledAndExpired(@Param("today") java.time.LocalDate today);

  @Query("select s from Subscription s where (:status is null or s.status = :status)"
      + " and (:planId is null or s.planId = :planId) order by s.id desc")
  Page<Subscription> search(@Param("status") SubscriptionStatus status, @Param("planId") Long planId,
      Pageable pageable);
}
