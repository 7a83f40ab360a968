package org.rishe.analytics.causal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An immutable partially directed graph over named nodes: a DAG, a CPDAG or a PC result. Edges are
 * kept sorted so equal graphs are equal values.
 */
public record CausalGraph(List<String> nodes, List<Edge> edges) {
  public CausalGraph {
    nodes = List.copyOf(requireNonNull(nodes, "nodes is null"));
    List<Edge> sorted = new ArrayList<>(requireNonNull(edges, "edges is null"));
    sorted.sort(
        Comparator.comparingInt((Edge edge) -> Math.min(edge.from(), edge.to()))
            .thenComparingInt(edge -> Math.max(edge.from(), edge.to())));
    Set<Long> pairs = new HashSet<>();
    for (Edge edge : sorted) {
      if (edge.from() < 0
          || edge.to() < 0
          || edge.from() >= nodes.size()
          || edge.to() >= nodes.size()) {
        throw new IllegalArgumentException(
            "edge %s refers to a node outside 0..%d".formatted(edge, nodes.size() - 1));
      }
      long pair =
          (long) Math.min(edge.from(), edge.to()) * nodes.size() + Math.max(edge.from(), edge.to());
      if (!pairs.add(pair)) {
        throw new IllegalArgumentException(
            "more than one edge between %s and %s"
                .formatted(nodes.get(edge.from()), nodes.get(edge.to())));
      }
    }
    edges = List.copyOf(sorted);
  }

  public int nodeCount() {
    return nodes.size();
  }

  public int indexOf(String name) {
    int index = nodes.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("no node named %s in the graph".formatted(name));
    }
    return index;
  }

  /** Endpoint matrix as causal-learn writes it: {@code -1} tail, {@code 1} arrowhead, 0 none. */
  public int[][] endpointMatrix() {
    int[][] matrix = new int[nodes.size()][nodes.size()];
    for (Edge edge : edges) {
      matrix[edge.from()][edge.to()] = -1;
      matrix[edge.to()][edge.from()] = edge.directed() ? 1 : -1;
    }
    return matrix;
  }

  /** Reads causal-learn's endpoint matrix ({@code G[i,j]=-1, G[j,i]=1} is i -> j). */
  public static CausalGraph fromEndpointMatrix(List<String> nodes, int[][] matrix) {
    List<Edge> edges = new ArrayList<>();
    for (int i = 0; i < matrix.length; i++) {
      for (int j = i + 1; j < matrix.length; j++) {
        int atJ = matrix[i][j];
        int atI = matrix[j][i];
        if (atJ == 0 && atI == 0) {
          continue;
        }
        if (atJ == -1 && atI == 1) {
          edges.add(Edge.directed(i, j));
        } else if (atJ == 1 && atI == -1) {
          edges.add(Edge.directed(j, i));
        } else if (atJ == -1 && atI == -1) {
          edges.add(Edge.undirected(i, j));
        } else {
          throw new IllegalArgumentException(
              "unsupported endpoints %d/%d between %s and %s: only -> and -- are representable"
                  .formatted(atJ, atI, nodes.get(i), nodes.get(j)));
        }
      }
    }
    return new CausalGraph(nodes, edges);
  }

  /** Readable listing, one edge a line, by node name. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    for (Edge edge : edges) {
      text.append(nodes.get(edge.from()))
          .append(edge.directed() ? " --> " : " --- ")
          .append(nodes.get(edge.to()))
          .append('\n');
    }
    return text.toString();
  }
}
