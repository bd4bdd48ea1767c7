package com.resellerhub.billing.reseller;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ResellerRepository extends JpaRepository<Reseller, Long> {

  Optional<Reseller> findByCode(String code);
}
