package com.resellerhub.billing.collection;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CollectionReminderRepository extends JpaRepository<CollectionReminder, Long> {

  boolean existsByPaymentIdAndKind(Long paymentId, ReminderKind kind);

  List<CollectionReminder> findByPaymentIdOrderByIdAsc(Long paymentId);
}
