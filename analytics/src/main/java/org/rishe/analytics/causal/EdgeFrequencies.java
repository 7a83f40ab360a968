package org.rishe.analytics.causal;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

/**
 * The fraction of bootstrap resamples in which each pair of variables was adjacent. Immutable: the
 * count matrix is copied in and never exposed.
 */
public final class EdgeFrequencies {
  private final List<String> nodes;
  private final int resamples;
  private final int[][] adjacencies;

  EdgeFrequencies(List<String> nodes, int resamples, int[][] adjacencies) {
    this.nodes = List.copyOf(requireNonNull(nodes, "nodes is null"));
    this.resamples = resamples;
    this.adjacencies = new int[adjacencies.length][];
    for (int row = 0; row < adjacencies.length; row++) {
      this.adjacencies[row] = adjacencies[row].clone();
    }
  }

  public List<String> nodes() {
    return nodes;
  }

  public int resamples() {
    return resamples;
  }

  /** Fraction of resamples in which x and y were adjacent, in any orientation. */
  public double adjacency(int x, int y) {
    return (double) adjacencies[x][y] / resamples;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EdgeFrequencies frequencies
        && nodes.equals(frequencies.nodes)
        && resamples == frequencies.resamples
        && Arrays.deepEquals(adjacencies, frequencies.adjacencies);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(adjacencies) * 31 + resamples;
  }
}
