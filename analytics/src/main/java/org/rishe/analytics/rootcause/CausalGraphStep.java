package org.rishe.analytics.rootcause;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.rishe.analytics.causal.BackgroundKnowledge;
import org.rishe.analytics.causal.CausalGraph;
import org.rishe.analytics.causal.ColliderRule;
import org.rishe.analytics.causal.DiscreteData;
import org.rishe.analytics.causal.EdgeFrequencies;
import org.rishe.analytics.causal.EdgeStability;
import org.rishe.analytics.causal.GSquareTest;
import org.rishe.analytics.causal.PcSettings;
import org.rishe.analytics.causal.PcStable;
import org.rishe.analytics.causal.StabilitySettings;
import org.rishe.spark.progress.WorkProgress;

/**
 * Learns the causal graph over demographics, factors and problems and the chains of each problem.
 * Spark builds the statuses (the root-cause exposure pipeline, read at one common index) and counts
 * the distinct combinations of all variables in one aggregation; the driver runs PC-stable with
 * G-tests and temporal tiers on those counts, bootstraps edge stability, and estimates chain
 * effects from the same counts; one more Spark job sums the people's influences on the effects by
 * family for the intervals ({@link ChainFamilyVariance}). See {@link #METHOD}.
 */
public final class CausalGraphStep {
  /** The method as recorded in the run manifest and docs/methods.md ("Causal graph and chains"). */
  public static final String METHOD =
      "Unit: consenting people in the run's age range. Variables: sex, age band (0-8, 9-12, 13+),"
          + " region; each factor ever observed exposed (1), else observed unexposed (0), else"
          + " missing by the end of follow-up; each problem's case flag."
          + " Counts of distinct combinations from one Spark aggregation. PC-stable, G-test"
          + " leaving out the people with a tested factor missing (test-wise deletion),"
          + " tests among family factors and region alone counted per family,"
          + " alpha 0.01, conditioning sets of at most 4, tiers forbidding edges against time: demographics, family factors,"
          + " person factors, then problems; between two problems, b -> a is forbidden when a opened"
          + " first in at least 80% of the people with both (at least 10 ordered);"
          + " v-structures by the conservative rule (a collider only when the middle node is in"
          + " none of the separating sets among subsets of either end's neighbours; ambiguous"
          + " triples stay unoriented), then Meek rules. Stability: share of bootstrap resamples"
          + " with the adjacency. Chains: for every code with a possibly directed path to the"
          + " problem (no link pointing back; undirected links read forward), one chain: the path"
          + " with the fewest undirected links, then whose mediators carry most of its effect;"
          + " directed chains first, then possible ones, each ranked by total effect."
          + " Effects: interventional effects of the root through the path's mediators jointly"
          + " (mediational g-formula, Vansteelandt & Daniel 2017) on the risk-difference scale,"
          + " psi(a,a') = E_C[sum_m P(Y=1|a,m,C) P(m|a',C)]: total = psi(1,1) - psi(0,0),"
          + " direct = psi(1,0) - psi(0,0), indirect = psi(1,1) - psi(1,0), share mediated ="
          + " indirect/total; C = demographics and the root's non-descendant same- or"
          + " earlier-tier codes (never a mediator; not a code missing for everybody of one"
          + " exposure), people outside the overlap (a code of C with one exposure only) left"
          + " out. Estimated on the counts: psi(a,a') is the"
          + " inverse-propensity-weighted (Hajek) mean over the people with root a' of the"
          + " outcome model's risk at root a (without mediators the plain mean over everybody,"
          + " so indirect = 0), the outcome and propensity models weighted"
          + " logistic regressions (missing codes their own level), the outcome model with the"
          + " root's interaction with each mediator code (main effects alone where a cell"
          + " separates). 95% intervals"
          + " from the stacked estimating equations, clustered by family (G/(G-1) times the sum"
          + " over families of the squared sum of the members' influence values)."
          + " Selection: the graph, each chain's path and the ranking are chosen from the same"
          + " data the effects are estimated on, so the intervals are conditional on the"
          + " selected graph and path and do not account for the selection.";

  static final List<String> DEMOGRAPHICS =
      List.of(
          CausalGraphTransforms.SEX_VARIABLE,
          CausalGraphTransforms.AGE_BAND,
          CausalGraphTransforms.REGION_VARIABLE);

  static final double ONSET_ORDER_SHARE = 0.8;
  static final int ONSET_ORDER_MINIMUM = 10;

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

  /** Runs the step on inputs built once for the run (and shared with {@link RootCauseAnalysis}). */
  public static Result run(
      RootCauseInputs inputs, CausalGraphSettings settings, Consumer<String> progress) {
    requireNonNull(inputs, "inputs is null");
    requireNonNull(settings, "settings is null");
    requireNonNull(progress, "progress is null");
    Dataset<Row> scope = inputs.scope;
    PersonTimeline.Codes dictionary = inputs.codes();
    List<String> problems = dictionary.problems;
    List<String> factors =
        dictionary.codes.stream().filter(code -> !problems.contains(code)).toList();
    List<String> codes = new ArrayList<>(factors);
    codes.addAll(problems);
    CausalOrder order =
        RootCauseAnalysis.causalOrder(
            inputs.factorObservations, inputs.indicators, dictionary.lags(), codes);
    List<String> regions = settings.includeRegion() ? inputs.regions() : List.of();
    Dataset<Row> familyWeights =
        scope
            .withColumn(
                CausalGraphTransforms.FAMILY_WEIGHT,
                lit(1.0)
                    .divide(count(lit(1)).over(Window.partitionBy(col(ExposureTransforms.FAMILY)))))
            .select(
                col(ExposureTransforms.PERSON).as("_weighted_person"),
                col(ExposureTransforms.FAMILY),
                col(CausalGraphTransforms.FAMILY_WEIGHT));
    Dataset<Row> personMatrix =
        RootCauseTransforms.commonIndexMatrix(
            inputs.timelines, dictionary, CausalGraphTransforms.COMMON_INDEX);
    Dataset<Row> matrix =
        personMatrix
            .join(
                familyWeights,
                personMatrix.col(ExposureTransforms.PERSON).equalTo(col("_weighted_person")))
            .drop("_weighted_person");
    long started = System.nanoTime();
    List<String> names = variableNames(factors, problems, regions);
    PatternTable counted =
        PatternTable.collect(
            CausalGraphTransforms.patternCounts(matrix, factors, problems, regions), names);
    progress.accept(
        "      "
            + counted.size()
            + " distinct patterns counted in "
            + (System.nanoTime() - started) / 1_000_000
            + " ms");
    Map<String, Long> onsetOrder = new HashMap<>();
    for (Row row : CausalGraphTransforms.onsetOrder(inputs.onsets).collectAsList()) {
      onsetOrder.put(row.getString(0) + " " + row.getString(1), row.getLong(2));
    }
    return learn(
        counted,
        factors,
        problems,
        regions,
        order,
        onsetOrder,
        settings,
        progress,
        chains -> {
          long clustering = System.nanoTime();
          List<RootCauseChain> clustered =
              ChainFamilyVariance.clustered(matrix, factors, problems, regions, chains);
          progress.accept(
              "      family-clustered intervals of "
                  + chains.size()
                  + " chains in "
                  + (System.nanoTime() - clustering) / 1_000_000
                  + " ms (one Spark job)");
          return clustered;
        });
  }

  /** The variables in PC's order: demographics (region only when used), factors, problems. */
  static List<String> variableNames(
      List<String> factors, List<String> problems, List<String> regions) {
    List<String> names = new ArrayList<>(DEMOGRAPHICS.subList(0, regions.isEmpty() ? 2 : 3));
    names.addAll(factors);
    names.addAll(problems);
    return names;
  }

  /**
   * The distinct patterns, column by column: per variable in {@link #variableNames} order one code
   * per pattern, how many people share each pattern, and their summed family weights (the people's
   * count when unweighted). Read from the aggregation one partition at a time into byte columns, so
   * the driver holds about 28 bytes per pattern of 27 variables, never the rows as objects.
   */
  record PatternTable(byte[][] columns, long[] counts, double[] familyWeights) {
    int size() {
      return counts.length;
    }

    /** Per variable, its largest code plus one (at least two: a variable needs two levels). */
    int[] cardinalities() {
      int[] cardinalities = new int[columns.length];
      for (int variable = 0; variable < columns.length; variable++) {
        int largest = 1;
        for (byte code : columns[variable]) {
          largest = Math.max(largest, code);
        }
        cardinalities[variable] = largest + 1;
      }
      return cardinalities;
    }

    static PatternTable collect(Dataset<Row> patternCounts, List<String> names) {
      int[] positions = new int[names.size()];
      for (int variable = 0; variable < positions.length; variable++) {
        positions[variable] = patternCounts.schema().fieldIndex(names.get(variable));
      }
      int countPosition = patternCounts.schema().fieldIndex(CausalGraphTransforms.COUNT);
      int weightPosition =
          Arrays.asList(patternCounts.columns()).contains(CausalGraphTransforms.FAMILY_WEIGHT)
              ? patternCounts.schema().fieldIndex(CausalGraphTransforms.FAMILY_WEIGHT)
              : -1;
      byte[][] columns = new byte[positions.length][1024];
      long[] counts = new long[1024];
      double[] weights = new double[1024];
      int size = 0;
      Iterator<Row> rows = patternCounts.toLocalIterator();
      while (rows.hasNext()) {
        Row row = rows.next();
        if (size == counts.length) {
          for (int variable = 0; variable < columns.length; variable++) {
            columns[variable] = Arrays.copyOf(columns[variable], size * 2);
          }
          counts = Arrays.copyOf(counts, size * 2);
          weights = Arrays.copyOf(weights, size * 2);
        }
        for (int variable = 0; variable < positions.length; variable++) {
          int code = row.getInt(positions[variable]);
          if (code < 0 || code > Byte.MAX_VALUE) {
            throw new IllegalStateException(
                "code %d of %s is outside 0..%d".formatted(code, names.get(variable), 127));
          }
          columns[variable][size] = (byte) code;
        }
        counts[size] = row.getLong(countPosition);
        weights[size] = weightPosition < 0 ? counts[size] : row.getDouble(weightPosition);
        size++;
      }
      for (int variable = 0; variable < columns.length; variable++) {
        columns[variable] = Arrays.copyOf(columns[variable], size);
      }
      return new PatternTable(columns, Arrays.copyOf(counts, size), Arrays.copyOf(weights, size));
    }
  }

  /**
   * The driver side: graph, stability and chains from the collected pattern counts; {@code
   * clustering} gives the chains their family-clustered intervals.
   */
  static Result learn(
      PatternTable counted,
      List<String> factors,
      List<String> problems,
      List<String> regions,
      CausalOrder order,
      Map<String, Long> onsetOrder,
      CausalGraphSettings settings,
      Consumer<String> progress,
      Function<List<RootCauseChains.Estimated>, List<RootCauseChain>> clustering) {
    List<String> names = variableNames(factors, problems, regions);
    int demographicCount = names.size() - factors.size() - problems.size();
    long[] counts = counted.counts();
    double[] familyWeights = counted.familyWeights();
    int[] cardinalities = counted.cardinalities();
    // Factors answered "missing" somewhere: their tests leave those people out (test-wise
    // deletion) rather than treat missing as a level, which would not block paths.
    List<String> withMissing = new ArrayList<>();
    for (String factor : factors) {
      if (cardinalities[names.indexOf(factor)] > CausalGraphTransforms.MISSING) {
        withMissing.add(factor);
      }
    }
    DiscreteData data =
        DiscreteData.fromColumns(names, cardinalities, counted.columns(), counts)
            .withMissingCode(withMissing, CausalGraphTransforms.MISSING);
    Map<String, Integer> tiers = tiers(names, demographicCount, factors, problems, order);
    Map<String, String> kinds = new LinkedHashMap<>();
    for (String name : names) {
      int tier = tiers.get(name);
      kinds.put(
          name, tier == 0 ? "demographic" : tier < CausalOrder.PROBLEM ? "factor" : "problem");
    }
    // Family factors and region are the same for every member of a family: tests among them alone
    // count families, not children (children of one family are one draw, not several).
    Set<Integer> familyLevel = new HashSet<>();
    for (String name : names) {
      if (name.equals(CausalGraphTransforms.REGION_VARIABLE)
          || tiers.get(name) == CausalOrder.FAMILY_FACTOR) {
        familyLevel.add(names.indexOf(name));
      }
    }
    BackgroundKnowledge.Builder knowledge = BackgroundKnowledge.builder(names);
    tiers.forEach((name, tier) -> knowledge.tier(tier, name));
    forbidAgainstOnsetOrder(knowledge, problems, onsetOrder);
    BackgroundKnowledge background = knowledge.build();
    PcSettings pc =
        PcSettings.defaults()
            .withAlpha(settings.alpha())
            .withMaxDepth(settings.maxDepth())
            .withColliderRule(ColliderRule.CONSERVATIVE);
    long started = System.nanoTime();
    // A data set of its own (sharing the columns), so that the tables PC caches on it are garbage
    // once it is done rather than held beside the resamples' caches.
    DiscreteData fresh = data.withMissingCode(withMissing, CausalGraphTransforms.MISSING);
    CausalGraph graph =
        PcStable.discover(
            new FamilyLevelTest(
                new GSquareTest(fresh),
                new GSquareTest(fresh.withWeights(familyWeights)),
                familyLevel),
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
    AtomicInteger resamplesDone = new AtomicInteger();
    EdgeFrequencies stability;
    try (WorkProgress watch =
        WorkProgress.watch(
            "stability", "resamples", settings.resamples(), resamplesDone::get, progress)) {
      stability =
          EdgeStability.estimate(
              data,
              // Both tests skip the patterns the resample did not draw (zero in both weightings).
              resample ->
                  new FamilyLevelTest(
                      new GSquareTest(resample.withoutEmptyPatterns()),
                      new GSquareTest(
                          resample
                              .withWeights(scaled(familyWeights, counts, resample))
                              .withoutEmptyPatterns()),
                      familyLevel),
              pc,
              background,
              new StabilitySettings(
                  settings.resamples(),
                  settings.seed(),
                  Runtime.getRuntime().availableProcessors()),
              resamplesDone::incrementAndGet);
    }
    progress.accept(
        "      stability over "
            + settings.resamples()
            + " resamples in "
            + (System.nanoTime() - started) / 1_000_000
            + " ms");
    started = System.nanoTime();
    List<RootCauseChain> chains =
        clustering.apply(
            RootCauseChains.estimate(
                data,
                graph,
                Set.copyOf(names.subList(0, demographicCount)),
                tiers,
                problems,
                settings.chains(),
                progress));
    progress.accept(
        "      "
            + chains.size()
            + " chains ("
            + chains.stream().filter(chain -> !chain.directed()).count()
            + " possible) in "
            + (System.nanoTime() - started) / 1_000_000
            + " ms");
    return new Result(data, graph, stability, tiers, kinds, chains);
  }

  /**
   * A resample's family weights: each pattern's family weight scaled by how often the resample drew
   * its people.
   */
  private static double[] scaled(double[] familyWeights, long[] counts, DiscreteData resample) {
    double[] scaled = new double[familyWeights.length];
    for (int pattern = 0; pattern < scaled.length; pattern++) {
      scaled[pattern] = familyWeights[pattern] * resample.weight(pattern) / counts[pattern];
    }
    return scaled;
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
    // Problems share one tier: their order comes from each person's own onsets instead (see
    // forbidAgainstOnsetOrder), since a problem's median onset says little about the order of two
    // problems in the people who have both.
    for (String problem : problems) {
      tiers.put(problem, CausalOrder.PROBLEM);
    }
    return tiers;
  }

  /**
   * Forbids {@code b -> a} between two problems when, among the people with both, {@code a} opened
   * first in at least {@value #ONSET_ORDER_SHARE} of them (and at least {@value
   * #ONSET_ORDER_MINIMUM} people are ordered): a cause cannot start after its effect.
   */
  static void forbidAgainstOnsetOrder(
      BackgroundKnowledge.Builder knowledge, List<String> problems, Map<String, Long> onsetOrder) {
    for (String a : problems) {
      for (String b : problems) {
        long aFirst = onsetOrder.getOrDefault(a + " " + b, 0L);
        long bFirst = onsetOrder.getOrDefault(b + " " + a, 0L);
        long ordered = aFirst + bFirst;
        if (!a.equals(b)
            && ordered >= ONSET_ORDER_MINIMUM
            && aFirst >= ONSET_ORDER_SHARE * ordered) {
          knowledge.forbid(b, a);
        }
      }
    }
  }
}
