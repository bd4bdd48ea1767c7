package com.resellerhub.billing.reseller;

import org.springframework.data.jpa.repository.JpaRepository;

interface StoredSettingsRepository extends JpaRepository<StoredSettings, Long> {}
