package com.resellerhub.billing.account;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ManagerRepository extends JpaRepository<Manager, Long> {

  List<Manager> findByResellerIdOrderById(Long resellerId);
}
