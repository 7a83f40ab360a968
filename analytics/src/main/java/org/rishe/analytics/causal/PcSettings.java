package org.rishe.analytics.causal;

import static java.util.Objects.requireNonNull;

/**
 * Tuning of PC-stable.
 *
 * @param alpha significance level: a p-value above it counts as independence
 * @param maxDepth largest conditioning set tried, or {@code -1} for no limit
 * @param threads worker threads for the tests of one depth; 1 runs on the calling thread
 * @param colliderConflict which of two conflicting colliders is oriented first
 * @param colliderRule how a triple is judged a collider
 */
public record PcSettings(
    double alpha,
    int maxDepth,
    int threads,
    ColliderConflict colliderConflict,
    ColliderRule colliderRule) {
  public static final int UNLIMITED_DEPTH = -1;

  public PcSettings {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must lie in (0, 1), got %s".formatted(alpha));
    }
    if (maxDepth < UNLIMITED_DEPTH) {
      throw new IllegalArgumentException(
          "maxDepth must be -1 (unlimited) or more, got %d".formatted(maxDepth));
    }
    requireNonNull(colliderConflict, "colliderConflict is null");
    requireNonNull(colliderRule, "colliderRule is null");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be 1 or more, got %d".formatted(threads));
    }
  }

  /**
   * Alpha 0.05, unlimited depth, one thread per processor, strongest colliders first, the original
   * separating-set collider rule.
   */
  public static PcSettings defaults() {
    return new PcSettings(
        0.05,
        UNLIMITED_DEPTH,
        Runtime.getRuntime().availableProcessors(),
        ColliderConflict.STRONGEST_FIRST,
        ColliderRule.SEPARATING_SET);
  }

  public PcSettings withAlpha(double newAlpha) {
    return new PcSettings(newAlpha, maxDepth, threads, colliderConflict, colliderRule);
  }

  public PcSettings withMaxDepth(int newMaxDepth) {
    return new PcSettings(alpha, newMaxDepth, threads, colliderConflict, colliderRule);
  }

  public PcSettings withColliderConflict(ColliderConflict newColliderConflict) {
    return new PcSettings(alpha, maxDepth, threads, newColliderConflict, colliderRule);
  }

  public PcSettings withThreads(int newThreads) {
    return new PcSettings(alpha, maxDepth, newThreads, colliderConflict, colliderRule);
  }

  public PcSettings withColliderRule(ColliderRule newColliderRule) {
    return new PcSettings(alpha, maxDepth, threads, colliderConflict, newColliderRule);
  }
}
