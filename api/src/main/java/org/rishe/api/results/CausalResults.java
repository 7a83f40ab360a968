package org.rishe.api.results;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The causal graph of a run and the chains of each problem, as published in {@code
 * causal_graph_nodes}, {@code causal_graph_edges} and {@code root_cause_chains}. A run published
 * before the causal-graph step existed has none of them and reads as empty.
 */
public record CausalResults(List<Node> nodes, List<GraphEdge> edges, List<Chain> chains) {
  public CausalResults {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
    chains = List.copyOf(chains);
  }

  public static CausalResults empty() {
    return new CausalResults(List.of(), List.of(), List.of());
  }

  /** A variable of the graph; {@code kind} is demographic, factor or problem. */
  public record Node(String id, String kind, String labelEn, String labelFa) {
    public Node {
      requireNonNull(id, "id is null");
    }
  }

  /** An edge; {@code from -- to} when not directed; stability in [0, 1]. */
  public record GraphEdge(String from, String to, boolean directed, double stability) {}

  /** One chain of a problem, effects on the log-odds scale; shareMediated null when undefined. */
  public record Chain(
      String problem,
      int rank,
      List<String> path,
      double direct,
      double indirect,
      double total,
      Double shareMediated) {
    public Chain {
      path = List.copyOf(path);
    }
  }
}
