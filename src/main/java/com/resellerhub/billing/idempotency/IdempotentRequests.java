package com.resellerhub.billing.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.resellerhub.billing.web.BadRequestException;
import com.resellerhub.billing.web.BusinessRuleException;
import com.resellerhub.billing.web.ConflictException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serves POSTs that carry an {@code Idempotency-Key} header exactly once (PAY-6): the first request runs and its
 * answer is stored with a hash of its body; a repeat with the same key (same caller, same endpoint) gets that first
 * answer back (header {@code Idempotent-Replayed: true}) and changes nothing; the same key with a different body is
 * refused with 422. The record is inserted in the same transaction as the work, before it: a concurrent repeat waits
 * on the unique key and then replays. A request that fails writes nothing, so it may be retried with the same key.
 * Records are kept {@code billing.idempotency.retention} (default 7 days, at least the promised 24 hours).
 */
@Service
public class IdempotentRequests {

  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";
  private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");
  private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);

  private final IdempotencyRecordRepository records;
  private final ObjectMapper objectMapper;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private final TransactionTemplate readTransaction;
  private final Duration retention;

  public IdempotentRequests(IdempotencyRecordRepository records, ObjectMapper objectMapper, Clock clock,
      PlatformTransactionManager transactionManager,
      IdempotencySettings settings) {
    this.records = records;
    this.objectMapper = objectMapper;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactionManager);
    this.readTransaction = new TransactionTemplate(transactionManager);
    this.readTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    this.readTransaction.setReadOnly(true);
    this.retention = settings.retention();
  }

  /**
   * Runs {@code action} once per key. Without a key it simply runs it (in a transaction).
   *
   * @param caller the authenticated user
   * @param endpoint a stable name of the operation, e.g. {@code POST /api/customer/orders}
   * @param key the header's value, or null
   * @param request the request body (hashed to recognise a different request under the same key)
   */
  public <T> ResponseEntity<?> run(String caller, String endpoint, String key, Object request,
      Supplier<ResponseEntity<T>> action) {
    if (key == null) {
      return transaction.execute(tx -> action.get());
    }
    if (!VALID_KEY.matcher(key).matches()) {
      throw new BadRequestException(HEADER, "pattern", HEADER + " must be 1 to 128 printable ASCII characters");
    }
    String hash = hash(endpoint, request);
    Optional<ResponseEntity<?>> replay = replay(caller, endpoint, key, hash);
    if (replay.isPresent()) {
      return replay.get();
    }
    try {
      return transaction.execute(tx -> {
        IdempotencyRecord record = records.saveAndFlush(
            new IdempotencyRecord(caller, endpoint, key, hash, clock.instant()));
        ResponseEntity<T> response = action.get();
        record.complete(response.getStatusCode().value(), json(response.getBody()));
        return response;
      });
    } catch (DataIntegrityViolationException concurrentRepeat) {
      // The same key was being served concurrently; its transaction has committed (or rolled back) by now.
      return replay(caller, endpoint, key, hash).orElseThrow(() -> new ConflictException("idempotency-in-progress",
          "A request with this " + HEADER + " is being served; retry shortly"));
    }
  }

  private Optional<ResponseEntity<?>> replay(String caller, String endpoint, String key, String hash) {
    return readTransaction.execute(tx -> records.find(caller, endpoint, key).map(record -> {
      if (!record.getRequestHash().equals(hash)) {
        throw new BusinessRuleException("idempotency-key-reused", HEADER,
            "This " + HEADER + " was already used for a different request");
      }
      if (record.getResponseStatus() == null) {
        throw new ConflictException("idempotency-in-progress",
            "A request with this " + HEADER + " is being served; retry shortly");
      }
      // The stored JSON text as it was first sent: byte for byte, so amounts keep their exact decimals.
      ResponseEntity.BodyBuilder replayed = ResponseEntity.status(record.getResponseStatus())
          .header(REPLAYED_HEADER, "true");
      return record.getResponseBody() == null ? replayed.build()
          : replayed.contentType(record.getResponseStatus() >= 400 ? MediaType.APPLICATION_PROBLEM_JSON
              : MediaType.APPLICATION_JSON).body(record.getResponseBody());
    }));
  }

  @Scheduled(cron = "${billing.idempotency.cleanup-cron:0 17 3 * * *}")
  public void forgetOldKeys() {
    int deleted = transaction.execute(tx -> records.deleteOlderThan(clock.instant().minus(retention)));
    if (deleted > 0) {
      log.info("Forgot {} idempotency keys older than {}", deleted, retention);
    }
  }

  private String hash(String endpoint, Object request) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(endpoint.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(objectMapper.writeValueAsBytes(objectMapper.valueToTree(request)));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String json(Object body) {
    try {
      String json = body == null ? null : objectMapper.writeValueAsString(body);
      if (json != null && json.length() > 12000) {
        log.warn("Response too large to keep for replay ({} characters); a replay answers its status without a body", json.length());
        return null;
      }
      return json;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
