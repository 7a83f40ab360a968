package org.rishe.analytics.causal;

import static java.util.Objects.requireNonNull;

import java.util.List;

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
    Orientation.orientColliders(graph, separationSets, knowledge);
    Orientation.applyMeekRules(graph, knowledge);
    return graph.freeze(names);
  }
}
