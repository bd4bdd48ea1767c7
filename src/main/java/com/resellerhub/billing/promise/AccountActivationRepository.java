package com.resellerhub.billing.promise;

import org.springframework.data.jpa.repository.JpaRepository;

interface AccountActivationRepository extends JpaRepository<AccountActivation, Long> {}
