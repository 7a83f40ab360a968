package org.rishe.api.limits;

/**
 * How many requests without a valid key one client address may make: {@code perMinute} on average,
 * in bursts of up to {@code burst}. Someone guessing keys, or a script left running with a revoked
 * one, is slowed to a crawl, while a person who mistyped a key a few times never notices.
 */
public record RefusedKeyLimit(long perMinute, long burst) {
  /** 20 a minute, bursts of 40: a dashboard reloading with a stale key stays well within it. */
  public static final RefusedKeyLimit DEFAULT = new RefusedKeyLimit(20, 40);

  public RefusedKeyLimit {
    if (perMinute < 1 || burst < 1) {
      throw new IllegalArgumentException(
          "a refused-key limit needs at least 1 request a minute and a burst of at least 1, got "
              + perMinute
              + " and "
              + burst);
    }
  }
}
