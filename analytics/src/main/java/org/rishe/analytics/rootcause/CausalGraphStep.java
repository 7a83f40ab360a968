package org.rishe.analytics.rootcause;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.rishe.analytics.causal.BackgroundKnowledge;
import org.rishe.analytics.causal.CausalGraph;
import org.rishe.analytics.causal.DiscreteData;
import org.rishe.analytics.causal.EdgeFrequencies;
import org.rishe.analytics.causal.EdgeStability;
import org.rishe.analytics.causal.GSquareTest;
import org.rishe.analytics.causal.PcSettings;
import org.rishe.analytics.causal.PcStable;
import org.rishe.analytics.causal.StabilitySettings;

/**
 * Learns the causal graph over demographics, factors and problems and the chains of each problem.
 * Spark builds the statuses (the root-cause exposure pipeline, read at one common index) and counts
 * the distinct combinations of all variables in one aggregation; the driver runs PC-stable with
 * G-tests and temporal tiers on those counts, bootstraps edge stability, and estimates chain
 * effects from the same counts. See {@link #METHOD}.
 */
public final class CausalGraphStep {
  /** The method as recorded in the run manifest and docs/methods.md ("Causal graph and chains"). */
  public static final String METHOD =
      "Unit: consenting people in the run's age range. Variables: sex, age band (0-8, 9-12, 13+),"
          + " region; each factor ever observed exposed (1), else observed unexposed (0), else"
          + " missing (2, its own category) by the end of follow-up; each problem's case flag."
          + " Counts of distinct combinations from one Spark aggregation. PC-stable, G-test,"
          + " alpha 0.01, conditioning sets of at most 4, tiers forbidding edges against time: demographics, family factors,"
          + " person factors, then problems one tier each by median registration-to-onset days;"
          + " v-structures then Meek rules. Stability: share of bootstrap resamples with the"
          + " adjacency. Chains: directed paths of at most 4 edges from a code with no directed"
          + " parent among codes, through mediators, to the problem, ranked by total effect."
          + " Effects on the log-odds scale by weighted logistic regression on the counts: total"
          + " adjusts the root for demographics and its non-descendant same- or earlier-tier"
          + " codes; direct adds the path's mediators; indirect = total - direct (difference"
          + " method; odds ratios are not collapsible); share mediated = indirect/total.";

  static final List<String> DEMOGRAPHICS =
      List.of(
          CausalGraphTransforms.SEX_VARIABLE,
          CausalGraphTransforms.AGE_BAND,
          CausalGraphTransforms.REGION_VARIABLE);

  private CausalGraphStep() {}

  /**
   * What the step learnt.
   *
   * @param tiers per variable, its tier (0 demographics, 1 family factors, 2 person factors, 3 and
   *     on problems in order of onset)
   * @param kinds per variable: demographic, factor or problem
   */
  public record Result(
      DiscreteData data,
      CausalGraph graph,
      EdgeFrequencies stability,
      Map<String, Integer> tiers,
      Map<String, String> kinds,
      List<RootCauseChain> chains) {
    public Result {
      tiers = Map.copyOf(tiers);
      kinds = Map.copyOf(kinds);
      chains = List.copyOf(chains);
    }
  }

  /** Runs the step; the inputs are those of {@link RootCauseAnalysis#run}. */
  public static Result run(
      Dataset<Row> consentingPeople,
      Dataset<Row> families,
      Dataset<Row> cases,
      Dataset<Row> observations,
      Dataset<Row> indicators,
      int minimumAge,
      int maximumAge,
      CausalGraphSettings settings,
      Consumer<String> progress) {
    requireNonNull(settings, "settings is null");
    requireNonNull(progress, "progress is null");
    Dataset<Row> scope =
        ExposureTransforms.peopleInScope(consentingPeople, families, minimumAge, maximumAge)
            .cache();
    Dataset<Row> problemCodes =
        indicators
            .filter(col("kind").equalTo(lit("problem")))
            .select(col("code").as(ExposureTransforms.PROBLEM));
    Dataset<Row> personProblems =
        RootCauseTransforms.personProblems(
                scope, ExposureTransforms.onsets(scope, cases), problemCodes)
            .cache();
    Dataset<Row> factorObservations =
        ExposureTransforms.factorObservations(scope, observations, indicators).cache();
    try {
      List<String> problems = sorted(problemCodes.as(Encoders.STRING()).collectAsList());
      List<String> factors =
          sorted(
              indicators
                  .filter(col("kind").equalTo(lit("factor")))
                  .select(col("code"))
                  .as(Encoders.STRING())
                  .collectAsList());
      List<String> codes = new ArrayList<>(factors);
      codes.addAll(problems);
      CausalOrder order = RootCauseAnalysis.causalOrder(factorObservations, personProblems, codes);
      List<String> regions =
          settings.includeRegion()
              ? sorted(
                  scope
                      .select(col(ExposureTransforms.REGION))
                      .distinct()
                      .as(Encoders.STRING())
                      .collectAsList())
              : List.of();
      Dataset<Row> commonIndex = CausalGraphTransforms.commonIndex(scope);
      Dataset<Row> statuses =
          RootCauseTransforms.statuses(
              commonIndex, ExposureTransforms.exposures(factorObservations, personProblems));
      Dataset<Row> matrix = RootCauseTransforms.personFactorMatrix(commonIndex, statuses, codes);
      long started = System.nanoTime();
      List<Row> counted =
          CausalGraphTransforms.patternCounts(matrix, factors, problems, regions).collectAsList();
      progress.accept(
          "      "
              + counted.size()
              + " distinct patterns counted in "
              + (System.nanoTime() - started) / 1_000_000
              + " ms");
      return learn(counted, factors, problems, regions, order, settings, progress);
    } finally {
      factorObservations.unpersist();
      personProblems.unpersist();
      scope.unpersist();
    }
  }

  /** The driver side: graph, stability and chains from the collected pattern counts. */
  static Result learn(
      List<Row> counted,
      List<String> factors,
      List<String> problems,
      List<String> regions,
      CausalOrder order,
      CausalGraphSettings settings,
      Consumer<String> progress) {
    List<String> names = new ArrayList<>(DEMOGRAPHICS.subList(0, regions.isEmpty() ? 2 : 3));
    int demographicCount = names.size();
    names.addAll(factors);
    names.addAll(problems);
    int[][] patterns = new int[counted.size()][names.size()];
    long[] counts = new long[counted.size()];
    int[] cardinalities = new int[names.size()];
    for (int row = 0; row < counted.size(); row++) {
      for (int variable = 0; variable < names.size(); variable++) {
        int code = counted.get(row).<Integer>getAs(names.get(variable));
        patterns[row][variable] = code;
        cardinalities[variable] = Math.max(cardinalities[variable], code + 1);
      }
      counts[row] = counted.get(row).<Long>getAs(CausalGraphTransforms.COUNT);
    }
    for (int variable = 0; variable < names.size(); variable++) {
      // A variable seen at one level only still needs two to be a variable.
      cardinalities[variable] = Math.max(2, cardinalities[variable]);
    }
    DiscreteData data = DiscreteData.fromPatternCounts(names, cardinalities, patterns, counts);
    Map<String, Integer> tiers = tiers(names, demographicCount, factors, problems, order);
    Map<String, String> kinds = new LinkedHashMap<>();
    for (String name : names) {
      int tier = tiers.get(name);
      kinds.put(
          name, tier == 0 ? "demographic" : tier < CausalOrder.PROBLEM ? "factor" : "problem");
    }
    BackgroundKnowledge.Builder knowledge = BackgroundKnowledge.builder(names);
    tiers.forEach((name, tier) -> knowledge.tier(tier, name));
    BackgroundKnowledge background = knowledge.build();
    PcSettings pc =
        PcSettings.defaults().withAlpha(settings.alpha()).withMaxDepth(settings.maxDepth());
    long started = System.nanoTime();
    // A data set of its own, so that the tables PC caches on it are garbage once it is done
    // rather than held beside the resamples' caches.
    CausalGraph graph =
        PcStable.discover(
            new GSquareTest(DiscreteData.fromPatternCounts(names, cardinalities, patterns, counts)),
            names,
            pc,
            background);
    progress.accept(
        "      PC-stable: "
            + graph.edges().size()
            + " edges in "
            + (System.nanoTime() - started) / 1_000_000
            + " ms");
    started = System.nanoTime();
    EdgeFrequencies stability =
        EdgeStability.estimate(
            data,
            GSquareTest::new,
            pc,
            background,
            new StabilitySettings(
                settings.resamples(), settings.seed(), Runtime.getRuntime().availableProcessors()));
    progress.accept(
        "      stability over "
            + settings.resamples()
            + " resamples in "
            + (System.nanoTime() - started) / 1_000_000
            + " ms");
    List<RootCauseChain> chains =
        RootCauseChains.find(
            data,
            graph,
            Set.copyOf(names.subList(0, demographicCount)),
            tiers,
            problems,
            settings.chains());
    return new Result(data, graph, stability, tiers, kinds, chains);
  }

  private static Map<String, Integer> tiers(
      List<String> names,
      int demographicCount,
      List<String> factors,
      List<String> problems,
      CausalOrder order) {
    Map<String, Integer> tiers = new HashMap<>();
    for (String demographic : names.subList(0, demographicCount)) {
      tiers.put(demographic, 0);
    }
    for (String factor : factors) {
      tiers.put(factor, order.tiers().getOrDefault(factor, CausalOrder.PERSON_FACTOR));
    }
    // Problems in order of typical onset, one tier each: a problem that usually starts later
    // cannot cause one that usually starts earlier. Ties share a tier.
    List<String> byOnset = new ArrayList<>(problems);
    byOnset.sort(
        Comparator.comparingDouble(
            (String p) -> order.problemLags().getOrDefault(p, Double.POSITIVE_INFINITY)));
    int tier = CausalOrder.PROBLEM - 1;
    Double previous = null;
    for (String problem : byOnset) {
      Double lag = order.problemLags().getOrDefault(problem, Double.POSITIVE_INFINITY);
      if (!lag.equals(previous)) {
        tier++;
        previous = lag;
      }
      tiers.put(problem, tier);
    }
    return tiers;
  }

  private static List<String> sorted(List<String> values) {
    List<String> sorted = new ArrayList<>(values);
    sorted.sort(Comparator.naturalOrder());
    return sorted;
  }
}
