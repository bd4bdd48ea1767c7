package com.resellerhub.billing.promise;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PromiseOfferRepository extends JpaRepository<PromiseOffer, Long> {

  List<PromiseOffer> findByResellerIdOrderByIdAsc(Long resellerId);

  Optional<PromiseOffer> findByIdAndResellerId(Long id, Long resellerId);

  boolean existsByResellerIdAndName(Long resellerId, String name);
}
