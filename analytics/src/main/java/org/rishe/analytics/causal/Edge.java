package org.rishe.analytics.causal;

/**
 * One edge between two node indices: {@code from -> to} when directed, otherwise {@code from -- to}
 * with {@code from < to}.
 */
public record Edge(int from, int to, boolean directed) {
  public Edge {
    if (from == to) {
      throw new IllegalArgumentException(
          "an edge needs two distinct nodes, got %d".formatted(from));
    }
    if (!directed && from > to) {
      int swap = from;
      from = to;
      to = swap;
    }
  }

  public static Edge directed(int from, int to) {
    return new Edge(from, to, true);
  }

  public static Edge undirected(int first, int second) {
    return new Edge(first, second, false);
  }
}
