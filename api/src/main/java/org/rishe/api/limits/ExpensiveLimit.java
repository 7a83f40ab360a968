package org.rishe.api.limits;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How many requests to routes marked expensive ({@code POST /query}, {@code /dashboard/trends}) the
 * server answers at once, and how long one waits for its turn before it is told to come back (503).
 * Each such request holds a whole breakdown or trend in memory and keeps a core busy; on a small
 * machine a handful at once is what it can do without every other route slowing down.
 */
public record ExpensiveLimit(int permits, Duration maxWait) {
  /** Four at a time, each waiting up to two seconds. */
  public static final ExpensiveLimit DEFAULT = new ExpensiveLimit(4, Duration.ofSeconds(2));

  public ExpensiveLimit {
    requireNonNull(maxWait, "maxWait is null");
    if (permits < 1) {
      throw new IllegalArgumentException(
          "at least 1 expensive request must be allowed at once, got " + permits);
    }
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("the wait for a turn cannot be negative, got " + maxWait);
    }
  }

  /**
   * The Retry-After of a request that did not get a turn: the wait, in whole seconds, at least 1.
   */
  public long retryAfterSeconds() {
    return Math.max(1, (maxWait.toMillis() + 999) / 1000);
  }
}
