package com.resellerhub.billing.promise;

import org.springframework.data.jpa.repository.JpaRepository;

interface PromiseReceiptRepository extends JpaRepository<PromiseReceipt, Long> {

  boolean existsByPromiseIdAndLedgerEntryId(Long promiseId, Long ledgerEntryId);
}
