package org.rishe.analytics.causal;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

/**
 * The fraction of bootstrap resamples in which each adjacency and each directed edge appeared.
 * Immutable: the count matrices are copied in and never exposed.
 */
public final class EdgeFrequencies {
  private final List<String> nodes;
  private final int resamples;
  private final int[][] adjacencies;
  private final int[][] orientations;

  EdgeFrequencies(List<String> nodes, int resamples, int[][] adjacencies, int[][] orientations) {
    this.nodes = List.copyOf(requireNonNull(nodes, "nodes is null"));
    this.resamples = resamples;
    this.adjacencies = copy(adjacencies);
    this.orientations = copy(orientations);
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

  /** Fraction of resamples in which the edge was directed from -> to. */
  public double orientation(int from, int to) {
    return (double) orientations[from][to] / resamples;
  }

  private static int[][] copy(int[][] matrix) {
    int[][] copy = new int[matrix.length][];
    for (int row = 0; row < matrix.length; row++) {
      copy[row] = matrix[row].clone();
    }
    return copy;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EdgeFrequencies frequencies
        && nodes.equals(frequencies.nodes)
        && resamples == frequencies.resamples
        && Arrays.deepEquals(adjacencies, frequencies.adjacencies)
        && Arrays.deepEquals(orientations, frequencies.orientations);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(adjacencies) * 31 + resamples;
  }
}
