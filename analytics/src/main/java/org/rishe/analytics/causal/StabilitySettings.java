package org.rishe.analytics.causal;

/** How many bootstrap resamples to draw, from which seed, on how many threads. */
public record StabilitySettings(int resamples, long seed, int threads) {
  public StabilitySettings {
    if (resamples < 1) {
      throw new IllegalArgumentException(
          "resamples must be 1 or more, got %d".formatted(resamples));
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be 1 or more, got %d".formatted(threads));
    }
  }
}
