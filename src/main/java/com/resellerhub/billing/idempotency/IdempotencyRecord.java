package com.resellerhub.billing.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A served request with an {@code Idempotency-Key}: who sent it, where, a hash of its body, and the first answer. */
@Entity
@Table(name = "idempotency_record")
class IdempotencyRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 64)
  private String caller;

  @Column(nullable = false, length = 200)
  private String endpoint;

  @Column(name = "idempotency_key", nullable = false, length = 128)
  private String key;

  @Column(name = "request_hash", nullable = false, length = 64)
  private String requestHash;

  @Column(name = "response_status")
  private Integer responseStatus;

  @Column(name = "response_body", length = 12000)
  private String responseBody;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected IdempotencyRecord() {}

  IdempotencyRecord(String caller, String endpoint, String key, String requestHash, Instant createdAt) {
    this.caller = caller;
    this.endpoint = endpoint;
    this.key = key;
    this.requestHash = requestHash;
    this.createdAt = createdAt;
  }

  void complete(int status, String body) {
    this.responseStatus = status;
    this.responseBody = body;
  }

  String getRequestHash() {
    return requestHash;
  }

  Integer getResponseStatus() {
    return responseStatus;
  }

  String getResponseBody() {
    return responseBody;
  }
}
