package com.resellerhub.billing.billingday.process;

/**
 * Names of the billing day's processes (PAY-1, PAY-4, PAY-5, PAY-6): {@code processes/billing-day.bpmn}, one instance
 * per day (business key {@code <reseller>:<date>}), and {@code processes/billing-day-chunk.bpmn}, one instance per chunk
 * (business key {@code <reseller>:<date>:chunk:<n>}) so chunks run in parallel as separate jobs, each retried and
 * turned into its own incident when it keeps failing.
 */
public final class BillingDayProcess {

  public static final String PROCESS_KEY = "billing-day";
  public static final String RESOURCE = "processes/billing-day.bpmn";
  public static final String CHUNK_PROCESS_KEY = "billing-day-chunk";
  public static final String CHUNK_RESOURCE = "processes/billing-day-chunk.bpmn";
  /** Starts the run of a date now (operator API, demo); variable {@code businessDate} (yyyy-MM-dd) optional. */
  public static final String MESSAGE_RUN_REQUESTED = "BillingDayRequested";

  /**
   * The names of these processes until they were renamed: a database may still hold {@code auto-debit} instances
   * started before the upgrade. They finish on their own deployed definition ({@link LegacyAutoDebit}); their
   * daily timer is suspended so only {@code billing-day} starts new days.
   */
  public static final String LEGACY_PROCESS_KEY = "auto-debit";
  public static final String LEGACY_CHUNK_PROCESS_KEY = "auto-debit-chunk";

  /** The business key of a chunk's instance: the day's key, then {@code :chunk:<n>}. */
  public static String chunkKey(String dayKey, int chunkNo) {
    return dayKey + CHUNK_KEY_SEPARATOR + chunkNo;
  }

  /** Matches the business keys of every chunk of a day, for a {@code businessKeyLike} query. */
  public static String chunkKeysOf(String dayKey) {
    return dayKey + CHUNK_KEY_SEPARATOR + "%";
  }

  private static final String CHUNK_KEY_SEPARATOR = ":chunk:";

  /** Element ids. */
  public static final class Elements {
    public static final String TIMER_START = "StartEvent_BillingDay";
    public static final String MESSAGE_START = "StartEvent_RunRequested";
    public static final String STARTED = "Gateway_BillingDayStarted";
    public static final String CREATE = "Task_CreateDuePayments";
    /** "Every account done?": the creation step runs again, one slice of accounts per job, until none is left. */
    public static final String ALL_CREATED_GATEWAY = "Gateway_AllCreated";
    /** "Settle the day's payments": selection, fan-out and counting; its boundary timer says when it is late. */
    public static final String SETTLE_PAYMENTS = "SubProcess_SettleDayPayments";
    public static final String SETTLEMENT_START = "StartEvent_SettlementStarted";
    public static final String PAYMENTS_SETTLED = "EndEvent_PaymentsSettled";
    public static final String LATE = "Event_BillingDayLate";
    public static final String NOTIFY_LATE = "Task_NotifyOperations";
    public static final String LATE_NOTIFIED = "EndEvent_OperationsNotified";
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
    /** When the day's settlement is late (ISO date-time): its start plus {@code billing.billing-day.late-after}. */
    public static final String LATE_AT = "lateAt";
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
    /** The last account the creation step has handled; its next job starts after it (0 before the first). */
    public static final String CREATED_UP_TO = "createdUpToAccount";
    /** Whether accounts with work may be left after {@link #CREATED_UP_TO}. */
    public static final String MORE_TO_CREATE = "moreToCreate";

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
    public static final String NOTIFY_LATE = "notifyBillingDayLateDelegate";
    public static final String SCHEDULE = "billingDaySchedule";
    public static final String RUN_KEY = "billingDayKeyListener";
    /** What the legacy {@code auto-debit} definitions call; see {@link LegacyAutoDebit}. */
    public static final String LEGACY_SCHEDULE = "autoDebitSchedule";
    public static final String LEGACY_RUN_KEY = "autoDebitRunKeyListener";

    private Beans() {}
  }

  private BillingDayProcess() {}
}
