package com.resellerhub.billing.account;

import java.util.Collection;
import java.util.List;
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

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select a from Account a where a.id in :ids order by a.id")
  List<Account> lockAllById(@Param("ids") Collection<Long> ids);

  boolean existsByResellerIdAndName(Long resellerId, String name);

  /** The names an account's view shows with it: its type's, its service rule's and its manager's (the reseller's). */
  interface ShownNames {
    String getAccountType();

    String getServiceRule();

    String getManager();
  }

  /** {@link ShownNames} in one query, without the type's attribute definitions. */
  @Query("select t.name as accountType, r.name as serviceRule, m.name as manager from Account a"
      + " left join AccountType t on t.id = a.accountTypeId and t.resellerId = a.resellerId"
      + " left join ServiceRule r on r.id = a.serviceRuleId and r.resellerId = a.resellerId"
      + " left join Manager m on m.id = a.managerId and m.resellerId = a.resellerId"
      + " where a.id = :id")
  ShownNames shownNames(@Param("id") Long id);
}
