package com.resellerhub.billing.account;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountUserRepository extends JpaRepository<AccountUser, Long> {

  Optional<AccountUser> findByUserId(String userId);

  Optional<AccountUser> findFirstByAccountIdAndRole(Long accountId, AccountUserRole role);
}
