package com.resellerhub.billing.subscription;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SubscriptionEventRepository extends JpaRepository<SubscriptionEvent, Long> {

  List<SubscriptionEvent> findBySubscriptionIdOrderByIdAsc(Long subscriptionId);
}
