package com.resellerhub.billing.account;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountEventRepository extends JpaRepository<AccountEvent, Long> {

  Page<AccountEvent> findByAccountIdOrderByIdDesc(Long accountId, Pageable pageable);

  Page<AccountEvent> findByAccountIdAndCustomerVisibleTrueOrderByIdDesc(Long accountId, Pageable pageable);
}
