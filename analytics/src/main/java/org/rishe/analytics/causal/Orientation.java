package org.rishe.analytics.causal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The orientation phase shared by PC and the DAG-to-CPDAG conversion: background knowledge,
 * unshielded colliders, then Meek's rules to closure. Only undirected edges are ever oriented, so
 * an edge fixed by knowledge or an earlier collider is never reversed.
 */
final class Orientation {
  private Orientation() {}

  /** Orients every edge whose direction the knowledge decides. */
  static void orientByKnowledge(MixedGraph graph, BackgroundKnowledge knowledge) {
    int size = graph.size();
    for (int i = 0; i < size; i++) {
      for (int j = i + 1; j < size; j++) {
        if (!graph.isAdjacent(i, j)) {
          continue;
        }
        if (knowledge.isForbidden(j, i) || knowledge.isRequired(i, j)) {
          graph.orient(i, j);
        } else if (knowledge.isForbidden(i, j) || knowledge.isRequired(j, i)) {
          graph.orient(j, i);
        }
      }
    }
  }

  /**
   * The unshielded triples x - y - z (x < z) that the knowledge allows as colliders, visited by
   * middle node, then x, then z.
   */
  private static List<int[]> allowedTriples(MixedGraph graph, BackgroundKnowledge knowledge) {
    List<int[]> triples = new ArrayList<>();
    int size = graph.size();
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        if (!graph.isAdjacent(x, y)) {
          continue;
        }
        for (int z = x + 1; z < size; z++) {
          if (!graph.isAdjacent(z, y) || graph.isAdjacent(x, z)) {
            continue;
          }
          boolean knowledgeAllows =
              !knowledge.isForbidden(x, y)
                  && !knowledge.isForbidden(z, y)
                  && !knowledge.isRequired(y, x)
                  && !knowledge.isRequired(y, z);
          if (knowledgeAllows) {
            triples.add(new int[] {x, y, z});
          }
        }
      }
    }
    return triples;
  }

  /**
   * The unshielded triples x - y - z (x < z) whose separating sets exclude y and that the knowledge
   * allows as colliders, in the order of {@link #allowedTriples}.
   */
  static List<int[]> colliderCandidates(
      MixedGraph graph, SeparationSets separationSets, BackgroundKnowledge knowledge) {
    return allowedTriples(graph, knowledge).stream()
        .filter(triple -> !separationSets.contains(triple[0], triple[2], triple[1]))
        .toList();
  }

  /**
   * Conservative PC's judgement of the unshielded triples ({@link ColliderRule#CONSERVATIVE}): the
   * colliders, in the order of {@link #colliderCandidates}, and the ambiguous triples (keyed by
   * {@link #tripleKey}).
   */
  record Judgement(List<int[]> colliders, Set<Long> ambiguous) {}

  /**
   * Judges every unshielded triple x - y - z (x < z) conservatively: x and z are tested given each
   * subset of the neighbours of x (but z) and of z (but x), of at most {@code maxDepth} nodes (all
   * sizes when unlimited). A triple the knowledge forbids as a collider is not one.
   */
  static Judgement conservativeTriples(
      MixedGraph graph,
      SeparationSets separationSets,
      BackgroundKnowledge knowledge,
      IndependenceTest test,
      double alpha,
      int maxDepth) {
    List<int[]> triples = allowedTriples(graph, knowledge);
    // The sets that separate each pair of ends, tested once per pair however many middles it has,
    // with the pair's tests announced to the test (they all lie within the two neighbourhoods).
    Map<Long, List<int[]>> separating = new HashMap<>();
    for (int[] triple : triples) {
      int x = triple[0];
      int z = triple[2];
      long pair = (long) x * graph.size() + z;
      if (separating.containsKey(pair)) {
        continue;
      }
      int[] neighborhood =
          IntStream.concat(
                  IntStream.of(x, z),
                  IntStream.concat(
                      Arrays.stream(graph.neighbors(x)), Arrays.stream(graph.neighbors(z))))
              .distinct()
              .toArray();
      test.prepare(x, neighborhood);
      try {
        List<int[]> sets = new ArrayList<>();
        for (int[] set : conditioningSets(graph, x, z, maxDepth)) {
          if (test.pValue(x, z, set) > alpha) {
            sets.add(set);
          }
        }
        separating.put(pair, sets);
      } finally {
        test.release(x);
      }
    }
    List<int[]> colliders = new ArrayList<>();
    Set<Long> ambiguous = new HashSet<>();
    for (int[] triple : triples) {
      int x = triple[0];
      int y = triple[1];
      int z = triple[2];
      int withMiddle = 0;
      int withoutMiddle = 0;
      for (int[] set : separating.get((long) x * graph.size() + z)) {
        if (Arrays.stream(set).anyMatch(node -> node == y)) {
          withMiddle++;
        } else {
          withoutMiddle++;
        }
      }
      boolean collider =
          withMiddle == 0 && withoutMiddle == 0
              ? !separationSets.contains(x, z, y)
              : withMiddle == 0;
      if (collider) {
        colliders.add(triple);
      } else if (withMiddle > 0 && withoutMiddle > 0) {
        ambiguous.add(tripleKey(graph.size(), x, y, z));
      }
    }
    return new Judgement(colliders, ambiguous);
  }

  /** The distinct subsets of the neighbours of x but z and of z but x, up to {@code maxDepth}. */
  private static List<int[]> conditioningSets(MixedGraph graph, int x, int z, int maxDepth) {
    Set<List<Integer>> seen = new HashSet<>();
    List<int[]> sets = new ArrayList<>();
    for (int[] end : List.of(new int[] {x, z}, new int[] {z, x})) {
      int[] others = Arrays.stream(graph.neighbors(end[0])).filter(n -> n != end[1]).toArray();
      int largest =
          maxDepth == PcSettings.UNLIMITED_DEPTH
              ? others.length
              : Math.min(others.length, maxDepth);
      for (int setSize = 0; setSize <= largest; setSize++) {
        for (int[] subset : Combinations.of(others, setSize)) {
          int[] sorted = subset.clone();
          Arrays.sort(sorted);
          if (seen.add(Arrays.stream(sorted).boxed().toList())) {
            sets.add(sorted);
          }
        }
      }
    }
    return sets;
  }

  /** A triple x - y - z by its middle node and its unordered ends. */
  static long tripleKey(int size, int x, int y, int z) {
    return ((long) y * size + Math.min(x, z)) * size + Math.max(x, z);
  }

  /**
   * Orients x -> y <- z for each candidate in turn, skipping one whose middle node already points
   * into x or z, so an earlier collider is never reversed.
   */
  static void orientColliders(MixedGraph graph, List<int[]> candidates) {
    for (int[] triple : candidates) {
      int x = triple[0];
      int y = triple[1];
      int z = triple[2];
      if (!graph.isDirected(y, x) && !graph.isDirected(y, z)) {
        graph.orient(x, y);
        graph.orient(z, y);
      }
    }
  }

  /** Applies Meek's rules 1 to 3, and rule 4 when knowledge is present, until nothing changes. */
  static void applyMeekRules(MixedGraph graph, BackgroundKnowledge knowledge) {
    applyMeekRules(graph, knowledge, Set.of());
  }

  /**
   * Meek's rules as {@link #applyMeekRules(MixedGraph, BackgroundKnowledge)}, except that the first
   * rule never orients through an ambiguous triple (keys of {@link #tripleKey}): doing so would
   * decide that it is not a collider.
   */
  static void applyMeekRules(MixedGraph graph, BackgroundKnowledge knowledge, Set<Long> ambiguous) {
    boolean useRuleFour = !knowledge.isEmpty();
    boolean changed = true;
    while (changed) {
      changed = ruleOne(graph, knowledge, ambiguous);
      changed |= ruleTwo(graph, knowledge);
      changed |= ruleThree(graph, knowledge);
      if (useRuleFour) {
        changed |= ruleFour(graph, knowledge);
      }
    }
  }

  private static boolean allowed(BackgroundKnowledge knowledge, int from, int to) {
    return !knowledge.isForbidden(from, to) && !knowledge.isRequired(to, from);
  }

  // i -> j -- k with i, k not adjacent: j -> k, else i -> j <- k would be a new collider.
  private static boolean ruleOne(
      MixedGraph graph, BackgroundKnowledge knowledge, Set<Long> ambiguous) {
    boolean changed = false;
    int size = graph.size();
    for (int j = 0; j < size; j++) {
      for (int i = 0; i < size; i++) {
        if (!graph.isDirected(i, j)) {
          continue;
        }
        for (int k = 0; k < size; k++) {
          if (k != i
              && graph.isUndirected(j, k)
              && !graph.isAdjacent(i, k)
              && allowed(knowledge, j, k)
              && !ambiguous.contains(tripleKey(size, i, j, k))) {
            graph.orient(j, k);
            changed = true;
          }
        }
      }
    }
    return changed;
  }

  // i -> j -> k and i -- k: i -> k, else a cycle.
  private static boolean ruleTwo(MixedGraph graph, BackgroundKnowledge knowledge) {
    boolean changed = false;
    int size = graph.size();
    for (int i = 0; i < size; i++) {
      for (int k = 0; k < size; k++) {
        if (!graph.isUndirected(i, k) || !allowed(knowledge, i, k)) {
          continue;
        }
        for (int j = 0; j < size; j++) {
          if (graph.isDirected(i, j) && graph.isDirected(j, k)) {
            graph.orient(i, k);
            changed = true;
            break;
          }
        }
      }
    }
    return changed;
  }

  // i -- j -> l, i -- k -> l, i -- l, j and k not adjacent: i -> l.
  private static boolean ruleThree(MixedGraph graph, BackgroundKnowledge knowledge) {
    boolean changed = false;
    int size = graph.size();
    for (int i = 0; i < size; i++) {
      for (int l = 0; l < size; l++) {
        if (graph.isUndirected(i, l) && allowed(knowledge, i, l) && hasKite(graph, i, l)) {
          graph.orient(i, l);
          changed = true;
        }
      }
    }
    return changed;
  }

  private static boolean hasKite(MixedGraph graph, int i, int l) {
    int size = graph.size();
    for (int j = 0; j < size; j++) {
      if (!graph.isUndirected(i, j) || !graph.isDirected(j, l)) {
        continue;
      }
      for (int k = j + 1; k < size; k++) {
        if (graph.isUndirected(i, k) && graph.isDirected(k, l) && !graph.isAdjacent(j, k)) {
          return true;
        }
      }
    }
    return false;
  }

  // i -- j with i adjacent to k and l, k -> l -> j, k and j not adjacent: i -> j.
  private static boolean ruleFour(MixedGraph graph, BackgroundKnowledge knowledge) {
    boolean changed = false;
    int size = graph.size();
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < size; j++) {
        if (!graph.isUndirected(i, j) || !allowed(knowledge, i, j)) {
          continue;
        }
        search:
        for (int l = 0; l < size; l++) {
          if (!graph.isDirected(l, j) || !graph.isAdjacent(i, l)) {
            continue;
          }
          for (int k = 0; k < size; k++) {
            if (graph.isDirected(k, l) && graph.isAdjacent(i, k) && !graph.isAdjacent(k, j)) {
              graph.orient(i, j);
              changed = true;
              break search;
            }
          }
        }
      }
    }
    return changed;
  }
}
