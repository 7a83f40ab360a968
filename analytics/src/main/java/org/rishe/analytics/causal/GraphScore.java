package org.rishe.analytics.causal;

/**
 * How an estimated graph differs from the truth. The structural Hamming distance counts each
 * missing or extra adjacency once and each shared adjacency with different endpoints once, as
 * causal-learn's {@code SHD} does.
 */
public record GraphScore(int truePositives, int missing, int extra, int misoriented) {
  public int structuralHammingDistance() {
    return missing + extra + misoriented;
  }

  /** Share of estimated adjacencies that are true; 1 when nothing was estimated. */
  public double adjacencyPrecision() {
    int estimated = truePositives + extra;
    return estimated == 0 ? 1.0 : (double) truePositives / estimated;
  }

  /** Share of true adjacencies that were found; 1 when there are none. */
  public double adjacencyRecall() {
    int actual = truePositives + missing;
    return actual == 0 ? 1.0 : (double) truePositives / actual;
  }

  public double adjacencyF1() {
    double precision = adjacencyPrecision();
    double recall = adjacencyRecall();
    return precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
  }
}
