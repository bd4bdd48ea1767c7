package com.resellerhub.billing.promise.process;

/**
 * Names of the promised-payment process ({@code processes/promised-payment.bpmn}, PROM-2, PROM-4, PROM-5): key,
 * element ids, message, variables and beans. The business key is the promise id.
 */
public final class PromisedPaymentProcess {

  public static final String PROCESS_KEY = "promised-payment";
  public static final String RESOURCE = "processes/promised-payment.bpmn";
  /** Correlated by the promise feature when top-ups repaid the promise. */
  public static final String MESSAGE_REPAID = "PromiseRepaid";
  /** Correlated by the expiry sweep in the transaction that closed the promise (with {@code balanceNegative}). */
  public static final String MESSAGE_EXPIRED = "PromiseExpired";

  /** Element ids. */
  public static final class Elements {
    public static final String START = "StartEvent_PromiseTaken";
    public static final String GRANT = "Task_GrantCredit";
    public static final String WAIT = "Gateway_WaitForEnd";
    /** The backstop: no sweep closed the promise by {@code closeBy}. */
    public static final String DAYS_OVER = "TimerEvent_PromiseDaysOver";
    public static final String REPAID = "MessageEvent_PromiseRepaid";
    /** The expiry sweep closed the promise. */
    public static final String EXPIRED = "MessageEvent_PromiseExpired";
    public static final String ENDED_JOIN = "Gateway_PromiseEnded";
    /** Commission, withdrawal and, below zero, the block, in the job that ended the wait. */
    public static final String CLOSE = "Task_ClosePromise";
    /** Where the sweep's "Promise expired" and "Close promise" meet. */
    public static final String CLOSED_JOIN = "Gateway_PromiseClosed";
    public static final String NEGATIVE_GATEWAY = "Gateway_BalanceNegative";
    public static final String ACCOUNT_BLOCKED = "EndEvent_AccountBlocked";
    public static final String PROMISE_CLOSED = "EndEvent_PromiseClosed";

    private Elements() {}
  }

  /** Variable names. */
  public static final class Variables {
    public static final String PROMISE_ID = "promiseId";
    public static final String ACCOUNT_ID = "accountId";
    /** The promise's end (a Date). The timer of definitions before the expiry sweep waits for it. */
    public static final String ENDS_AT = "endsAt";
    /** When the timer closes the promise if no sweep did (a Date): its end plus the sweep's backstop. */
    public static final String CLOSE_BY = "closeBy";
    /** Set by "Close promise", or by the sweep with "Promise expired": whether the balance is below zero. */
    public static final String BALANCE_NEGATIVE = "balanceNegative";

    private Variables() {}
  }

  /** Delegate beans. */
  public static final class Beans {
    public static final String GRANT = "grantCreditDelegate";
    public static final String CLOSE = "closePromiseDelegate";
    // The three steps the close was made of before: instances started on that definition (processes deployed up to
    // the single close step) still name them until they end.
    public static final String CHARGE_COMMISSION = "chargeCommissionDelegate";
    public static final String WITHDRAW = "withdrawCreditDelegate";
    public static final String BLOCK = "blockAccountDelegate";

    private Beans() {}
  }

  private PromisedPaymentProcess() {}
}
