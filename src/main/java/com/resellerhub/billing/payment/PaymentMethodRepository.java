package com.resellerhub.billing.payment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentMethodRepository extends JpaRepository<PaymentMethod, Long> {

  Optional<PaymentMethod> findByCode(String code);

  List<PaymentMethod> findByActiveTrueOrderByCode();
}
