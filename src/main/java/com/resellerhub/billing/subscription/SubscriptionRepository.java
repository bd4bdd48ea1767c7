package com.resellerhub.billing.subscription;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SubscriptionRepository extends JpaRepository<Subscription, Long> {

  Optional<Subscription> findByOrderId(Long orderId);

  List<Subscription> findByAccountIdOrderByIdDesc(Long accountId);
}
