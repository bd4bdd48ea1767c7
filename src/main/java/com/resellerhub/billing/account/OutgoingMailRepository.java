package com.resellerhub.billing.account;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface OutgoingMailRepository extends JpaRepository<OutgoingMail, Long> {

  List<OutgoingMail> findByAccountIdOrderById(Long accountId);
}
