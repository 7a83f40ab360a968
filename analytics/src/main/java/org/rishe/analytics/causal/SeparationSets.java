package org.rishe.analytics.causal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * For each removed pair, the union of every conditioning set that separated it at the depth of
 * removal, seen from either end (causal-learn's stable PC does the same). A node in the union is
 * never made a collider between the pair.
 */
final class SeparationSets {
  private final int size;
  private final Map<Long, Set<Integer>> unions = new HashMap<>();

  SeparationSets(int size) {
    this.size = size;
  }

  void add(int x, int y, int[] separating) {
    Set<Integer> union = unions.computeIfAbsent(key(x, y), key -> new HashSet<>());
    for (int node : separating) {
      union.add(node);
    }
  }

  boolean contains(int x, int y, int node) {
    Set<Integer> union = unions.get(key(x, y));
    return union != null && union.contains(node);
  }

  private long key(int x, int y) {
    return (long) Math.min(x, y) * size + Math.max(x, y);
  }
}
