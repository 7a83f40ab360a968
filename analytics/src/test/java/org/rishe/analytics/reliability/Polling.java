package org.rishe.analytics.reliability;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition by polling it, never by sleeping a guessed time. */
public final class Polling {
  private Polling() {}

  /**
   * Polls every few milliseconds until the condition holds; fails with {@code why} after the
   * timeout or when {@code stillWorthWaiting} turns false first (e.g. the process died).
   */
  public static void await(
      Duration timeout,
      BooleanSupplier condition,
      BooleanSupplier stillWorthWaiting,
      Supplier<String> why) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (!stillWorthWaiting.getAsBoolean()) {
        if (condition.getAsBoolean()) {
          return;
        }
        throw new AssertionError("gave up waiting: " + why.get());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + ": " + why.get());
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }
}
