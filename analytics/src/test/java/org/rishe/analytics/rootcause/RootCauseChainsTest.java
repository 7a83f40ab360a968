package org.rishe.analytics.rootcause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rishe.analytics.causal.CausalGraph;
import org.rishe.analytics.causal.DiscreteData;
import org.rishe.analytics.causal.Edge;
import org.rishe.analytics.stats.Estimate;

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

    SplittableRandom random = new SplittableRandom(7);
    int people = (int) Arrays.stream(counts).sum();
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
      List<Integer> columns = new ArrayList<>(List.of(0));
      if (patterns[row][0] == 1) {
        columns.add(1);
      }
      if (withMediator && patterns[row][1] == 1) {
        columns.add(2);
      }
      indices[row] = columns.stream().mapToInt(Integer::intValue).toArray();
      values[row] = new double[indices[row].length];
      Arrays.fill(values[row], 1);
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

  /**
   * The collapse is exact: a model reads only the outcome, the root, the demographics and its
   * adjustment codes, so fitting it on the patterns grouped by those (and the sandwich sums on the
   * direct model's groups) gives what one row per pattern gives. The data spreads each combination
   * of the variables read over patterns differing only in {@code noise}, which no model reads, and
   * has missing codes (2) in the confounder and the root. Being in the problems' tier, the noise is
   * no chain's confounder.
   */
  @Test
  void effectsOnGroupedPatternsEqualThoseOfOneRowPerPattern() {
    List<String> names = List.of("age_band", "confounder", "root", "noise", "mediator", "problem");
    int[] cardinalities = {3, 3, 3, 4, 2, 2};
    Map<String, Integer> tiers =
        Map.of("age_band", 0, "confounder", 1, "root", 1, "mediator", 2, "noise", 3, "problem", 3);
    CausalGraph graph =
        new CausalGraph(
            names,
            List.of(
                Edge.directed(1, 2),
                Edge.directed(2, 4),
                Edge.directed(4, 5),
                Edge.directed(1, 5),
                Edge.directed(0, 5)));
    SplittableRandom random = new SplittableRandom(11);
    List<int[]> split = new ArrayList<>();
    List<Long> splitCounts = new ArrayList<>();
    List<int[]> merged = new ArrayList<>();
    List<Long> mergedCounts = new ArrayList<>();
    for (int age = 0; age < 3; age++) {
      for (int confounder = 0; confounder < 3; confounder++) {
        for (int root = 0; root < 3; root++) {
          for (int mediator = 0; mediator < 2; mediator++) {
            for (int problem = 0; problem < 2; problem++) {
              long total = 0;
              for (int noise = 0; noise < 4; noise++) {
                long count = random.nextInt(0, 25);
                if (count > 0) {
                  split.add(new int[] {age, confounder, root, noise, mediator, problem});
                  splitCounts.add(count);
                  total += count;
                }
              }
              if (total > 0) {
                merged.add(new int[] {age, confounder, root, 0, mediator, problem});
                mergedCounts.add(total);
              }
            }
          }
        }
      }
    }
    DiscreteData splitData = data(names, cardinalities, split, splitCounts);
    DiscreteData mergedData = data(names, cardinalities, merged, mergedCounts);

    List<RootCauseChain> chains = find(splitData, graph, Set.of("age_band"), tiers);
    List<RootCauseChain> fromMerged = find(mergedData, graph, Set.of("age_band"), tiers);

    assertThat(chains)
        .extracting(RootCauseChain::path)
        .containsExactlyInAnyOrder(
            List.of("mediator", "problem"),
            List.of("root", "mediator", "problem"),
            List.of("confounder", "root", "mediator", "problem"));
    assertThat(fromMerged)
        .extracting(RootCauseChain::path)
        .isEqualTo(chains.stream().map(RootCauseChain::path).toList());
    // The root's chain: total adjusted for the confounder, direct also for the mediator.
    RootCauseChain rootChain = chainOf("root", chains);
    Estimate[] reference =
        onePatternPerRowEffects(
            splitData, List.of("confounder"), List.of("confounder", "mediator"));
    assertSameEstimate(rootChain.total(), reference[0]);
    assertSameEstimate(rootChain.direct(), reference[1]);
    assertSameEstimate(rootChain.indirect(), reference[2]);
    for (int chain = 0; chain < chains.size(); chain++) {
      assertSameEstimate(chains.get(chain).total(), fromMerged.get(chain).total());
      assertSameEstimate(chains.get(chain).direct(), fromMerged.get(chain).direct());
      assertSameEstimate(chains.get(chain).indirect(), fromMerged.get(chain).indirect());
      assertThat(chains.get(chain).people()).isEqualTo(fromMerged.get(chain).people());
    }
    long rootKnown = 0;
    for (int pattern = 0; pattern < splitData.patternCount(); pattern++) {
      rootKnown += splitData.code(pattern, 2) <= 1 ? (long) splitData.weight(pattern) : 0;
    }
    assertThat(rootChain.people()).isEqualTo(rootKnown);
  }

  private static DiscreteData data(
      List<String> names, int[] cardinalities, List<int[]> patterns, List<Long> counts) {
    return DiscreteData.fromPatternCounts(
        names,
        cardinalities,
        patterns.toArray(int[][]::new),
        counts.stream().mapToLong(Long::longValue).toArray());
  }

  private static void assertSameEstimate(Estimate actual, Estimate expected) {
    assertThat(actual.estimate()).isCloseTo(expected.estimate(), within(1e-9));
    assertThat(actual.low()).isCloseTo(expected.low(), within(1e-9));
    assertThat(actual.high()).isCloseTo(expected.high(), within(1e-9));
  }

  /**
   * Total, direct and indirect effects of {@code root} on {@code problem} in the data of {@link
   * #effectsOnGroupedPatternsEqualThoseOfOneRowPerPattern} computed as before the collapse: one
   * design row per pattern where the root is known (intercept, root, age-band levels 1 and 2, and
   * per adjustment code its exposed and missing indicators, constant columns left out), and the
   * stacked sandwich variance summed pattern by pattern.
   */
  private static Estimate[] onePatternPerRowEffects(
      DiscreteData data, List<String> totalAdjustment, List<String> directAdjustment) {
    List<Integer> units = new ArrayList<>();
    for (int pattern = 0; pattern < data.patternCount(); pattern++) {
      if (data.code(pattern, 2) <= 1 && data.weight(pattern) > 0) {
        units.add(pattern);
      }
    }
    double[][] totalInfluence = new double[1][];
    double[][] directInfluence = new double[1][];
    double totalEffect = onePatternPerRowFit(data, units, totalAdjustment, totalInfluence);
    double directEffect = onePatternPerRowFit(data, units, directAdjustment, directInfluence);
    double totalVariance = 0;
    double directVariance = 0;
    double differenceVariance = 0;
    for (int row = 0; row < units.size(); row++) {
      double weight = data.weight(units.get(row));
      totalVariance += weight * totalInfluence[0][row] * totalInfluence[0][row];
      directVariance += weight * directInfluence[0][row] * directInfluence[0][row];
      double difference = totalInfluence[0][row] - directInfluence[0][row];
      differenceVariance += weight * difference * difference;
    }
    double z = 1.959963984540054;
    return new Estimate[] {
      new Estimate(
          totalEffect,
          totalEffect - z * Math.sqrt(totalVariance),
          totalEffect + z * Math.sqrt(totalVariance)),
      new Estimate(
          directEffect,
          directEffect - z * Math.sqrt(directVariance),
          directEffect + z * Math.sqrt(directVariance)),
      new Estimate(
          totalEffect - directEffect,
          totalEffect - directEffect - z * Math.sqrt(differenceVariance),
          totalEffect - directEffect + z * Math.sqrt(differenceVariance))
    };
  }

  /**
   * Fits problem (5) ~ root (2) + age_band (0) + adjustment on one row per unit pattern; returns
   * the root's coefficient and puts each row's influence on it in {@code influence[0]}.
   */
  private static double onePatternPerRowFit(
      DiscreteData data, List<Integer> units, List<String> adjustment, double[][] influence) {
    List<int[]> levels = new ArrayList<>(List.of(new int[] {0, 1}, new int[] {0, 2}));
    for (String name : adjustment) {
      int variable = data.names().indexOf(name);
      levels.add(new int[] {variable, 1});
      levels.add(new int[] {variable, CausalGraphTransforms.MISSING});
    }
    levels.removeIf(
        level ->
            units.stream()
                    .map(pattern -> data.code(pattern, level[0]) == level[1])
                    .distinct()
                    .count()
                < 2);
    int width = levels.size() + 2;
    int[][] indices = new int[units.size()][];
    double[][] values = new double[units.size()][];
    double[] outcomes = new double[units.size()];
    double[] weights = new double[units.size()];
    for (int row = 0; row < units.size(); row++) {
      int pattern = units.get(row);
      List<Integer> ones = new ArrayList<>(List.of(0));
      if (data.code(pattern, 2) == 1) {
        ones.add(1);
      }
      for (int column = 0; column < levels.size(); column++) {
        if (data.code(pattern, levels.get(column)[0]) == levels.get(column)[1]) {
          ones.add(column + 2);
        }
      }
      indices[row] = ones.stream().mapToInt(Integer::intValue).toArray();
      values[row] = new double[indices[row].length];
      Arrays.fill(values[row], 1);
      outcomes[row] = data.code(pattern, 5) == 1 ? 1 : 0;
      weights[row] = data.weight(pattern);
    }
    LogisticFit fit = LogisticFit.fit(indices, values, width, outcomes, weights).orElseThrow();
    influence[0] = new double[units.size()];
    for (int row = 0; row < units.size(); row++) {
      double eta = 0;
      double projected = 0;
      for (int column : indices[row]) {
        eta += fit.coefficients()[column];
        projected += fit.covariance()[1][column];
      }
      influence[0][row] = projected * (outcomes[row] - 1 / (1 + Math.exp(-eta)));
    }
    return fit.coefficients()[1];
  }

  private static RootCauseChain chainOf(String root, List<RootCauseChain> chains) {
    return chains.stream()
        .filter(chain -> chain.path().get(0).equals(root))
        .findFirst()
        .orElseThrow();
  }

  private static List<RootCauseChain> find(DiscreteData data, CausalGraph graph) {
    return find(data, graph, Set.of(), TIERS);
  }

  private static List<RootCauseChain> find(
      DiscreteData data, CausalGraph graph, Set<String> demographics, Map<String, Integer> tiers) {
    return RootCauseChains.find(
        data, graph, demographics, tiers, List.of("problem"), RootCauseChains.Settings.defaults());
  }
}
