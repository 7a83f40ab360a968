package org.rishe.analytics.causal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PC-stable causal structure discovery: an order-independent skeleton search, then colliders from
 * the separation sets, background knowledge and Meek's rules. With a perfect independence oracle
 * and no knowledge the result is the CPDAG of the true DAG.
 */
public final class PcStable {
  private PcStable() {}

  /** Runs PC with no background knowledge. */
  public static CausalGraph discover(
      IndependenceTest test, List<String> names, PcSettings settings) {
    return discover(test, names, settings, BackgroundKnowledge.none(names.size()));
  }

  /** Runs PC; edges against the knowledge never appear and tier edges point forward in time. */
  public static CausalGraph discover(
      IndependenceTest test,
      List<String> names,
      PcSettings settings,
      BackgroundKnowledge knowledge) {
    requireNonNull(test, "test is null");
    requireNonNull(names, "names is null");
    requireNonNull(settings, "settings is null");
    requireNonNull(knowledge, "knowledge is null");
    if (names.size() != test.variableCount() || knowledge.tierOfNode().size() != names.size()) {
      throw new IllegalArgumentException(
          "%d names, %d test variables and %d knowledge nodes: all three must describe the same variables"
              .formatted(names.size(), test.variableCount(), knowledge.tierOfNode().size()));
    }
    SeparationSets separationSets = new SeparationSets(names.size());
    MixedGraph graph = new SkeletonSearch(test, settings, knowledge).search(separationSets);
    Orientation.orientByKnowledge(graph, knowledge);
    List<int[]> colliders;
    Set<Long> ambiguous = Set.of();
    if (settings.colliderRule() == ColliderRule.CONSERVATIVE) {
      Orientation.Judgement judgement =
          Orientation.conservativeTriples(
              graph, separationSets, knowledge, test, settings.alpha(), settings.maxDepth());
      colliders = judgement.colliders();
      ambiguous = judgement.ambiguous();
    } else {
      colliders = Orientation.colliderCandidates(graph, separationSets, knowledge);
    }
    if (settings.colliderConflict() == ColliderConflict.STRONGEST_FIRST) {
      colliders = strongestFirst(test, graph, colliders, settings.maxDepth());
    }
    Orientation.orientColliders(graph, colliders);
    Orientation.applyMeekRules(graph, knowledge, ambiguous);
    return graph.freeze(names);
  }

  /**
   * Sorts colliders by the largest p-value of x and z given any subset of the neighbours of x or of
   * z that holds y: the smaller it is, the more clearly conditioning on y keeps x and z dependent.
   * The sort is stable, so ties keep node order. With a depth limit, larger sets are not tried:
   * without one, the skeleton already bounds every neighbourhood.
   */
  private static List<int[]> strongestFirst(
      IndependenceTest test, MixedGraph graph, List<int[]> colliders, int maxDepth) {
    List<int[]> sorted = new ArrayList<>(colliders);
    Map<int[], Double> strength = new IdentityHashMap<>();
    for (int[] triple : colliders) {
      double largest =
          Math.max(
              largestPValueWith(test, graph.neighbors(triple[0]), triple, maxDepth),
              largestPValueWith(test, graph.neighbors(triple[2]), triple, maxDepth));
      strength.put(triple, largest);
    }
    sorted.sort(Comparator.comparingDouble(strength::get));
    return sorted;
  }

  private static double largestPValueWith(
      IndependenceTest test, int[] neighbors, int[] triple, int maxDepth) {
    double largest = 0;
    int[] others = Arrays.stream(neighbors).filter(node -> node != triple[1]).toArray();
    int largestSubset =
        maxDepth == PcSettings.UNLIMITED_DEPTH
            ? others.length
            : Math.min(others.length, Math.max(0, maxDepth - 1));
    for (int size = 0; size <= largestSubset; size++) {
      for (int[] subset : Combinations.of(others, size)) {
        int[] conditioning = Arrays.copyOf(subset, size + 1);
        conditioning[size] = triple[1];
        largest = Math.max(largest, test.pValue(triple[0], triple[2], conditioning));
      }
    }
    return largest;
  }
}
