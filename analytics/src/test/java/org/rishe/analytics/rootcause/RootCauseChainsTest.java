package org.rishe.analytics.rootcause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rishe.analytics.causal.CausalGraph;
import org.rishe.analytics.causal.DiscreteData;
import org.rishe.analytics.causal.Edge;

/**
 * Chains and their effects on count tables small enough to check by hand. Variables: root (0),
 * mediator (1), problem (2); codes 0 unexposed, 1 exposed.
 */
class RootCauseChainsTest {
  private static final List<String> NAMES = List.of("root", "mediator", "problem");
  private static final Map<String, Integer> TIERS = Map.of("root", 1, "mediator", 2, "problem", 3);

  /**
   * The root raises the mediator (80 of 100 exposed against 20 of 100 unexposed), and the problem
   * depends on the mediator only: half of the mediated, a tenth of the others, whatever the root.
   * Exposed: 40 + 2 = 42 cases of 100; unexposed: 10 + 8 = 18 of 100.
   */
  private static DiscreteData fullyMediated() {
    int[][] patterns = {
      {1, 1, 1}, {1, 1, 0}, {1, 0, 1}, {1, 0, 0}, {0, 1, 1}, {0, 1, 0}, {0, 0, 1}, {0, 0, 0}
    };
    long[] counts = {40, 40, 2, 18, 10, 10, 8, 72};
    return DiscreteData.fromPatternCounts(NAMES, new int[] {2, 2, 2}, patterns, counts);
  }

  @Test
  void fullyMediatedEffectHasTheCrudeLogOddsRatioAsTotalAndNoDirectEffect() {
    CausalGraph graph = new CausalGraph(NAMES, List.of(Edge.directed(0, 1), Edge.directed(1, 2)));

    List<RootCauseChain> chains = find(fullyMediated(), graph);

    double crudeLogOddsRatio = Math.log((42.0 * 82) / (58.0 * 18));
    assertThat(chains).hasSize(2);
    RootCauseChain chain = chainOf("root", chains);
    assertThat(chain.path()).containsExactly("root", "mediator", "problem");
    assertThat(chain.total().estimate()).isCloseTo(crudeLogOddsRatio, within(1e-6));
    assertThat(chain.direct().estimate()).isCloseTo(0, within(1e-6));
    assertThat(chain.indirect().estimate()).isCloseTo(crudeLogOddsRatio, within(1e-6));
    assertThat(chain.shareMediated()).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void eachAncestorHeadsOneChainShowingItsMediatedPath() {
    CausalGraph graph =
        new CausalGraph(
            NAMES, List.of(Edge.directed(0, 1), Edge.directed(1, 2), Edge.directed(0, 2)));

    List<RootCauseChain> chains = find(fullyMediated(), graph);

    // The root reaches the problem directly and through the mediator: one chain, the mediated
    // path, whose direct effect (given the mediator) is nil. The mediator, although it has a
    // parent, heads a chain of its own: the problem depends on it, given the root, with log odds
    // ratio log((0.5 / 0.5) / (0.1 / 0.9)) = log 9 in both root strata, and nothing mediates it.
    assertThat(chains)
        .extracting(RootCauseChain::path)
        .containsExactly(List.of("mediator", "problem"), List.of("root", "mediator", "problem"));
    assertThat(chains).extracting(RootCauseChain::rank).containsExactly(1, 2);
    RootCauseChain mediator = chainOf("mediator", chains);
    assertThat(mediator.total().estimate()).isCloseTo(Math.log(9), within(1e-6));
    assertThat(mediator.direct().estimate()).isCloseTo(mediator.total().estimate(), within(1e-9));
    assertThat(mediator.indirect().estimate()).isCloseTo(0, within(1e-9));
    assertThat(chainOf("root", chains).direct().estimate()).isCloseTo(0, within(1e-6));
  }

  @Test
  void shareMediatedIsNullWhenTheRootHasNoTotalEffect() {
    int[][] patterns = {
      {1, 1, 1}, {1, 1, 0}, {1, 0, 1}, {1, 0, 0}, {0, 1, 1}, {0, 1, 0}, {0, 0, 1}, {0, 0, 0}
    };
    long[] counts = {10, 30, 30, 10, 10, 30, 30, 10};
    DiscreteData data =
        DiscreteData.fromPatternCounts(NAMES, new int[] {2, 2, 2}, patterns, counts);
    CausalGraph graph = new CausalGraph(NAMES, List.of(Edge.directed(0, 1), Edge.directed(1, 2)));

    RootCauseChain chain = chainOf("root", find(data, graph));

    assertThat(chain.total().estimate()).isCloseTo(0, within(1e-9));
    assertThat(chain.shareMediated()).isNull();
  }

  @Test
  void everyAncestorStartsPathsOfEveryLengthAndUndirectedEdgesArePossibleLinks() {
    // a -> b -> problem, c -- b: b has a directed parent yet starts a path; c is joined undirected,
    // so c -> b -> problem is a possible path (c -- b read forward).
    List<String> names = List.of("a", "b", "c", "problem");
    CausalGraph graph =
        new CausalGraph(
            names, List.of(Edge.directed(0, 1), Edge.directed(1, 3), Edge.undirected(1, 2)));
    int[][] patterns = {{0, 0, 0, 0}, {1, 1, 1, 1}, {1, 0, 1, 0}, {0, 1, 0, 1}};
    DiscreteData data =
        DiscreteData.fromPatternCounts(
            names, new int[] {2, 2, 2, 2}, patterns, new long[] {50, 50, 20, 20});
    Map<String, Integer> tiers = Map.of("a", 1, "b", 2, "c", 2, "problem", 3);

    assertThat(RootCauseChains.paths(data, graph, Set.of(), tiers, "problem", Integer.MAX_VALUE))
        .containsExactlyInAnyOrder(
            List.of("b", "problem"), List.of("a", "b", "problem"), List.of("c", "b", "problem"));
    assertThat(RootCauseChains.paths(data, graph, Set.of(), tiers, "problem", 1))
        .containsExactly(List.of("b", "problem"));
  }

  @Test
  void aPossibleChainIsMarkedAndADirectedPathIsPreferredForTheSameRoot() {
    // root -- mediator -> problem and root -> problem: the root's directed path (straight to the
    // problem) heads its chain, not the possible path through the undirected link; the mediator's
    // own chain is directed. With only the undirected link, the root's chain is possible.
    CausalGraph both =
        new CausalGraph(
            NAMES, List.of(Edge.undirected(0, 1), Edge.directed(1, 2), Edge.directed(0, 2)));
    CausalGraph possibleOnly =
        new CausalGraph(NAMES, List.of(Edge.undirected(0, 1), Edge.directed(1, 2)));

    RootCauseChain preferred = chainOf("root", find(fullyMediated(), both));
    RootCauseChain possible = chainOf("root", find(fullyMediated(), possibleOnly));

    assertThat(preferred.path()).containsExactly("root", "problem");
    assertThat(preferred.directed()).isTrue();
    assertThat(chainOf("mediator", find(fullyMediated(), both)).directed()).isTrue();
    assertThat(possible.path()).containsExactly("root", "mediator", "problem");
    assertThat(possible.directed()).isFalse();
    // Read forward, the link makes the mediator a descendant: the total is not adjusted for it.
    assertThat(possible.total().estimate())
        .isCloseTo(Math.log((42.0 * 82) / (58.0 * 18)), within(1e-6));
  }

  @Test
  void totalEffectIntervalIsWoolfsAndPeopleCountsTheRootKnown() {
    RootCauseChain chain =
        chainOf(
            "root",
            find(
                fullyMediated(),
                new CausalGraph(NAMES, List.of(Edge.directed(0, 1), Edge.directed(1, 2)))));

    // Unadjusted, the total is the crude log odds ratio of 42/58 against 18/82, whose robust and
    // model-based variances agree (the model is saturated): Woolf's 1/a + 1/b + 1/c + 1/d.
    double logOddsRatio = Math.log((42.0 * 82) / (58.0 * 18));
    double half = 1.959963984540054 * Math.sqrt(1 / 42.0 + 1 / 58.0 + 1 / 18.0 + 1 / 82.0);
    assertThat(chain.total().low()).isCloseTo(logOddsRatio - half, within(1e-6));
    assertThat(chain.total().high()).isCloseTo(logOddsRatio + half, within(1e-6));
    assertThat(chain.people()).isEqualTo(200);
  }

  @Test
  void indirectEffectIntervalMatchesTheBootstrapOfTheDifference() {
    // The fully mediated table five times over (1,000 people). Independent check of the stacked
    // sandwich variance: resample people with replacement, refit both models, and take the
    // standard deviation of total - direct over the resamples.
    long[] counts = {200, 200, 10, 90, 50, 50, 40, 360};
    int[][] patterns = {
      {1, 1, 1}, {1, 1, 0}, {1, 0, 1}, {1, 0, 0}, {0, 1, 1}, {0, 1, 0}, {0, 0, 1}, {0, 0, 0}
    };
    DiscreteData data =
        DiscreteData.fromPatternCounts(NAMES, new int[] {2, 2, 2}, patterns, counts);
    RootCauseChain chain =
        chainOf(
            "root",
            find(data, new CausalGraph(NAMES, List.of(Edge.directed(0, 1), Edge.directed(1, 2)))));
    double sandwich = (chain.indirect().high() - chain.indirect().low()) / (2 * 1.959963984540054);

    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    int people = (int) java.util.Arrays.stream(counts).sum();
    int[] personPattern = new int[people];
    for (int pattern = 0, next = 0; pattern < counts.length; pattern++) {
      for (long copy = 0; copy < counts[pattern]; copy++) {
        personPattern[next++] = pattern;
      }
    }
    int resamples = 2_000;
    double sum = 0;
    double sumOfSquares = 0;
    for (int resample = 0; resample < resamples; resample++) {
      double[] drawn = new double[counts.length];
      for (int person = 0; person < people; person++) {
        drawn[personPattern[random.nextInt(people)]]++;
      }
      double difference =
          rootCoefficient(patterns, drawn, false) - rootCoefficient(patterns, drawn, true);
      sum += difference;
      sumOfSquares += difference * difference;
    }
    double bootstrap = Math.sqrt((sumOfSquares - sum * sum / resamples) / (resamples - 1));
    assertThat(sandwich).isCloseTo(bootstrap, within(0.1 * bootstrap));
    assertThat(chain.indirect().low()).isGreaterThan(0);
  }

  /** The root's coefficient of problem ~ root (+ mediator), fitted on weighted patterns. */
  private static double rootCoefficient(int[][] patterns, double[] weights, boolean withMediator) {
    int[][] indices = new int[patterns.length][];
    double[][] values = new double[patterns.length][];
    double[] outcome = new double[patterns.length];
    for (int row = 0; row < patterns.length; row++) {
      List<Integer> columns = new java.util.ArrayList<>(List.of(0));
      if (patterns[row][0] == 1) {
        columns.add(1);
      }
      if (withMediator && patterns[row][1] == 1) {
        columns.add(2);
      }
      indices[row] = columns.stream().mapToInt(Integer::intValue).toArray();
      values[row] = new double[indices[row].length];
      java.util.Arrays.fill(values[row], 1);
      outcome[row] = patterns[row][2];
    }
    return LogisticFit.fit(indices, values, withMediator ? 3 : 2, outcome, weights)
        .orElseThrow()
        .coefficients()[1];
  }

  @Test
  void frequencyWeightedFitEqualsTheFitOfTheExpandedRows() {
    int[][] indices = {{0, 1}, {0, 1}, {0}, {0}};
    double[][] values = {{1, 1}, {1, 1}, {1}, {1}};
    double[] outcome = {1, 0, 1, 0};
    double[] weights = {42, 58, 18, 82};

    LogisticFit fit = LogisticFit.fit(indices, values, 2, outcome, weights).orElseThrow();

    // Intercept: log odds among the unexposed; slope: the log odds ratio; Woolf's standard error.
    assertThat(fit.coefficients()[0]).isCloseTo(Math.log(18.0 / 82), within(1e-8));
    assertThat(fit.coefficients()[1]).isCloseTo(Math.log(42.0 * 82 / (58 * 18)), within(1e-8));
    assertThat(fit.standardErrors()[1])
        .isCloseTo(Math.sqrt(1 / 42.0 + 1 / 58.0 + 1 / 18.0 + 1 / 82.0), within(1e-6));
  }

  private static RootCauseChain chainOf(String root, List<RootCauseChain> chains) {
    return chains.stream()
        .filter(chain -> chain.path().get(0).equals(root))
        .findFirst()
        .orElseThrow();
  }

  private static List<RootCauseChain> find(DiscreteData data, CausalGraph graph) {
    return RootCauseChains.find(
        data, graph, Set.of(), TIERS, List.of("problem"), RootCauseChains.Settings.defaults());
  }
}
