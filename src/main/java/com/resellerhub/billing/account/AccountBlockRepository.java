package com.resellerhub.billing.account;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountBlockRepository extends JpaRepository<AccountBlock, Long> {

  List<AccountBlock> findByAccountIdAndLiftedAtIsNullOrderById(Long accountId);

  List<AccountBlock> findByAccountIdOrderByIdDesc(Long accountId);

  List<AccountBlock> findByAccountIdInAndLiftedAtIsNull(Collection<Long> accountIds);
}
