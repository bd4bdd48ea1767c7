package com.resellerhub.billing.reseller;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface SettingChangeRepository extends JpaRepository<SettingChange, Long> {

  Page<SettingChange> findByResellerIdOrderByIdDesc(Long resellerId, Pageable pageable);
}
