package com.resellerhub.billing.account;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import jakarta.persistence.LockModeType;

public interface AccountRepository extends JpaRepository<Account, Long> {

  @Query("select a from Account a where a.resellerId = :resellerId"
      + " and (:status is null or a.status = :status)"
      + " and (:permission is null or a.postpayPermission = :permission)")
  Page<Account> search(@Param("resellerId") Long resellerId, @Param("status") AccountStatus status,
      @Param("permission") PostpayPermission permission, Pageable pageable);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select a from Account a where a.id = :id")
  Optional<Account> lockById(@Param("id") Long id);

  boolean existsByResellerIdAndName(Long resellerId, String name);
}
