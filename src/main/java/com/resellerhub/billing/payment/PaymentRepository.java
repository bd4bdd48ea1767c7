package com.resellerhub.billing.payment;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PaymentRepository extends JpaRepository<Payment, Long> {

  /** Locks the payment's row until the transaction ends ({@code SELECT ... FOR UPDATE}). */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select p from Payment p where p.id = :id")
  Optional<Payment> lock(@Param("id") Long id);

  @Query("select p from Payment p where (:status is null or p.status = :status) and (:type is null or p.type = :type)"
      + " and (:accountId is null or p.accountId = :accountId) order by p.id desc")
  Page<Payment> search(@Param("status") PaymentStatus status, @Param("type") PaymentType type,
      @Param("accountId") Long accountId, Pageable pageable);

  Page<Payment> findByAccountIdOrderByIdDesc(Long accountId, Pageable pageable);

  Optional<Payment> findByActId(Long actId);

  @Query("select p from Payment p join p.orderIds o where o = :orderId and p.status in :statuses")
  List<Payment> ofOrder(@Param("orderId") Long orderId, @Param("statuses") List<PaymentStatus> statuses);

  boolean existsByAccountId(Long accountId);
}
