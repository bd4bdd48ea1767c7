package com.resellerhub.billing.promise.process;

import com.resellerhub.billing.process.EngineCommands;
import com.resellerhub.billing.promise.PromiseExpirySettings;
import com.resellerhub.billing.promise.PromiseService;
import com.resellerhub.billing.promise.PromiseService.Expired;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The promise expiry sweep (PROM-4, PROM-5 at scale; {@code docs/promised-payments.md#expiry}). Every
 * {@code poll} each node looks for ACTIVE promises whose days are over and closes them in chunks of
 * {@code chunk-size}, {@code threads} chunks at a time. One chunk is one transaction: {@link PromiseService#expireAll}
 * (commission, withdrawal, blocks, in batches) and, for each promise it closed, "Promise expired" correlated to the
 * promise's instance, which then ends. Either all of a chunk commits or none of it.
 *
 * <p>Exactly once: the promises are locked in id order and only those still ACTIVE are closed, so a second sweep
 * (another node, the next poll), a top-up repaying the promise or the process's own timer that got there first is
 * waited for and then finds nothing left to do; the ledger keys are the single close's, unique in the database.
 *
 * <p>A chunk that fails (the database away, a deadlock) is tried again promise by promise; a promise that still fails
 * is left to its own process's timer ({@code closeBy}, the backstop), whose job is retried and ends in an incident
 * Cockpit shows. When the database is back, the next poll goes on where the failed one stopped.
 */
@Component
public class PromiseExpirySweep {

  private static final Logger log = LoggerFactory.getLogger(PromiseExpirySweep.class);
  /** Due promises read per look; the rest are taken by the next poll. */
  private static final int MAX_PER_SWEEP = 200_000;

  /** What one sweep did. */
  public record Swept(int closed, int chunks, int failedChunks, int leftToTheirTimer, Duration took) {
    static final Swept NOTHING = new Swept(0, 0, 0, 0, Duration.ZERO);
  }

  private final PromiseService promises;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final EngineCommands engineCommands;
  private final PromiseExpirySettings settings;
  private final Clock clock;
  private final TransactionTemplate inTransaction;
  private final ExecutorService workers;
  private final ReentrantLock oneAtATime = new ReentrantLock();
  /** Promises whose single close failed on this node: their timer closes them (or raises the incident). */
  private final Set<Long> leftToTheirTimer = ConcurrentHashMap.newKeySet();

  public PromiseExpirySweep(PromiseService promises, RuntimeService runtimeService, HistoryService historyService,
      EngineCommands engineCommands, PromiseExpirySettings settings, Clock clock,
      PlatformTransactionManager transactionManager) {
    this.promises = promises;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.engineCommands = engineCommands;
    this.settings = settings;
    this.clock = clock;
    this.inTransaction = new TransactionTemplate(transactionManager);
    CustomizableThreadFactory threads = new CustomizableThreadFactory("promise-expiry-");
    threads.setDaemon(true);
    this.workers = Executors.newFixedThreadPool(settings.threads(), threads);
  }

  @Scheduled(fixedDelayString = "${billing.promises.expiry-sweep.poll:PT2S}",
      initialDelayString = "${billing.promises.expiry-sweep.poll:PT2S}")
  void poll() {
    if (!settings.enabled()) {
      return;
    }
    try {
      sweep();
    } catch (RuntimeException e) {
      log.warn("Promise expiry sweep failed; the next one in {} goes on", settings.poll(), e);
    }
  }

  /** One look: closes every promise due by now (a sweep already under way on this node is not doubled). */
  public Swept sweep() {
    if (!oneAtATime.tryLock()) {
      return Swept.NOTHING;
    }
    try {
      return sweepDue(clock.instant());
    } finally {
      oneAtATime.unlock();
    }
  }

  private Swept sweepDue(Instant cutoff) {
    long started = System.nanoTime();
    List<List<Long>> chunks = new ArrayList<>();
    Set<Long> due = new HashSet<>();
    long after = 0;
    int read = 0;
    while (read < MAX_PER_SWEEP) {
      List<Long> ids = promises.dueIds(cutoff, after, settings.chunkSize());
      if (ids.isEmpty()) {
        break;
      }
      after = ids.get(ids.size() - 1);
      read += ids.size();
      due.addAll(ids);
      List<Long> chunk = ids.stream().filter(id -> !leftToTheirTimer.contains(id)).toList();
      if (!chunk.isEmpty()) {
        chunks.add(chunk);
      }
    }
    if (read < MAX_PER_SWEEP) {
      leftToTheirTimer.retainAll(due); // closed meanwhile (by their timer): forgotten
    }
    if (chunks.isEmpty()) {
      return Swept.NOTHING;
    }
    List<Future<ChunkOutcome>> running = chunks.stream().map(chunk -> workers.submit(() -> closeOrSplit(chunk)))
        .toList();
    int closed = 0;
    int failedChunks = 0;
    int left = 0;
    for (Future<ChunkOutcome> f : running) {
      ChunkOutcome outcome = get(f);
      closed += outcome.closed();
      failedChunks += outcome.failed() ? 1 : 0;
      left += outcome.leftToTheirTimer();
    }
    Swept swept = new Swept(closed, chunks.size(), failedChunks, left, Duration.ofNanos(System.nanoTime() - started));
    log.info("Promise expiry sweep: {} promises closed in {} chunks ({} failed, {} left to their timer) in {} ms",
        swept.closed(), swept.chunks(), swept.failedChunks(), swept.leftToTheirTimer(), swept.took().toMillis());
    return swept;
  }

  /** What one chunk came to: promises closed, whether the chunk's transaction failed, promises left to their timer. */
  private record ChunkOutcome(int closed, boolean failed, int leftToTheirTimer) {}

  private ChunkOutcome closeOrSplit(List<Long> chunk) {
    try {
      return new ChunkOutcome(close(chunk), false, 0);
    } catch (RuntimeException chunkFailed) {
      log.warn("Promise expiry sweep: the chunk of promises {}..{} failed; closing them one by one", chunk.get(0),
          chunk.get(chunk.size() - 1), chunkFailed);
    }
    int closed = 0;
    int left = 0;
    for (Long id : chunk) {
      try {
        closed += close(List.of(id));
      } catch (RuntimeException failed) {
        if (isDatabaseGone(failed)) {
          // nothing to single out: the next poll tries them all again
          log.warn("Promise expiry sweep: the database is unavailable; the next sweep goes on ({})",
              failed.getMessage());
          return new ChunkOutcome(closed, true, 0);
        }
        if (isTransient(failed)) {
          // a deadlock, a lock wait that timed out, a concurrent change of its instance: the next poll tries again
          log.warn("Promise expiry sweep: promise {} could not be closed now; the next sweep tries again ({})", id,
              failed.toString());
          continue;
        }
        leftToTheirTimer.add(id);
        left++;
        log.warn("Promise expiry sweep: promise {} could not be closed; its process's timer closes it at its"
            + " backstop (and raises an incident should it fail there too)", id, failed);
      }
    }
    return new ChunkOutcome(closed, true, left);
  }

  private int close(List<Long> ids) {
    Integer closed = inTransaction.execute(tx -> {
      List<Expired> expired = promises.expireAll(ids);
      if (expired.isEmpty()) {
        return 0;
      }
      // the running instances by business key in one query (the runtime query takes one key only; history is
      // written with the instance's start), then each told by its id: a correlation by business key alone looks
      // through every instance waiting for the message, 25 ms each at 1,000 waiting
      Map<String, String> instanceByKey = new HashMap<>();
      historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PromisedPaymentProcess.PROCESS_KEY)
          .unfinished().processInstanceBusinessKeyIn(expired.stream().map(e -> String.valueOf(e.promiseId()))
              .toArray(String[]::new))
          .list().forEach(i -> instanceByKey.put(i.getBusinessKey(), i.getId()));
      // one engine command for the chunk: its instances' changes are written in one flush, in batches
      engineCommands.asOne(() -> {
        for (Expired e : expired) {
          String instance = instanceByKey.get(String.valueOf(e.promiseId()));
          if (instance == null) {
            // no instance of it runs: closed all the same (the money is right), nothing to end
            log.warn("Promise expiry sweep: promise {} has no running instance to tell", e.promiseId());
            continue;
          }
          // correlateAll: an instance of a definition before the sweep does not wait for the message; its own timer
          // then finds the promise closed and ends it without moving money again
          runtimeService.createMessageCorrelation(PromisedPaymentProcess.MESSAGE_EXPIRED).processInstanceId(instance)
              .setVariable(PromisedPaymentProcess.Variables.BALANCE_NEGATIVE, e.balanceNegative())
              .correlateAll();
        }
      });
      return expired.size();
    });
    return closed == null ? 0 : closed;
  }

  /** The database is away (no connection, a connection lost): not a fault of one promise. */
  private static boolean isDatabaseGone(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof org.springframework.dao.DataAccessResourceFailureException
          || t instanceof org.springframework.dao.RecoverableDataAccessException
          || t instanceof org.springframework.transaction.CannotCreateTransactionException
          || t instanceof java.net.ConnectException) {
        return true;
      }
      // the drivers' own (java.sql's SQLNonTransientConnectionException, SQLRecoverableException, Connector/J's
      // CommunicationsException), as the engine passes them on untranslated
      String name = t.getClass().getSimpleName();
      if (name.contains("Connection") || name.contains("Communications") || name.contains("Recoverable")) {
        return true;
      }
    }
    return false;
  }

  /** Worth another try later: a deadlock or lock timeout, or the engine's optimistic lock on an instance. */
  private static boolean isTransient(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof org.springframework.dao.TransientDataAccessException
          || t instanceof org.camunda.bpm.engine.OptimisticLockingException
          || t.getClass().getSimpleName().startsWith("SQLTransient")
          || t.getClass().getSimpleName().contains("Deadlock")) {
        return true;
      }
    }
    return false;
  }

  private static ChunkOutcome get(Future<ChunkOutcome> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  @PreDestroy
  void stop() {
    workers.shutdownNow();
  }
}
