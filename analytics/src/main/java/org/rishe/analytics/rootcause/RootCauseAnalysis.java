package org.rishe.analytics.rootcause;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.rishe.analytics.Awaited;
import org.rishe.analytics.stats.Estimate;
import org.rishe.common.catalogue.Indicator;
import org.rishe.common.results.ResultTables;

/**
 * Runs the whole root-cause analysis over the analytic inputs and returns the {@code root_causes}
 * table: Spark builds one timeline per person and counts every 2×2 table in one pass over them, the
 * driver computes the statistics from those counts, and the adjusted models are fitted on the
 * people of each problem its {@link ModelSampling} keeps (drawn on the executors): on the driver
 * for a population up to {@link #DRIVER_PEOPLE}, on the executors above ({@link ExecutorFits}). See
 * {@link #METHOD} for the definitions.
 */
public final class RootCauseAnalysis {
  /** The method as recorded in the run manifest and docs/methods.md ("Root causes"). */
  public static final String METHOD =
      "Unit: consenting people whose age at registration is in the run's age range. Outcome: a"
          + " case of the problem; index date = first case onset, or for non-cases registration"
          + " plus the median registration-to-onset days of the problem's cases. Exposure: factor"
          + " observed exposed (value true, or past its catalogue threshold) on or before the"
          + " index date, else unexposed if observed unexposed by then, else missing (missing"
          + " answers, never asked, only seen later); family observations apply to every member;"
          + " another problem is exposed if its onset is strictly earlier. Crude RR and OR with"
          + " 95% CIs on the log scale from the family-clustered (sandwich, CR1) variance, which"
          + " is Katz's and Woolf's when every family is one child; Haldane-Anscombe 0.5 and the"
          + " unclustered interval when a cell is zero; p from Fisher's exact test when an"
          + " expected count < 5, else Pearson chi-square divided by the design effect of the"
          + " family clustering (Rao-Scott first order); q = Benjamini-Hochberg"
          + " over every row of the run. Adjusted OR: logistic regression (IRLS maximum likelihood,"
          + " Wald CI) of the case on the factor, age, sex, region (overall rows) and the factors"
          + " preceding or coinciding with it (family factors, then person factors, then problems"
          + " by median onset; missing confounders coded with an indicator), never later ones"
          + " (possible mediators): a total effect; a model of more than 50,000 people is fitted"
          + " on at most 50,000 drawn per cell of its 2×2 table (small cells whole) with the"
          + " offset log(f(x,case)/f(x,non-case)) of the known fractions (conditional likelihood,"
          + " Prentice-Pyke; Fears-Brown)."
          + " Total effect: standardised risk ratio and difference by g-computation from the same"
          + " kind of model adjusted only for codes strictly before the factor (a lower tier, or"
          + " of its own tier a lower catalogue causal_rank; unranked codes of its own tier, where"
          + " mediators are, never), averaged over the people with a known exposure (weights 1/f"
          + " on a draw); family-clustered influence-function (sandwich, CR1) Wald CIs; total p"
          + " = two-sided Wald test of log RR = 0 with the same SE (upper regularised gamma, at"
          + " least 2.2e-308), total q = Benjamini-Hochberg over every total effect of the run."
          + " Attributable fraction: 1 - R0/P from the total effect's model (P the observed risk),"
          + " CI on log(R0/P) from the same influence values. Median lead days: factor's"
          + " first exposed observation to onset, exposed cases. Evidence: insufficient data if <10"
          + " exposed cases or no total effect; strong if the total effect's RR CI excludes 1,"
          + " total q<0.01 and >=20 exposed cases; moderate if its CI excludes 1 and total q<0.05;"
          + " else weak.";

  /**
   * The most people in scope for which each problem's adjusted models are fitted on the driver,
   * over the people its {@link ModelSampling} keeps (at most this many rows); above, they are
   * fitted on the executors ({@link ExecutorFits}), where the rows a model needs are bounded by its
   * budget and nothing the size of the population reaches the driver. Below, the driver's way is
   * the quicker: one small collect per problem rather than a shuffle of every person to each of
   * their models.
   */
  static final long DRIVER_PEOPLE = 200_000;

  private RootCauseAnalysis() {}

  /**
   * The {@code root_causes} table from inputs built once for the run (and shared with {@link
   * CausalGraphStep}); the table is computed in the driver, so the inputs may be closed after.
   */
  public static Dataset<Row> run(
      SparkSession spark, RootCauseInputs inputs, Consumer<String> progress) {
    requireNonNull(spark, "spark is null");
    requireNonNull(inputs, "inputs is null");
    requireNonNull(progress, "progress is null");
    PersonTimeline.Codes dictionary = inputs.codes();
    long building = System.nanoTime();
    long children = inputs.timelines.count();
    progress.accept(
        String.format(
            Locale.ROOT,
            "      timelines of %,d people built in %d ms",
            children,
            (System.nanoTime() - building) / 1_000_000));
    List<String> regions = inputs.regions();
    long started = System.nanoTime();
    List<RootCauseStatistics.Counts> counts =
        RootCauseTransforms.twoByTwoCounts(inputs.timelines, dictionary, regions);
    progress.accept(
        "      "
            + counts.size()
            + " 2×2 tables counted in "
            + (System.nanoTime() - started) / 1_000_000
            + " ms");
    List<String> codes =
        new ArrayList<>(
            new TreeSet<>(counts.stream().map(RootCauseStatistics.Counts::factor).toList()));
    CausalOrder order =
        causalOrder(inputs.factorObservations, inputs.indicators, dictionary.lags(), codes);
    Map<AdjustedOddsRatios.Key, Estimate> adjusted = new HashMap<>();
    Map<AdjustedOddsRatios.Key, TotalEffects.TotalEffect> totals = new HashMap<>();
    adjusted(
        inputs.timelines,
        dictionary,
        counts,
        regions,
        codes,
        order,
        children > DRIVER_PEOPLE,
        progress,
        adjusted,
        totals);
    Dataset<Row> problems =
        inputs
            .indicators
            .filter(col("kind").equalTo(lit("problem")))
            .select(col("code").as(ExposureTransforms.PROBLEM));
    List<RootCauseRow> rows =
        RootCauseStatistics.rows(
            counts,
            populations(RootCauseTransforms.personProblems(inputs.scope, inputs.onsets, problems)),
            adjusted,
            totals);
    return spark.createDataFrame(rows.stream().map(RootCauseAnalysis::toRow).toList(), schema());
  }

  /**
   * Every exposure code of the catalogue (factors and problems, sorted) and its problems (sorted),
   * with the problems' registration-to-onset lags.
   */
  static PersonTimeline.Codes codes(Dataset<Row> indicators, Map<String, Double> lags) {
    List<String> problems = new ArrayList<>();
    TreeSet<String> codes = new TreeSet<>();
    for (Row row :
        indicators
            .filter(col("kind").isin("problem", "factor"))
            .select("code", "kind")
            .collectAsList()) {
      codes.add(row.getString(0));
      if (row.getString(1).equals("problem")) {
        problems.add(row.getString(0));
      }
    }
    problems.sort(Comparator.naturalOrder());
    return new PersonTimeline.Codes(problems, new ArrayList<>(codes), lags);
  }

  /** The regions of the people in scope, sorted. */
  static List<String> regions(Dataset<Row> scope) {
    return scope
        .select(col(ExposureTransforms.REGION))
        .filter(col(ExposureTransforms.REGION).isNotNull())
        .distinct()
        .as(Encoders.STRING())
        .collectAsList()
        .stream()
        .sorted()
        .toList();
  }

  private static Map<AdjustedOddsRatios.Key, RootCauseStatistics.Population> populations(
      Dataset<Row> personProblems) {
    Map<AdjustedOddsRatios.Key, RootCauseStatistics.Population> populations = new HashMap<>();
    for (Row row : RootCauseTransforms.populations(personProblems).collectAsList()) {
      populations.put(
          new AdjustedOddsRatios.Key(
              row.getAs(ExposureTransforms.PROBLEM), null, row.getAs(ExposureTransforms.REGION)),
          new RootCauseStatistics.Population(
              row.<Long>getAs(ResultTables.POPULATION), row.<Long>getAs(ResultTables.CASES)));
    }
    return populations;
  }

  /**
   * The causal order of {@code codes}: family factors (any observation on the household), person
   * factors, problems by median lag, and within a tier the catalogue's causal ranks.
   */
  static CausalOrder causalOrder(
      Dataset<Row> factorObservations,
      Dataset<Row> indicators,
      Map<String, Double> problemLags,
      List<String> codes) {
    Map<String, Integer> tiers = new HashMap<>();
    for (String code : codes) {
      tiers.put(code, CausalOrder.PERSON_FACTOR);
    }
    for (Row row :
        factorObservations
            .groupBy(col(ExposureTransforms.FACTOR))
            .agg(max(col(ExposureTransforms.FAMILY_LEVEL)).as("family"))
            .collectAsList()) {
      if (row.<Boolean>getAs("family")) {
        tiers.put(row.getAs(ExposureTransforms.FACTOR), CausalOrder.FAMILY_FACTOR);
      }
    }
    for (String problem : problemLags.keySet()) {
      tiers.put(problem, CausalOrder.PROBLEM);
    }
    tiers.keySet().retainAll(codes);
    return new CausalOrder(tiers, problemLags, causalRanks(indicators));
  }

  /**
   * The catalogue's causal ranks by code, for the indicators that give one; none from a catalogue
   * without the column.
   */
  static Map<String, Integer> causalRanks(Dataset<Row> indicators) {
    Map<String, Integer> ranks = new HashMap<>();
    if (!List.of(indicators.columns()).contains(Indicator.CAUSAL_RANK)) {
      return ranks;
    }
    for (Row row :
        indicators
            .filter(col(Indicator.CAUSAL_RANK).isNotNull())
            .select(col("code"), col(Indicator.CAUSAL_RANK).cast(DataTypes.IntegerType))
            .collectAsList()) {
      ranks.put(row.getString(0), row.getInt(1));
    }
    return ranks;
  }

  /**
   * The adjusted models and the total effects into {@code estimates} and {@code totals}: the people
   * each model is fitted on are drawn on the executors ({@link ModelSampling}, sized from the 2×2
   * counts); {@code onExecutors}, every model is fitted there ({@link ExecutorFits}), otherwise
   * each problem's drawn people are brought to the driver and its models fitted there, two problems
   * at a time.
   */
  static void adjusted(
      Dataset<Row> timelines,
      PersonTimeline.Codes dictionary,
      List<RootCauseStatistics.Counts> counts,
      List<String> regions,
      List<String> codes,
      CausalOrder order,
      boolean onExecutors,
      Consumer<String> progress,
      Map<AdjustedOddsRatios.Key, Estimate> estimates,
      Map<AdjustedOddsRatios.Key, TotalEffects.TotalEffect> totals) {
    List<ModelSampling> samplings = new ArrayList<>();
    for (String name : dictionary.problems) {
      samplings.add(ModelSampling.of(name, counts, regions, codes, ModelSampling.MAXIMUM_UNITS));
    }
    if (onExecutors) {
      long started = System.nanoTime();
      progress.accept(
          String.format(
              Locale.ROOT,
              "      fitting the adjusted models and total effects of %d problems on the"
                  + " executors, each on at most %,d people",
              samplings.size(),
              ModelSampling.MAXIMUM_UNITS));
      ExecutorFits.Results results = ExecutorFits.fit(timelines, dictionary, samplings, order);
      estimates.putAll(results.adjusted());
      totals.putAll(results.totals());
      progress.accept(
          String.format(
              Locale.ROOT,
              "      %,d adjusted models and %,d total effects fitted in %d ms",
              results.adjusted().size(),
              results.totals().size(),
              (System.nanoTime() - started) / 1_000_000));
      return;
    }
    // Two problems at a time: one's sample is drawn by a Spark job while the other's models are
    // fitted on the driver, and the merge below keeps the problems' order.
    ExecutorService fitters =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
    Consumer<String> report =
        line -> {
          synchronized (fitters) {
            progress.accept(line);
          }
        };
    try {
      List<Future<Fitted>> fitted = new ArrayList<>();
      for (int problem = 0; problem < dictionary.problemCount(); problem++) {
        int index = problem;
        fitted.add(
            fitters.submit(
                () -> fit(timelines, dictionary, index, samplings.get(index), order, report)));
      }
      for (Future<Fitted> future : fitted) {
        Fitted one = Awaited.result(future, "fitting the adjusted models");
        estimates.putAll(one.estimates());
        totals.putAll(one.totals());
      }
    } finally {
      fitters.shutdownNow();
    }
  }

  /** One problem's adjusted models and total effects, fitted on the driver. */
  private record Fitted(
      Map<AdjustedOddsRatios.Key, Estimate> estimates,
      Map<AdjustedOddsRatios.Key, TotalEffects.TotalEffect> totals) {}

  private static Fitted fit(
      Dataset<Row> timelines,
      PersonTimeline.Codes dictionary,
      int problem,
      ModelSampling sampling,
      CausalOrder order,
      Consumer<String> progress) {
    String name = dictionary.problems.get(problem);
    List<Row> rows =
        RootCauseTransforms.adjustmentSample(timelines, dictionary, problem, sampling)
            .collectAsList();
    long started = System.nanoTime();
    AdjustedOddsRatios.Sample sample = AdjustedOddsRatios.Sample.of(rows, sampling.regions());
    Fitted fitted =
        new Fitted(
            AdjustedOddsRatios.estimate(name, sample, sampling, order),
            TotalEffects.estimateAll(name, sample, sampling, order));
    progress.accept(
        String.format(
            Locale.ROOT,
            "      adjusted models and total effects of %s on %,d people kept: %d ms",
            name,
            rows.size(),
            (System.nanoTime() - started) / 1_000_000));
    return fitted;
  }

  private static Row toRow(RootCauseRow row) {
    List<Object> values = new ArrayList<>();
    values.add(row.problem());
    values.add(row.region());
    values.add(row.factor());
    values.add(row.exposedCases());
    values.add(row.exposedTotal());
    values.add(row.unexposedCases());
    values.add(row.unexposedTotal());
    values.add(row.missing());
    for (Estimate estimate :
        new Estimate[] {
          row.relativeRisk(), row.oddsRatio(), row.adjustedOddsRatio(), row.attributableFraction()
        }) {
      values.add(estimate == null ? null : estimate.estimate());
      values.add(estimate == null ? null : estimate.low());
      values.add(estimate == null ? null : estimate.high());
    }
    values.add(Double.isNaN(row.pValue()) ? null : row.pValue());
    values.add(Double.isNaN(row.qValue()) ? null : row.qValue());
    values.add(row.medianLeadDays());
    values.add(row.evidence().label());
    values.add(row.population());
    values.add(row.cases());
    TotalEffects.TotalEffect total = row.totalEffect();
    for (Estimate estimate :
        new Estimate[] {
          total == null ? null : total.riskRatio(), total == null ? null : total.riskDifference()
        }) {
      values.add(estimate == null ? null : estimate.estimate());
      values.add(estimate == null ? null : estimate.low());
      values.add(estimate == null ? null : estimate.high());
    }
    values.add(total == null ? null : String.join(",", total.adjustedFor()));
    values.add(Double.isNaN(row.totalPValue()) ? null : row.totalPValue());
    values.add(Double.isNaN(row.totalQValue()) ? null : row.totalQValue());
    return RowFactory.create(values.toArray());
  }

  /** The columns of {@code root_causes}, in order. */
  public static StructType schema() {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(ResultTables.PROBLEM, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(ResultTables.REGION, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(ResultTables.FACTOR, DataTypes.StringType, false));
    for (String count :
        List.of(
            ResultTables.EXPOSED_CASES,
            ResultTables.EXPOSED_TOTAL,
            ResultTables.UNEXPOSED_CASES,
            ResultTables.UNEXPOSED_TOTAL,
            ResultTables.MISSING)) {
      fields.add(DataTypes.createStructField(count, DataTypes.LongType, false));
    }
    for (String estimate :
        List.of(
            ResultTables.RELATIVE_RISK,
            ResultTables.ODDS_RATIO,
            ResultTables.ADJUSTED_ODDS_RATIO,
            ResultTables.ATTRIBUTABLE_FRACTION)) {
      for (String suffix : List.of("", ResultTables.LOW_SUFFIX, ResultTables.HIGH_SUFFIX)) {
        fields.add(DataTypes.createStructField(estimate + suffix, DataTypes.DoubleType, true));
      }
    }
    fields.add(DataTypes.createStructField(ResultTables.P_VALUE, DataTypes.DoubleType, true));
    fields.add(DataTypes.createStructField(ResultTables.Q_VALUE, DataTypes.DoubleType, true));
    fields.add(
        DataTypes.createStructField(ResultTables.MEDIAN_LEAD_DAYS, DataTypes.DoubleType, true));
    fields.add(DataTypes.createStructField(ResultTables.EVIDENCE, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(ResultTables.POPULATION, DataTypes.LongType, false));
    fields.add(DataTypes.createStructField(ResultTables.CASES, DataTypes.LongType, false));
    for (String estimate :
        List.of(ResultTables.TOTAL_RISK_RATIO, ResultTables.TOTAL_RISK_DIFFERENCE)) {
      for (String suffix : List.of("", ResultTables.LOW_SUFFIX, ResultTables.HIGH_SUFFIX)) {
        fields.add(DataTypes.createStructField(estimate + suffix, DataTypes.DoubleType, true));
      }
    }
    fields.add(
        DataTypes.createStructField(ResultTables.TOTAL_ADJUSTED_FOR, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(ResultTables.TOTAL_P_VALUE, DataTypes.DoubleType, true));
    fields.add(DataTypes.createStructField(ResultTables.TOTAL_Q_VALUE, DataTypes.DoubleType, true));
    return DataTypes.createStructType(fields);
  }
}
