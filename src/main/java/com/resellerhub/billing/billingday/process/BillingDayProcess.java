package com.resellerhub.billing.billingday.process;

/**
 * Names of the billing day's processes (PAY-4, PAY-5, PAY-6): {@code processes/auto-debit.bpmn}, one instance per
 * day (business key {@code <reseller>:<date>}), and {@code processes/auto-debit-chunk.bpmn}, one instance per chunk
 * (business key {@code <reseller>:<date>:chunk:<n>}) so chunks run in parallel as separate jobs, each retried and
 * turned into its own incident when it keeps failing.
 */
public final class BillingDayProcess {

  public static final String PROCESS_KEY = "auto-debit";
  public static final String RESOURCE = "processes/auto-debit.bpmn";
  public static final String CHUNK_PROCESS_KEY = "auto-debit-chunk";
  public static final String CHUNK_RESOURCE = "processes/auto-debit-chunk.bpmn";
  /** Starts the run of a date now (operator API, demo); variable {@code businessDate} (yyyy-MM-dd) optional. */
  public static final String MESSAGE_RUN_REQUESTED = "AutoDebitRequested";

  /** Element ids. */
  public static final class Elements {
    public static final String TIMER_START = "StartEvent_BillingDay";
    public static final String MESSAGE_START = "StartEvent_RunRequested";
    public static final String STARTED = "Gateway_BillingDayStarted";
    public static final String CREATE = "Task_CreateDuePayments";
    public static final String SELECT = "Task_SelectExpiringPayments";
    public static final String START_CHUNKS = "Task_StartChunkSettlements";
    public static final String CHECK_LOOP = "Gateway_CheckAgain";
    public static final String CHECK = "Task_CheckChunks";
    public static final String ALL_SETTLED_GATEWAY = "Gateway_AllChunksSettled";
    public static final String WAIT = "TimerEvent_WaitForChunks";
    public static final String MARK_OVERDUE = "Task_MarkExpiredPaymentsOverdue";
    public static final String DONE = "EndEvent_BillingDayDone";

    public static final String CHUNK_START = "StartEvent_ChunkStarted";
    public static final String SETTLE = "Task_SettleChunk";
    public static final String CHUNK_DONE = "EndEvent_ChunkSettled";

    private Elements() {}
  }

  /** Variable names: ids and figures only. */
  public static final class Variables {
    /** The billing day (yyyy-MM-dd); today by the application clock when the run starts without one. */
    public static final String BUSINESS_DATE = "businessDate";
    public static final String RUN_ID = "runId";
    public static final String CHUNK_ID = "chunkId";
    public static final String CHUNK_NO = "chunkNo";
    public static final String PAYMENTS = "paymentsSelected";
    public static final String CHUNKS = "chunks";
    public static final String CHUNKS_SETTLED = "chunksSettled";
    public static final String CHUNKS_WITH_INCIDENT = "chunksWithIncident";
    public static final String ALL_SETTLED = "allChunksSettled";
    public static final String CHECKS = "checks";
    public static final String PAID = "paid";
    public static final String PAID_AMOUNT = "paidAmount";
    public static final String SKIPPED = "skipped";
    public static final String SKIPPED_BY_REASON = "skippedByReason";
    public static final String OVERDUE_MARKED = "overdueMarked";
    public static final String RENEWALS_CREATED = "renewalsCreated";
    public static final String PROLONGATIONS_CREATED = "prolongationsCreated";
    public static final String COMBINED_CREATED = "combinedCreated";
    public static final String ACTS_CREATED = "actsCreated";

    private Variables() {}
  }

  /** Delegate and settings beans. */
  public static final class Beans {
    public static final String CREATE = "createDuePaymentsDelegate";
    public static final String SELECT = "selectExpiringPaymentsDelegate";
    public static final String START_CHUNKS = "startChunkSettlementsDelegate";
    public static final String CHECK = "checkChunksDelegate";
    public static final String MARK_OVERDUE = "markExpiredPaymentsOverdueDelegate";
    public static final String SETTLE = "settleChunkDelegate";
    public static final String SCHEDULE = "autoDebitSchedule";
    public static final String RUN_KEY = "autoDebitRunKeyListener";

    private Beans() {}
  }

  private BillingDayProcess() {}
}
