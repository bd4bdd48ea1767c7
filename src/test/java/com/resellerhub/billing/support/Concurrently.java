package com.resellerhub.billing.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs calls on their own threads, all released at the same moment, for the concurrency tests. */
public final class Concurrently {

  private Concurrently() {}

  /** The results in call order; a call that throws fails the whole run. */
  public static <T> List<T> runAtOnce(List<Callable<T>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> call : calls) {
        futures.add(pool.submit(() -> {
          start.await();
          return call.call();
        }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Each call's result, or the exception it threw, in call order. */
  public static List<Object> outcomes(List<Callable<Object>> calls) throws Exception {
    List<Callable<Object>> caught = new ArrayList<>();
    for (Callable<Object> call : calls) {
      caught.add(() -> {
        try {
          return call.call();
        } catch (Exception e) {
          return e;
        }
      });
    }
    return runAtOnce(caught);
  }
}
