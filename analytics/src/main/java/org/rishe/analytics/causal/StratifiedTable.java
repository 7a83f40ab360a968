package org.rishe.analytics.causal;

import static java.util.Objects.requireNonNull;

/**
 * Weighted counts of two variables x and y within each stratum of a conditioning set, laid out as
 * {@code counts[(stratum * cardX + x) * cardY + y]}. Empty strata may be present and carry no
 * information.
 */
public record StratifiedTable(int cardX, int cardY, int strata, double[] counts) {
  public StratifiedTable {
    requireNonNull(counts, "counts is null");
    if (counts.length != strata * cardX * cardY) {
      throw new IllegalArgumentException(
          "counts has %d cells, expected %d strata x %d x %d"
              .formatted(counts.length, strata, cardX, cardY));
    }
  }

  public double count(int stratum, int x, int y) {
    return counts[(stratum * cardX + x) * cardY + y];
  }
}
