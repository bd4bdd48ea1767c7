package com.resellerhub.billing.order;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrderRepository extends JpaRepository<Order, Long> {

  List<Order> findByAccountIdAndStatusOrderByIdAsc(Long accountId, OrderStatus status);

  Page<Order> findByAccountIdOrderByIdDesc(Long accountId, Pageable pageable);

  Page<Order> findByStatusOrderByIdDesc(OrderStatus status, Pageable pageable);

  Page<Order> findAllByOrderByIdDesc(Pageable pageable);

  List<Order> findBySubscriptionIdAndStatusAndTypeInOrderByIdAsc(Long subscriptionId, OrderStatus status,
      java.util.Collection<OrderType> types);
}
