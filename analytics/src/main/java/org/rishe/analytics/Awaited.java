package org.rishe.analytics;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for a task a step ran on a thread pool of its own, its failure rethrown as thrown. */
public final class Awaited {
  private Awaited() {}

  /**
   * The task's result. An unchecked exception or error of the task is rethrown as it was; a checked
   * one, or an interrupt, becomes an {@link IllegalStateException} saying what was being done
   * ({@code doing}, e.g. "reading the curated tables").
   */
  public static <T> T result(Future<T> task, String doing) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + doing, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error failure) {
        throw failure;
      }
      throw new IllegalStateException(doing + " failed", e.getCause());
    }
  }
}
