package org.rishe.analytics.causal;

import java.util.ArrayList;
import java.util.List;

/**
 * The mutable working graph of the search algorithms: adjacency plus an arrowhead mark per end.
 * Never leaves the package; results are frozen into {@link CausalGraph}.
 */
final class MixedGraph {
  private final int size;
  private final boolean[][] adjacent;
  // arrowhead[i][j]: the edge between i and j has an arrowhead at j.
  private final boolean[][] arrowhead;

  MixedGraph(int size) {
    this.size = size;
    this.adjacent = new boolean[size][size];
    this.arrowhead = new boolean[size][size];
  }

  static MixedGraph complete(int size) {
    MixedGraph graph = new MixedGraph(size);
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < size; j++) {
        graph.adjacent[i][j] = i != j;
      }
    }
    return graph;
  }

  static MixedGraph of(CausalGraph graph) {
    MixedGraph mixed = new MixedGraph(graph.nodeCount());
    for (Edge edge : graph.edges()) {
      if (edge.directed()) {
        mixed.orient(edge.from(), edge.to());
      } else {
        mixed.addUndirected(edge.from(), edge.to());
      }
    }
    return mixed;
  }

  int size() {
    return size;
  }

  boolean isAdjacent(int i, int j) {
    return adjacent[i][j];
  }

  boolean isDirected(int from, int to) {
    return adjacent[from][to] && arrowhead[from][to] && !arrowhead[to][from];
  }

  boolean isUndirected(int i, int j) {
    return adjacent[i][j] && !arrowhead[i][j] && !arrowhead[j][i];
  }

  void addUndirected(int i, int j) {
    adjacent[i][j] = true;
    adjacent[j][i] = true;
    arrowhead[i][j] = false;
    arrowhead[j][i] = false;
  }

  /** Makes the edge from -> to, adding it if absent. */
  void orient(int from, int to) {
    adjacent[from][to] = true;
    adjacent[to][from] = true;
    arrowhead[from][to] = true;
    arrowhead[to][from] = false;
  }

  void remove(int i, int j) {
    adjacent[i][j] = false;
    adjacent[j][i] = false;
    arrowhead[i][j] = false;
    arrowhead[j][i] = false;
  }

  int[] neighbors(int node) {
    int count = 0;
    for (int other = 0; other < size; other++) {
      count += adjacent[node][other] ? 1 : 0;
    }
    int[] neighbors = new int[count];
    int next = 0;
    for (int other = 0; other < size; other++) {
      if (adjacent[node][other]) {
        neighbors[next++] = other;
      }
    }
    return neighbors;
  }

  int maxDegree() {
    int max = 0;
    for (int node = 0; node < size; node++) {
      max = Math.max(max, neighbors(node).length);
    }
    return max;
  }

  MixedGraph copy() {
    MixedGraph copy = new MixedGraph(size);
    for (int i = 0; i < size; i++) {
      copy.adjacent[i] = adjacent[i].clone();
      copy.arrowhead[i] = arrowhead[i].clone();
    }
    return copy;
  }

  CausalGraph freeze(List<String> nodes) {
    List<Edge> edges = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      for (int j = i + 1; j < size; j++) {
        if (!adjacent[i][j]) {
          continue;
        }
        if (isDirected(i, j)) {
          edges.add(Edge.directed(i, j));
        } else if (isDirected(j, i)) {
          edges.add(Edge.directed(j, i));
        } else if (isUndirected(i, j)) {
          edges.add(Edge.undirected(i, j));
        } else {
          throw new IllegalStateException(
              "bidirected edge between %s and %s".formatted(nodes.get(i), nodes.get(j)));
        }
      }
    }
    return new CausalGraph(nodes, edges);
  }
}
