package org.rishe.client;

import java.util.List;

/** {@code GET /causal-graph}: the variables and the edges found between them. */
public record CausalGraph(String run, List<Node> nodes, List<Edge> edges) {
  public CausalGraph {
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
    edges = edges == null ? List.of() : List.copyOf(edges);
  }

  /** A variable; {@code kind} is demographic, factor or problem. */
  public record Node(String id, String kind, String label) {}

  /**
   * An edge {@code from -> to} when directed, else {@code from -- to} (direction unknown);
   * stability is the share of resamples in which the edge was found.
   */
  public record Edge(String from, String to, boolean directed, double stability) {}
}
