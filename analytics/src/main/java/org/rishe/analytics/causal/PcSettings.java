package org.rishe.analytics.causal;

/**
 * Tuning of PC-stable.
 *
 * @param alpha significance level: a p-value above it counts as independence
 * @param maxDepth largest conditioning set tried, or {@code -1} for no limit
 * @param threads worker threads for the tests of one depth; 1 runs on the calling thread
 */
public record PcSettings(double alpha, int maxDepth, int threads) {
  public static final int UNLIMITED_DEPTH = -1;

  public PcSettings {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must lie in (0, 1), got %s".formatted(alpha));
    }
    if (maxDepth < UNLIMITED_DEPTH) {
      throw new IllegalArgumentException(
          "maxDepth must be -1 (unlimited) or more, got %d".formatted(maxDepth));
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be 1 or more, got %d".formatted(threads));
    }
  }

  /** Alpha 0.05, unlimited depth, one thread per available processor. */
  public static PcSettings defaults() {
    return new PcSettings(0.05, UNLIMITED_DEPTH, Runtime.getRuntime().availableProcessors());
  }

  public PcSettings withAlpha(double newAlpha) {
    return new PcSettings(newAlpha, maxDepth, threads);
  }

  public PcSettings withMaxDepth(int newMaxDepth) {
    return new PcSettings(alpha, newMaxDepth, threads);
  }

  public PcSettings withThreads(int newThreads) {
    return new PcSettings(alpha, maxDepth, newThreads);
  }
}
