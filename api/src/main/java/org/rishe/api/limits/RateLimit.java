package org.rishe.api.limits;

/**
 * How many requests one key may make: {@code requestsPerSecond} on average, with bursts of up to
 * {@code burst}.
 */
public record RateLimit(long requestsPerSecond, long burst) {
  /** Generous: a notebook paging through a table is never slowed, a runaway loop is. */
  public static final RateLimit DEFAULT = new RateLimit(50, 200);

  public RateLimit {
    if (requestsPerSecond < 1 || burst < 1) {
      throw new IllegalArgumentException(
          "a rate limit needs at least 1 request per second and a burst of at least 1, got "
              + requestsPerSecond
              + " and "
              + burst);
    }
  }
}
