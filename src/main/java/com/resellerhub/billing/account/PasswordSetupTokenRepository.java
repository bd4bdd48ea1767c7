package com.resellerhub.billing.account;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PasswordSetupTokenRepository extends JpaRepository<PasswordSetupToken, Long> {

  Optional<PasswordSetupToken> findByTokenHash(String tokenHash);

  List<PasswordSetupToken> findByUserIdAndUsedAtIsNull(String userId);
}
