package org.rishe.analytics.causal;

import static java.util.Objects.requireNonNull;

/**
 * Comparisons of graphs: the essential graph (CPDAG) of a DAG, structural Hamming distance and
 * adjacency precision and recall.
 */
public final class GraphMetrics {
  private GraphMetrics() {}

  /**
   * The CPDAG of a DAG: its skeleton with the unshielded colliders oriented, closed under Meek's
   * rules 1 to 3 (complete for this purpose, Meek 1995).
   */
  public static CausalGraph cpdag(CausalGraph dag) {
    requireNonNull(dag, "dag is null");
    MixedGraph source = MixedGraph.of(dag);
    int size = dag.nodeCount();
    MixedGraph pattern = new MixedGraph(size);
    for (Edge edge : dag.edges()) {
      if (!edge.directed()) {
        throw new IllegalArgumentException("cpdag needs a DAG, got an undirected edge " + edge);
      }
      pattern.addUndirected(edge.from(), edge.to());
    }
    for (int child = 0; child < size; child++) {
      for (int first = 0; first < size; first++) {
        for (int second = first + 1; second < size; second++) {
          if (source.isDirected(first, child)
              && source.isDirected(second, child)
              && !source.isAdjacent(first, second)) {
            pattern.orient(first, child);
            pattern.orient(second, child);
          }
        }
      }
    }
    Orientation.applyMeekRules(pattern, BackgroundKnowledge.none(size));
    return pattern.freeze(dag.nodes());
  }

  /** Scores an estimate against the truth, matching nodes by position. */
  public static GraphScore compare(CausalGraph truth, CausalGraph estimate) {
    requireNonNull(truth, "truth is null");
    requireNonNull(estimate, "estimate is null");
    if (!truth.nodes().equals(estimate.nodes())) {
      throw new IllegalArgumentException(
          "graphs have different nodes: %s vs %s".formatted(truth.nodes(), estimate.nodes()));
    }
    MixedGraph trueGraph = MixedGraph.of(truth);
    MixedGraph estimated = MixedGraph.of(estimate);
    int size = truth.nodeCount();
    int truePositives = 0;
    int missing = 0;
    int extra = 0;
    int misoriented = 0;
    for (int i = 0; i < size; i++) {
      for (int j = i + 1; j < size; j++) {
        boolean inTruth = trueGraph.isAdjacent(i, j);
        boolean inEstimate = estimated.isAdjacent(i, j);
        if (inTruth && inEstimate) {
          truePositives++;
          if (trueGraph.isDirected(i, j) != estimated.isDirected(i, j)
              || trueGraph.isDirected(j, i) != estimated.isDirected(j, i)) {
            misoriented++;
          }
        } else if (inTruth) {
          missing++;
        } else if (inEstimate) {
          extra++;
        }
      }
    }
    return new GraphScore(truePositives, missing, extra, misoriented);
  }
}
