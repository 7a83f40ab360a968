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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
  void fullyMediatedEffectIsTheCrudeRiskDifferenceAllOfItIndirect() {
    CausalGraph graph = new CausalGraph(NAMES, List.of(Edge.directed(0, 1), Edge.directed(1, 2)));

    List<RootCauseChain> chains = find(fullyMediated(), graph);

    // psi(1,1) = 0.8 * 0.5 + 0.2 * 0.1 = 0.42; psi(0,0) = psi(1,0) = 0.2 * 0.5 + 0.8 * 0.1 = 0.18:
    // the problem does not read the root, so drawing the mediator as if unexposed is all of it.
    assertThat(chains).hasSize(2);
    RootCauseChain chain = chainOf("root", chains);
    assertThat(chain.path()).containsExactly("root", "mediator", "problem");
    assertThat(chain.riskExposed()).isCloseTo(0.42, within(1e-8));
    assertThat(chain.riskUnexposed()).isCloseTo(0.18, within(1e-8));
    assertThat(chain.total().estimate()).isCloseTo(0.24, within(1e-8));
    assertThat(chain.direct().estimate()).isCloseTo(0, within(1e-8));
    assertThat(chain.indirect().estimate()).isCloseTo(0.24, within(1e-8));
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
    // parent, heads a chain of its own: the problem depends on it, given the root, with risk
    // difference 0.5 - 0.1 = 0.4 in both root strata, and nothing mediates it.
    assertThat(chains)
        .extracting(RootCauseChain::path)
        .containsExactly(List.of("mediator", "problem"), List.of("root", "mediator", "problem"));
    assertThat(chains).extracting(RootCauseChain::rank).containsExactly(1, 2);
    RootCauseChain mediator = chainOf("mediator", chains);
    assertThat(mediator.total().estimate()).isCloseTo(0.4, within(1e-8));
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
    assertThat(possible.total().estimate()).isCloseTo(0.42 - 0.18, within(1e-8));
  }

  @Test
  void totalEffectIntervalIsTheWaldIntervalOfTheRiskDifference() {
    RootCauseChain chain =
        chainOf(
            "root",
            find(
                fullyMediated(),
                new CausalGraph(NAMES, List.of(Edge.directed(0, 1), Edge.directed(1, 2)))));

    // Without confounders the total is the crude risk difference 42/100 - 18/100, whose textbook
    // variance is p1 (1 - p1) / n1 + p0 (1 - p0) / n0; every person is a family of their own, with
    // the small-sample factor G / (G - 1) of 200 families.
    double variance = (0.42 * 0.58 / 100 + 0.18 * 0.82 / 100) * 200 / 199.0;
    double half = 1.959963984540054 * Math.sqrt(variance);
    assertThat(chain.total().low()).isCloseTo(0.24 - half, within(1e-8));
    assertThat(chain.total().high()).isCloseTo(0.24 + half, within(1e-8));
    assertThat(chain.people()).isEqualTo(200);
    assertThat(chain.families()).isEqualTo(200);
  }

  private static final List<String> CONFOUNDED = List.of("sex", "root", "mediator", "problem");

  /**
   * Odds of the problem by (root, mediator, sex) as numerator and denominator: base 1/4, times 2
   * for the root, 3 for the mediator and 2 for sex, so the main-effects logistic model of the
   * problem holds exactly and its fit reproduces these risks.
   */
  private static final int[][][][] ODDS = {
    {{{1, 4}, {1, 2}}, {{3, 4}, {3, 2}}}, {{{1, 2}, {1, 1}}, {{3, 2}, {3, 1}}}
  };

  /** People per (sex, root, mediator), in units of (numerator + denominator) of the cell's odds. */
  private static final int[][][] CELL_UNITS = {{{10, 3}, {4, 9}}, {{6, 5}, {2, 12}}};

  /**
   * Sex confounds the root, the mediator and the problem; the root acts on the problem directly and
   * through the mediator. Each cell (sex, root, mediator) has {@code scale} times {@link
   * #CELL_UNITS} units of people, split between problem and not by the cell's {@link #ODDS}.
   */
  private static DiscreteData confounded(int scale) {
    return confounded(scale, ODDS);
  }

  /**
   * Odds like {@link #ODDS} without the root; the root leaves them as they are without the mediator
   * and multiplies them by 9 with it, so only a model with the root × mediator interaction holds
   * exactly.
   */
  private static final int[][][][] INTERACTING_ODDS = {
    {{{1, 4}, {1, 2}}, {{3, 4}, {3, 2}}}, {{{1, 4}, {1, 2}}, {{27, 4}, {27, 2}}}
  };

  private static DiscreteData confounded(int scale, int[][][][] cellOdds) {
    List<int[]> patterns = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    for (int sex = 0; sex < 2; sex++) {
      for (int root = 0; root < 2; root++) {
        for (int mediator = 0; mediator < 2; mediator++) {
          int[] odds = cellOdds[root][mediator][sex];
          long units = (long) scale * CELL_UNITS[sex][root][mediator];
          patterns.add(new int[] {sex, root, mediator, 1});
          counts.add(units * odds[0]);
          patterns.add(new int[] {sex, root, mediator, 0});
          counts.add(units * odds[1]);
        }
      }
    }
    return data(CONFOUNDED, new int[] {2, 2, 2, 2}, patterns, counts);
  }

  /** ψ(a, a') = Σ_c P(c) Σ_m P(Y=1 | a, m, c) P(m | a', c), summed out of the cell counts. */
  private static double handPsi(int a, int drawn) {
    return handPsi(a, drawn, ODDS);
  }

  private static double handPsi(int a, int drawn, int[][][][] cellOdds) {
    double people = 0;
    double[] bySex = new double[2];
    for (int sex = 0; sex < 2; sex++) {
      for (int root = 0; root < 2; root++) {
        for (int mediator = 0; mediator < 2; mediator++) {
          double cell = cellPeople(sex, root, mediator, cellOdds);
          bySex[sex] += cell;
          people += cell;
        }
      }
    }
    double psi = 0;
    for (int sex = 0; sex < 2; sex++) {
      double drawnPeople =
          cellPeople(sex, drawn, 0, cellOdds) + cellPeople(sex, drawn, 1, cellOdds);
      for (int mediator = 0; mediator < 2; mediator++) {
        int[] odds = cellOdds[a][mediator][sex];
        double risk = odds[0] / (double) (odds[0] + odds[1]);
        psi +=
            bySex[sex] / people * risk * cellPeople(sex, drawn, mediator, cellOdds) / drawnPeople;
      }
    }
    return psi;
  }

  private static double cellPeople(int sex, int root, int mediator) {
    return cellPeople(sex, root, mediator, ODDS);
  }

  private static double cellPeople(int sex, int root, int mediator, int[][][][] cellOdds) {
    int[] odds = cellOdds[root][mediator][sex];
    return CELL_UNITS[sex][root][mediator] * (odds[0] + odds[1]);
  }

  private static final CausalGraph CONFOUNDED_GRAPH =
      new CausalGraph(
          CONFOUNDED,
          List.of(
              Edge.directed(0, 1),
              Edge.directed(0, 2),
              Edge.directed(0, 3),
              Edge.directed(1, 2),
              Edge.directed(2, 3),
              Edge.directed(1, 3)));

  private static final Map<String, Integer> CONFOUNDED_TIERS =
      Map.of("sex", 0, "root", 1, "mediator", 2, "problem", 3);

  @Test
  void effectsEqualTheMediationalGFormulaSummedByHand() {
    List<RootCauseChain> chains =
        find(confounded(1), CONFOUNDED_GRAPH, Set.of("sex"), CONFOUNDED_TIERS);

    RootCauseChain chain = chainOf("root", chains);
    double exposed = handPsi(1, 1);
    double mediatorsUnexposed = handPsi(1, 0);
    double unexposed = handPsi(0, 0);
    assertThat(chain.path()).containsExactly("root", "mediator", "problem");
    assertThat(chain.riskExposed()).isCloseTo(exposed, within(1e-7));
    assertThat(chain.riskUnexposed()).isCloseTo(unexposed, within(1e-7));
    assertThat(chain.total().estimate()).isCloseTo(exposed - unexposed, within(1e-7));
    assertThat(chain.direct().estimate()).isCloseTo(mediatorsUnexposed - unexposed, within(1e-7));
    assertThat(chain.indirect().estimate()).isCloseTo(exposed - mediatorsUnexposed, within(1e-7));
    assertThat(chain.indirect().estimate()).isGreaterThan(0.01);
    assertThat(chain.shareMediated())
        .isCloseTo((exposed - mediatorsUnexposed) / (exposed - unexposed), within(1e-6));
    for (RootCauseChain any : chains) {
      assertThat(any.total().estimate())
          .isEqualTo(any.direct().estimate() + any.indirect().estimate(), within(1e-15));
    }
  }

  @Test
  void aRootThatActsOnlyWithTheMediatorGetsTheGFormulaOfTheInteractingModel() {
    RootCauseChain chain =
        chainOf(
            "root",
            find(
                confounded(1, INTERACTING_ODDS),
                CONFOUNDED_GRAPH,
                Set.of("sex"),
                CONFOUNDED_TIERS));

    // The outcome model with the root x mediator interaction reproduces every cell's risk, so the
    // effects are the g-formula summed by hand; a main-effects model would average the root's odds
    // ratios of 1 and 9 and misstate all three.
    double exposed = handPsi(1, 1, INTERACTING_ODDS);
    double mediatorsUnexposed = handPsi(1, 0, INTERACTING_ODDS);
    double unexposed = handPsi(0, 0, INTERACTING_ODDS);
    assertThat(chain.path()).containsExactly("root", "mediator", "problem");
    assertThat(chain.direct().estimate()).isCloseTo(mediatorsUnexposed - unexposed, within(1e-7));
    assertThat(chain.indirect().estimate()).isCloseTo(exposed - mediatorsUnexposed, within(1e-7));
    assertThat(chain.riskExposed()).isCloseTo(exposed, within(1e-7));
    assertThat(chain.riskUnexposed()).isCloseTo(unexposed, within(1e-7));
    assertThat(chain.total().low()).isLessThan(chain.total().estimate());
    assertThat(chain.total().high()).isGreaterThan(chain.total().estimate());
  }

  @Test
  void aRootAndMediatorCellWithoutCasesFallsBackToTheMainEffectsModel() {
    // Nobody exposed with the mediator has the problem: the interaction's coefficient would run
    // off to minus infinity, so the outcome model is fitted with main effects instead, and the
    // chain keeps its estimates. Without confounders every weight is 1, and the main-effects
    // model's score equation for the root column makes psi(1,1) the exposed's observed risk and
    // psi(0,0) the unexposed's: 5 of 60 and 18 of 100.
    int[][] patterns = {
      {1, 1, 1}, {1, 1, 0}, {1, 0, 1}, {1, 0, 0}, {0, 1, 1}, {0, 1, 0}, {0, 0, 1}, {0, 0, 0}
    };
    long[] counts = {0, 40, 5, 15, 10, 10, 8, 72};
    DiscreteData data =
        DiscreteData.fromPatternCounts(NAMES, new int[] {2, 2, 2}, patterns, counts);
    CausalGraph graph = new CausalGraph(NAMES, List.of(Edge.directed(0, 1), Edge.directed(1, 2)));

    RootCauseChain chain = chainOf("root", find(data, graph));

    assertThat(chain.path()).containsExactly("root", "mediator", "problem");
    assertThat(chain.riskExposed()).isCloseTo(5 / 60.0, within(1e-7));
    assertThat(chain.riskUnexposed()).isCloseTo(18 / 100.0, within(1e-7));
    assertThat(chain.total().estimate())
        .isEqualTo(chain.direct().estimate() + chain.indirect().estimate(), within(1e-15));
    assertThat(chain.total().low()).isLessThan(chain.total().estimate());
  }

  @Test
  void peopleOutsideTheOverlapAreLeftOut() {
    // A third sex code nobody exposed has: P(root | sex 2) = 0, so those people cannot be weighted
    // to stand for the exposed and are left out; the effects are those of the people without them.
    DiscreteData base = confounded(1);
    List<int[]> patterns = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    for (int pattern = 0; pattern < base.patternCount(); pattern++) {
      int[] codes = new int[CONFOUNDED.size()];
      for (int variable = 0; variable < codes.length; variable++) {
        codes[variable] = base.code(pattern, variable);
      }
      patterns.add(codes);
      counts.add((long) base.weight(pattern));
    }
    patterns.addAll(
        List.of(new int[] {2, 0, 0, 1}, new int[] {2, 0, 1, 0}, new int[] {2, 0, 0, 0}));
    counts.addAll(List.of(5L, 7L, 30L));
    DiscreteData withUnexposedStratum = data(CONFOUNDED, new int[] {3, 2, 2, 2}, patterns, counts);

    RootCauseChain trimmed =
        chainOf(
            "root", find(withUnexposedStratum, CONFOUNDED_GRAPH, Set.of("sex"), CONFOUNDED_TIERS));
    RootCauseChain without =
        chainOf("root", find(base, CONFOUNDED_GRAPH, Set.of("sex"), CONFOUNDED_TIERS));

    assertThat(trimmed.people()).isEqualTo(without.people());
    assertSameEstimate(trimmed.total(), without.total());
    assertSameEstimate(trimmed.indirect(), without.indirect());
    // ... and their families are no clusters of its intervals: they have no influence on it.
    ChainInfluence influence =
        RootCauseChains.estimate(
                withUnexposedStratum,
                CONFOUNDED_GRAPH,
                Set.of("sex"),
                CONFOUNDED_TIERS,
                List.of("problem"),
                RootCauseChains.Settings.defaults(),
                line -> {})
            .stream()
            .filter(chain -> chain.path().get(0).equals("root"))
            .findFirst()
            .orElseThrow()
            .effects()
            .influence();
    assertThat(influence.of(new byte[] {2, 0, 0, 1})).isNull();
    assertThat(influence.of(new byte[] {1, 0, 0, 1})).hasSize(3);
  }

  @Test
  void aConfounderNotAskedOfTheExposedIsNotAdjustedFor() {
    // "absence" is missing (2) for every exposed person (not asked of them) and 0 for the others:
    // it records the root, not a cause of it, so the chain is as if it were not there.
    DiscreteData base = confounded(1);
    List<String> names = new ArrayList<>(CONFOUNDED);
    names.add("absence");
    List<int[]> patterns = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    for (int pattern = 0; pattern < base.patternCount(); pattern++) {
      int[] codes = new int[names.size()];
      for (int variable = 0; variable < CONFOUNDED.size(); variable++) {
        codes[variable] = base.code(pattern, variable);
      }
      codes[4] = codes[1] == 1 ? CausalGraphTransforms.MISSING : 0;
      patterns.add(codes);
      counts.add((long) base.weight(pattern));
    }
    DiscreteData withUnasked = data(names, new int[] {2, 2, 2, 2, 3}, patterns, counts);
    CausalGraph graph = new CausalGraph(names, CONFOUNDED_GRAPH.edges());
    Map<String, Integer> tiers = new java.util.HashMap<>(CONFOUNDED_TIERS);
    tiers.put("absence", 1);

    RootCauseChain chain = chainOf("root", find(withUnasked, graph, Set.of("sex"), tiers));
    RootCauseChain without =
        chainOf("root", find(base, CONFOUNDED_GRAPH, Set.of("sex"), CONFOUNDED_TIERS));

    assertThat(chain.people()).isEqualTo(without.people());
    assertSameEstimate(chain.total(), without.total());
    assertSameEstimate(chain.indirect(), without.indirect());
  }

  @Test
  void aChainWithoutMediatorsIsThePlainStandardisedRiskDifference() {
    // The mediator's own chain (mediator -> problem) has no mediators: its total is
    // Σ_{sex, root} P(sex, root) [P(Y | root, mediator 1, sex) - P(Y | root, mediator 0, sex)],
    // the outcome model being exact here, and its indirect effect is 0.
    RootCauseChain chain =
        chainOf("mediator", find(confounded(1), CONFOUNDED_GRAPH, Set.of("sex"), CONFOUNDED_TIERS));

    double people = 0;
    double difference = 0;
    for (int sex = 0; sex < 2; sex++) {
      for (int root = 0; root < 2; root++) {
        double stratum = cellPeople(sex, root, 0) + cellPeople(sex, root, 1);
        people += stratum;
        int[] with = ODDS[root][1][sex];
        int[] without = ODDS[root][0][sex];
        difference +=
            stratum
                * (with[0] / (double) (with[0] + with[1])
                    - without[0] / (double) (without[0] + without[1]));
      }
    }
    assertThat(chain.path()).containsExactly("mediator", "problem");
    assertThat(chain.total().estimate()).isCloseTo(difference / people, within(1e-7));
    assertThat(chain.indirect().estimate()).isEqualTo(0.0);
    assertThat(chain.indirect().low()).isEqualTo(0.0);
    assertThat(chain.direct().estimate()).isEqualTo(chain.total().estimate());
  }

  @Test
  void familiesOfTwoIdenticalMembersGiveTheIntervalsOfOnePersonEach() {
    // Each person of the table doubled into a family of two identical members: the estimates do
    // not change, and clustered by family the variance is that of the undoubled people (each
    // influence halves, each family sums two of them), 2 (N/(N-1)) / (2N/(2N-1)) times the
    // variance that counts the 2N members as independent.
    DiscreteData single = confounded(1);
    DiscreteData doubled = confounded(2);
    List<RootCauseChains.Estimated> estimated =
        RootCauseChains.estimate(
            doubled,
            CONFOUNDED_GRAPH,
            Set.of("sex"),
            CONFOUNDED_TIERS,
            List.of("problem"),
            RootCauseChains.Settings.defaults(),
            line -> {});
    List<ChainInfluence> influences =
        estimated.stream().map(chain -> chain.effects().influence()).toList();
    double[] totals = new double[4 * estimated.size()];
    for (int pattern = 0; pattern < doubled.patternCount(); pattern++) {
      byte[] codes = new byte[CONFOUNDED.size()];
      for (int variable = 0; variable < codes.length; variable++) {
        codes[variable] = (byte) doubled.code(pattern, variable);
      }
      for (long family = 0; family < doubled.weight(pattern) / 2; family++) {
        double[] members =
            FamilyClustering.add(
                FamilyClustering.person(influences, codes),
                FamilyClustering.person(influences, codes));
        FamilyClustering.add(totals, FamilyClustering.family(members));
      }
    }
    List<RootCauseChain> clustered = FamilyClustering.intervals(estimated, totals);
    List<RootCauseChain> ofSingles =
        find(single, CONFOUNDED_GRAPH, Set.of("sex"), CONFOUNDED_TIERS);
    List<RootCauseChain> ofMembers = FamilyClustering.independentPeople(doubled, estimated);

    double people = chainOf("root", ofSingles).people();
    double ratio = Math.sqrt(2 * (people / (people - 1)) / (2 * people / (2 * people - 1)));
    for (String root : List.of("root", "mediator")) {
      RootCauseChain family = chainOf(root, clustered);
      RootCauseChain person = chainOf(root, ofSingles);
      RootCauseChain member = chainOf(root, ofMembers);
      assertThat(family.families()).isEqualTo((long) people);
      assertThat(member.families()).isEqualTo(2 * (long) people);
      assertSameEstimate(family.total(), person.total());
      assertSameEstimate(family.direct(), person.direct());
      assertSameEstimate(family.indirect(), person.indirect());
      assertThat(halfWidth(family.indirect()))
          .isCloseTo(ratio * halfWidth(member.indirect()), within(1e-12));
      assertThat(halfWidth(family.total()))
          .isCloseTo(ratio * halfWidth(member.total()), within(1e-12));
    }
  }

  private static double halfWidth(Estimate estimate) {
    return (estimate.high() - estimate.low()) / 2;
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void effectIntervalsMatchThePeopleBootstrap(boolean interacting) {
    // Independent check of the stacked estimating equations (outcome and propensity models and the
    // weighted means; the outcome model and plain means for the mediator's chain): resample people
    // with replacement, estimate again, and take the standard deviation of each effect over the
    // resamples. With and without a root x mediator interaction in the data (the outcome model
    // has the interaction either way).
    DiscreteData data = confounded(3, interacting ? INTERACTING_ODDS : ODDS);
    RootCauseChain chain =
        chainOf("root", find(data, CONFOUNDED_GRAPH, Set.of("sex"), CONFOUNDED_TIERS));

    SplittableRandom random = new SplittableRandom(7);
    int people = (int) chain.people();
    int[] personPattern = new int[people];
    for (int pattern = 0, next = 0; pattern < data.patternCount(); pattern++) {
      for (long copy = 0; copy < data.weight(pattern); copy++) {
        personPattern[next++] = pattern;
      }
    }
    int resamples = 1_000;
    double[][] effects = new double[4][resamples];
    int[][] patterns = new int[data.patternCount()][CONFOUNDED.size()];
    for (int pattern = 0; pattern < patterns.length; pattern++) {
      for (int variable = 0; variable < CONFOUNDED.size(); variable++) {
        patterns[pattern][variable] = data.code(pattern, variable);
      }
    }
    for (int resample = 0; resample < resamples; resample++) {
      long[] drawn = new long[patterns.length];
      for (int person = 0; person < people; person++) {
        drawn[personPattern[random.nextInt(people)]]++;
      }
      List<RootCauseChain> chains =
          RootCauseChains.find(
              DiscreteData.fromPatternCounts(CONFOUNDED, new int[] {2, 2, 2, 2}, patterns, drawn),
              CONFOUNDED_GRAPH,
              Set.of("sex"),
              CONFOUNDED_TIERS,
              List.of("problem"),
              new RootCauseChains.Settings(2, 5));
      RootCauseChain again =
          chainOf("root", chains.stream().filter(any -> any.path().size() == 3).toList());
      RootCauseChain againMediator = chainOf("mediator", chains);
      effects[0][resample] = again.total().estimate();
      effects[1][resample] = again.direct().estimate();
      effects[2][resample] = again.indirect().estimate();
      effects[3][resample] = againMediator.total().estimate();
    }
    Estimate[] intervals = {
      chain.total(),
      chain.direct(),
      chain.indirect(),
      chainOf("mediator", find(data, CONFOUNDED_GRAPH, Set.of("sex"), CONFOUNDED_TIERS)).total()
    };
    for (int effect = 0; effect < intervals.length; effect++) {
      double bootstrap = standardDeviation(effects[effect]);
      double influence = halfWidth(intervals[effect]) / 1.959963984540054;
      assertThat(influence).isCloseTo(bootstrap, within(0.1 * bootstrap));
    }
  }

  private static double standardDeviation(double[] values) {
    double mean = Arrays.stream(values).average().orElseThrow();
    double sum = 0;
    for (double value : values) {
      sum += (value - mean) * (value - mean);
    }
    return Math.sqrt(sum / (values.length - 1));
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
   * The collapse is exact: a model reads only the outcome, the root, the demographics, its
   * confounders and mediators, so fitting it on the patterns grouped by those (and the influences
   * on the outcome model's groups) gives what the patterns merged over the rest give. The data
   * spreads each combination of the variables read over patterns differing only in {@code noise},
   * which no model reads, and has missing codes (2) in the confounder and the root. Being in the
   * problems' tier, the noise is no chain's confounder.
   */
  @Test
  void effectsDoNotDependOnPatternsSplitByAVariableNoModelReads() {
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
    RootCauseChain rootChain = chainOf("root", chains);
    for (int chain = 0; chain < chains.size(); chain++) {
      assertSameEstimate(chains.get(chain).total(), fromMerged.get(chain).total());
      assertSameEstimate(chains.get(chain).direct(), fromMerged.get(chain).direct());
      assertSameEstimate(chains.get(chain).indirect(), fromMerged.get(chain).indirect());
      assertThat(chains.get(chain).people()).isEqualTo(fromMerged.get(chain).people());
      assertThat(chains.get(chain).total().estimate())
          .isCloseTo(
              chains.get(chain).direct().estimate() + chains.get(chain).indirect().estimate(),
              within(1e-15));
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
