package com.resellerhub.billing.account;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountTypeRepository extends JpaRepository<AccountType, Long> {

  List<AccountType> findByResellerIdOrderById(Long resellerId);

  Optional<AccountType> findByResellerIdAndCode(Long resellerId, String code);
}
