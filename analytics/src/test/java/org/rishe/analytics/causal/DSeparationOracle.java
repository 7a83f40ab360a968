package org.rishe.analytics.causal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A perfect independence test read off a known DAG: p-value 1 when x and y are d-separated given
 * the conditioning set, 0 otherwise. Uses the moralised ancestral graph criterion.
 */
public final class DSeparationOracle implements IndependenceTest {
  private final int size;
  private final List<List<Integer>> parents;

  public DSeparationOracle(CausalGraph dag) {
    requireNonNull(dag, "dag is null");
    this.size = dag.nodeCount();
    List<List<Integer>> parentLists = new ArrayList<>();
    for (int node = 0; node < size; node++) {
      parentLists.add(new ArrayList<>());
    }
    for (Edge edge : dag.edges()) {
      if (!edge.directed()) {
        throw new IllegalArgumentException(
            "the oracle needs a DAG, but %s -- %s is undirected"
                .formatted(dag.nodes().get(edge.from()), dag.nodes().get(edge.to())));
      }
      parentLists.get(edge.to()).add(edge.from());
    }
    this.parents = parentLists.stream().map(List::copyOf).toList();
  }

  @Override
  public int variableCount() {
    return size;
  }

  @Override
  public double pValue(int x, int y, int[] conditioning) {
    return isSeparated(x, y, conditioning) ? 1.0 : 0.0;
  }

  /** Whether x and y are d-separated given the conditioning set. */
  public boolean isSeparated(int x, int y, int[] conditioning) {
    boolean[] ancestral = new boolean[size];
    Deque<Integer> pending = new ArrayDeque<>();
    pending.add(x);
    pending.add(y);
    for (int node : conditioning) {
      pending.add(node);
    }
    while (!pending.isEmpty()) {
      int node = pending.poll();
      if (!ancestral[node]) {
        ancestral[node] = true;
        pending.addAll(parents.get(node));
      }
    }
    boolean[][] moral = new boolean[size][size];
    for (int child = 0; child < size; child++) {
      if (!ancestral[child]) {
        continue;
      }
      List<Integer> childParents = parents.get(child);
      for (int parent : childParents) {
        moral[parent][child] = true;
        moral[child][parent] = true;
      }
      for (int first : childParents) {
        for (int second : childParents) {
          moral[first][second] |= first != second;
        }
      }
    }
    boolean[] blocked = new boolean[size];
    for (int node : conditioning) {
      blocked[node] = true;
    }
    boolean[] reached = new boolean[size];
    pending.add(x);
    reached[x] = true;
    while (!pending.isEmpty()) {
      int node = pending.poll();
      if (node == y) {
        return false;
      }
      for (int next = 0; next < size; next++) {
        if (moral[node][next] && ancestral[next] && !blocked[next] && !reached[next]) {
          reached[next] = true;
          pending.add(next);
        }
      }
    }
    return true;
  }
}
