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
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.NativeExecutionQuery;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The promise expiry sweep (PROM-4, PROM-5 at scale; {@code docs/promised-payments.md#expiry}). Every
 * {@code poll} each node looks for ACTIVE promises whose days are over and closes them in two steps, both in chunks
 * of {@code chunk-size}, {@code threads} chunks at a time:
 * <ol>
 *   <li><b>the money</b>: one chunk is one transaction of {@link PromiseService#expireAll} (commission, withdrawal,
 *       blocks, in batches); each promise it closes is marked for its instance to be told;</li>
 *   <li><b>the instances</b>: one chunk is one transaction that takes marked promises
 *       ({@link PromiseService#takeInstancesToTell}), clears their mark and correlates "Promise expired" to each one's
 *       instance, which then ends: all of a chunk commits or none of it, so a promise stays marked until its instance
 *       has been told.</li>
 * </ol>
 * The money of every due promise comes first: the instances are told a bounded number of chunks at a time, with a
 * look for newly due promises between them, so ending instances (the engine's work, many times the money's) never
 * holds up a balance.
 *
 * <p>Exactly once: the promises are locked in id order, skipping those another transaction holds, and only those still
 * ACTIVE are closed, only those still marked told, so a second sweep (another node, the next poll), a top-up repaying
 * the promise or the process's own timer that got there first finds nothing left to do; the ledger keys are the
 * single close's, unique in the database. A node that dies between the two steps leaves its promises marked: any
 * node's next look tells their instances (or their own backstop timer ends them, moving no money).
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
  /** Chunks of instances told per thread before the sweep looks for newly due promises again. */
  private static final int TELL_ROUNDS_PER_THREAD = 2;

  /**
   * What one sweep did: promises closed (their money) in how many chunks, chunks that failed (of either step),
   * promises left to their timer (of either step), closed promises whose instance was told "Promise expired" (or had
   * none left waiting: ended meanwhile by its own timer), and how long it took.
   */
  public record Swept(int closed, int chunks, int failedChunks, int leftToTheirTimer, int told, Duration took) {
    static final Swept NOTHING = new Swept(0, 0, 0, 0, 0, Duration.ZERO);
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
  /** Closed promises whose instance could not be told on this node: their timer ends them (moving no money). */
  private final Set<Long> untoldLeftToTheirTimer = ConcurrentHashMap.newKeySet();

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

  /**
   * One look: closes every promise due by now and tells the instances of every closed one (a sweep already under way
   * on this node is not doubled).
   */
  public Swept sweep() {
    if (!oneAtATime.tryLock()) {
      return Swept.NOTHING;
    }
    try {
      long started = System.nanoTime();
      Tally closed = new Tally();
      Tally told = new Tally();
      boolean more;
      do {
        closed.add(closeDue(clock.instant()));
        Tally round = tellClosed(settings.threads() * TELL_ROUNDS_PER_THREAD);
        told.add(round);
        more = round.more && round.done > 0;
      } while (more && !Thread.currentThread().isInterrupted());
      if (closed.chunks == 0 && told.chunks == 0) {
        return Swept.NOTHING;
      }
      Swept swept = new Swept(closed.done, closed.chunks, closed.failed + told.failed, closed.left + told.left,
          told.done, Duration.ofNanos(System.nanoTime() - started));
      log.info("Promise expiry sweep: {} promises closed in {} chunks, {} instances told ({} chunks failed, {} left"
          + " to their timer) in {} ms", swept.closed(), swept.chunks(), swept.told(), swept.failedChunks(),
          swept.leftToTheirTimer(), swept.took().toMillis());
      return swept;
    } finally {
      oneAtATime.unlock();
    }
  }

  /** The first step: the money of every promise due by {@code cutoff}. */
  private Tally closeDue(Instant cutoff) {
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
    return runAll(chunks, this::closeMoney, leftToTheirTimer, "closed");
  }

  /** The second step: the instances of at most {@code maxChunks} chunks of closed promises are told. */
  private Tally tellClosed(int maxChunks) {
    List<List<Long>> chunks = new ArrayList<>();
    Set<Long> marked = new HashSet<>();
    long after = 0;
    boolean full = false;
    while (chunks.size() < maxChunks) {
      List<Long> ids = promises.instancePendingIds(after, settings.chunkSize());
      if (ids.isEmpty()) {
        break;
      }
      after = ids.get(ids.size() - 1);
      marked.addAll(ids);
      List<Long> chunk = ids.stream().filter(id -> !untoldLeftToTheirTimer.contains(id)).toList();
      if (!chunk.isEmpty()) {
        chunks.add(chunk);
      }
      full = chunks.size() == maxChunks;
    }
    if (!full) {
      untoldLeftToTheirTimer.retainAll(marked); // told meanwhile (on another node)
    }
    Tally told = runAll(chunks, this::tell, untoldLeftToTheirTimer, "told");
    told.more = full;
    return told;
  }

  /** What a step came to: promises done, chunks, failed chunks, promises left to their timer, whether more wait. */
  private static final class Tally {
    int done;
    int chunks;
    int failed;
    int left;
    boolean more;

    void add(Tally other) {
      done += other.done;
      chunks += other.chunks;
      failed += other.failed;
      left += other.left;
    }
  }

  /** What one chunk came to: promises done, whether the chunk's transaction failed, promises left to their timer. */
  private record ChunkOutcome(int done, boolean failed, int leftToTheirTimer) {}

  private Tally runAll(List<List<Long>> chunks, Function<List<Long>, Integer> work, Set<Long> leftToTimer,
      String what) {
    List<Future<ChunkOutcome>> running = chunks.stream()
        .map(chunk -> workers.submit(() -> doOrSplit(chunk, work, leftToTimer, what))).toList();
    Tally tally = new Tally();
    tally.chunks = chunks.size();
    for (Future<ChunkOutcome> f : running) {
      ChunkOutcome outcome = get(f);
      tally.done += outcome.done();
      tally.failed += outcome.failed() ? 1 : 0;
      tally.left += outcome.leftToTheirTimer();
    }
    return tally;
  }

  private ChunkOutcome doOrSplit(List<Long> chunk, Function<List<Long>, Integer> work, Set<Long> leftToTimer,
      String what) {
    try {
      return new ChunkOutcome(work.apply(chunk), false, 0);
    } catch (RuntimeException chunkFailed) {
      log.warn("Promise expiry sweep: the chunk of promises {}..{} to be {} failed; trying them one by one",
          chunk.get(0), chunk.get(chunk.size() - 1), what, chunkFailed);
    }
    int done = 0;
    int left = 0;
    for (Long id : chunk) {
      try {
        done += work.apply(List.of(id));
      } catch (RuntimeException failed) {
        if (isDatabaseGone(failed)) {
          // nothing to single out: the next poll tries them all again
          log.warn("Promise expiry sweep: the database is unavailable; the next sweep goes on ({})",
              failed.getMessage());
          return new ChunkOutcome(done, true, 0);
        }
        if (isTransient(failed)) {
          // a deadlock, a lock wait that timed out, a concurrent change of its instance: the next poll tries again
          log.warn("Promise expiry sweep: promise {} could not be {} now; the next sweep tries again ({})", id, what,
              failed.toString());
          continue;
        }
        leftToTimer.add(id);
        left++;
        log.warn("Promise expiry sweep: promise {} could not be {}; its process's timer closes it at its backstop"
            + " (and raises an incident should it fail there too)", id, what, failed);
      }
    }
    return new ChunkOutcome(done, true, left);
  }

  /** The money of a chunk in one transaction: the promises closed are marked for their instances to be told. */
  private int closeMoney(List<Long> ids) {
    Integer closed = inTransaction.execute(tx -> promises.expireAll(ids).size());
    return closed == null ? 0 : closed;
  }

  /** A chunk of closed promises' instances told "Promise expired" in one transaction, which clears their mark. */
  private int tell(List<Long> ids) {
    Integer told = inTransaction.execute(tx -> {
      List<Expired> expired = promises.takeInstancesToTell(ids);
      if (expired.isEmpty()) {
        return 0;
      }
      // the running instances by business key in one query (the runtime query takes one key only; history is
      // written with the instance's start), then those of them waiting for "Promise expired" in another (an instance
      // of a definition before the sweep does not wait for it: its own timer finds the promise closed and ends it
      // without moving money again); a correlation per instance would look for its instance again, by a join
      Map<String, Boolean> negativeByInstance = new HashMap<>();
      Map<String, Boolean> negativeByKey = new HashMap<>();
      expired.forEach(e -> negativeByKey.put(String.valueOf(e.promiseId()), e.balanceNegative()));
      historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PromisedPaymentProcess.PROCESS_KEY)
          .unfinished().processInstanceBusinessKeyIn(negativeByKey.keySet().toArray(String[]::new))
          .list().forEach(i -> negativeByInstance.put(i.getId(), negativeByKey.get(i.getBusinessKey())));
      List<Execution> waiting = waitingForExpiry(negativeByInstance.keySet());
      // one engine command for the chunk: its instances' changes are written in one flush, in batches; the balance's
      // sign is a transient variable, read by "Balance negative?" in the same command and not kept (the end event
      // the instance reaches says it)
      engineCommands.asOne(() -> waiting.forEach(execution -> runtimeService.messageEventReceived(
          PromisedPaymentProcess.MESSAGE_EXPIRED, execution.getId(), Variables.createVariables().putValueTyped(
              PromisedPaymentProcess.Variables.BALANCE_NEGATIVE, Variables.booleanValue(
                  negativeByInstance.get(execution.getProcessInstanceId()), true)))));
      return expired.size();
    });
    return told == null ? 0 : told;
  }

  /**
   * The executions of these instances that wait for "Promise expired", in one query (the runtime query takes one
   * instance at a time): by the executions' instance (indexed), joined to their message subscriptions.
   */
  private List<Execution> waitingForExpiry(Collection<String> instanceIds) {
    if (instanceIds.isEmpty()) {
      return List.of();
    }
    NativeExecutionQuery query = runtimeService.createNativeExecutionQuery()
        .parameter("message", PromisedPaymentProcess.MESSAGE_EXPIRED);
    StringJoiner in = new StringJoiner(", ", "(", ")");
    int i = 0;
    for (String id : instanceIds) {
      in.add("#{i" + i + "}");
      query.parameter("i" + i++, id);
    }
    return query.sql("select E.* from ACT_RU_EXECUTION E join ACT_RU_EVENT_SUBSCR S on S.EXECUTION_ID_ = E.ID_"
        + " where E.PROC_INST_ID_ in " + in + " and S.EVENT_TYPE_ = 'message' and S.EVENT_NAME_ = #{message}").list();
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
