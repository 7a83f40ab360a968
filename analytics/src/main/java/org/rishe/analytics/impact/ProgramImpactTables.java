package org.rishe.analytics.impact;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.rishe.analytics.publish.ResultOrder;
import org.rishe.analytics.stats.Estimate;
import org.rishe.common.results.ProgramImpactGap;
import org.rishe.common.results.ResultTables;

/**
 * The published tables of programme evaluation, with their schemas: {@code program_impact} (one row
 * per programme, outcome and method), {@code program_balance} (one row per programme, outcome and
 * covariate), {@code program_impact_gaps} (one row per programme and outcome not estimated, with
 * why) and {@code programs} (one row per programme).
 */
public final class ProgramImpactTables {
  /** What the run manifest records under {@code program_impact}. */
  public static final String METHODS_TEXT =
      "effect on the treated (ATT) per programme and outcome indicator: treated = enrolled (first"
          + " enrolment), comparison = consenting people never enrolled whose age at a comparable"
          + " index date (registration + a delay drawn from the treated delays) lies in the"
          + " participants' age range; covariates = age, sex, region and factors observed before"
          + " the index date (missing-indicator coding), outcome = first observation in the"
          + " follow-up window; propensity by logistic regression (Newton steps); controls"
          + " outside the treated propensity range trimmed; doubly robust (headline), odds"
          + " weighting, nearest-neighbour matching (caliper 0.2 SD of the logit), Dehejia-Wahba"
          + " stratification, entropy balancing and the naive difference. 95% intervals"
          + " (variance named by the run parameter impactVariance): closed-form = influence"
          + " values of the stacked estimating equations including the propensity fit, summed"
          + " by family (cluster-robust sandwich, t on families - 1 df), Abadie-Imbens variance"
          + " for matching, stratification conditional on its strata; bootstrap = stratified"
          + " bootstrap of the whole procedure. Boolean outcomes as risk differences, numbers as"
          + " mean differences; cost per outcome = cost per participant / effect, where the"
          + " interval excludes zero";

  private static final StructType IMPACT_SCHEMA =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField(ResultTables.PROGRAM_ID, DataTypes.StringType, false),
              DataTypes.createStructField(ResultTables.OUTCOME, DataTypes.StringType, false),
              DataTypes.createStructField(ResultTables.OUTCOME_TYPE, DataTypes.StringType, false),
              DataTypes.createStructField(ResultTables.METHOD, DataTypes.StringType, false),
              DataTypes.createStructField(ResultTables.PRIMARY, DataTypes.BooleanType, false),
              DataTypes.createStructField(ResultTables.ESTIMATE, DataTypes.DoubleType, true),
              DataTypes.createStructField(ResultTables.LOW, DataTypes.DoubleType, true),
              DataTypes.createStructField(ResultTables.HIGH, DataTypes.DoubleType, true),
              DataTypes.createStructField(
                  ResultTables.NAIVE_DIFFERENCE, DataTypes.DoubleType, false),
              DataTypes.createStructField(ResultTables.TREATED, DataTypes.LongType, false),
              DataTypes.createStructField(ResultTables.CONTROLS, DataTypes.LongType, false),
              DataTypes.createStructField(ResultTables.TRIMMED_CONTROLS, DataTypes.LongType, false),
              DataTypes.createStructField(
                  ResultTables.UNMATCHED_TREATED, DataTypes.LongType, false),
              DataTypes.createStructField(ResultTables.RESAMPLES, DataTypes.LongType, false),
              DataTypes.createStructField(ResultTables.RESAMPLE_UNITS, DataTypes.LongType, false),
              DataTypes.createStructField(
                  ResultTables.COST_PER_PARTICIPANT, DataTypes.DoubleType, true),
              DataTypes.createStructField(
                  ResultTables.COST_PER_OUTCOME, DataTypes.DoubleType, true),
              DataTypes.createStructField(
                  ResultTables.COST_PER_OUTCOME_LOW, DataTypes.DoubleType, true),
              DataTypes.createStructField(
                  ResultTables.COST_PER_OUTCOME_HIGH, DataTypes.DoubleType, true)));

  private static final StructType BALANCE_SCHEMA =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField(ResultTables.PROGRAM_ID, DataTypes.StringType, false),
              DataTypes.createStructField(ResultTables.OUTCOME, DataTypes.StringType, false),
              DataTypes.createStructField(ResultTables.COVARIATE, DataTypes.StringType, false),
              DataTypes.createStructField(ResultTables.SMD_BEFORE, DataTypes.DoubleType, true),
              DataTypes.createStructField(ResultTables.SMD_AFTER, DataTypes.DoubleType, true),
              DataTypes.createStructField(ResultTables.BINARY, DataTypes.BooleanType, false),
              DataTypes.createStructField(ResultTables.STRATA, DataTypes.IntegerType, false),
              DataTypes.createStructField(
                  ResultTables.UNBALANCED_STRATA, DataTypes.IntegerType, false)));

  /** What the run manifest records under {@code program_impact_gaps}. */
  public static final String GAPS_TEXT =
      "one row per programme x outcome indicator (with a readable observation of anyone) not"
          + " estimated, or per programme (outcome null) when nobody enrolled, nobody enrolled is in"
          + " scope, or no outcome was observed: reason nobody_enrolled, nobody_in_scope,"
          + " no_outcome_observed, no_outcome_in_window (with how many enrolled people had the"
          + " outcome observed after enrolment but outside the window, and their median days from"
          + " enrolment to the first such observation), too_few_treated or too_few_comparison"
          + " (fewer than the minimum group size with the outcome in the window), the sentence"
          + " that says so, the counts, and the programme's follow-up window (its own, else the"
          + " run's)";

  private static final StructType GAPS_SCHEMA =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField(ResultTables.PROGRAM_ID, DataTypes.StringType, false),
              DataTypes.createStructField(ResultTables.OUTCOME, DataTypes.StringType, true),
              DataTypes.createStructField(ResultTables.REASON, DataTypes.StringType, false),
              DataTypes.createStructField(ResultTables.REASON_TEXT, DataTypes.StringType, false),
              DataTypes.createStructField(ResultTables.ENROLLED, DataTypes.LongType, false),
              DataTypes.createStructField(ResultTables.IN_SCOPE, DataTypes.LongType, false),
              DataTypes.createStructField(
                  ResultTables.TREATED_WITH_OUTCOME, DataTypes.LongType, true),
              DataTypes.createStructField(
                  ResultTables.COMPARISON_WITH_OUTCOME, DataTypes.LongType, true),
              DataTypes.createStructField(
                  ResultTables.TREATED_OUTSIDE_WINDOW, DataTypes.LongType, true),
              DataTypes.createStructField(
                  ResultTables.MEDIAN_DAYS_OUTSIDE_WINDOW, DataTypes.DoubleType, true),
              DataTypes.createStructField(
                  ResultTables.FOLLOW_UP_START_DAYS, DataTypes.IntegerType, false),
              DataTypes.createStructField(
                  ResultTables.FOLLOW_UP_END_DAYS, DataTypes.IntegerType, true),
              DataTypes.createStructField(
                  ResultTables.MINIMUM_GROUP_SIZE, DataTypes.IntegerType, false)));

  private ProgramImpactTables() {}

  /** One row per programme, outcome and method. */
  public static Dataset<Row> impact(
      SparkSession spark, List<ProgramImpactJob.Evaluation> evaluations) {
    List<Row> rows = new ArrayList<>();
    for (ProgramImpactJob.Evaluation evaluation : evaluations) {
      ImpactResult result = evaluation.result();
      for (String method : ProgramImpactJob.METHODS) {
        Estimate estimate = evaluation.estimate(method);
        Estimate cost = costPerOutcome(evaluation.costPerParticipant(), estimate);
        rows.add(
            RowFactory.create(
                evaluation.programId(),
                evaluation.outcome(),
                evaluation.outcomeType(),
                method,
                method.equals(ProgramImpactJob.METHODS.get(0)),
                finite(estimate.estimate()),
                finite(estimate.low()),
                finite(estimate.high()),
                result.naiveDifference().estimate(),
                (long) result.treated(),
                (long) result.controls(),
                (long) result.trimmedControls(),
                (long) result.unmatchedTreated(),
                (long) result.resamples(),
                (long) result.resampleUnits(),
                evaluation.costPerParticipant(),
                cost == null ? null : cost.estimate(),
                cost == null ? null : cost.low(),
                cost == null ? null : cost.high()));
      }
    }
    return ResultOrder.sorted(
        spark.createDataFrame(rows, IMPACT_SCHEMA),
        col(ResultTables.PROGRAM_ID),
        col(ResultTables.OUTCOME));
  }

  /**
   * One row per programme, outcome and covariate: its standardised mean differences, the number of
   * propensity strata of the estimate and in how many of them the covariate is still unbalanced
   * (Dehejia &amp; Wahba's check, {@link ImpactResult#stratumImbalances}).
   */
  public static Dataset<Row> balance(
      SparkSession spark, List<ProgramImpactJob.Evaluation> evaluations) {
    List<Row> rows = new ArrayList<>();
    for (ProgramImpactJob.Evaluation evaluation : evaluations) {
      ImpactResult result = evaluation.result();
      Map<String, Integer> unbalanced = unbalancedStrata(result.stratumImbalances());
      for (BalanceRow balance : result.balance()) {
        rows.add(
            RowFactory.create(
                evaluation.programId(),
                evaluation.outcome(),
                balance.covariate(),
                finite(balance.before()),
                finite(balance.after()),
                balance.binary(),
                result.strata(),
                unbalanced.getOrDefault(balance.covariate(), 0)));
      }
    }
    return spark.createDataFrame(rows, BALANCE_SCHEMA);
  }

  /**
   * The number of strata in which each covariate is unbalanced. The check yields at most one
   * imbalance per stratum and covariate, so its imbalances of a covariate count its strata.
   */
  static Map<String, Integer> unbalancedStrata(List<StratumImbalance> imbalances) {
    Map<String, Integer> counts = new HashMap<>();
    for (StratumImbalance imbalance : imbalances) {
      counts.merge(imbalance.covariate(), 1, Integer::sum);
    }
    return counts;
  }

  /**
   * Cost per unit of outcome change: the cost per participant over the effect, its interval the
   * cost over the effect's bounds. Null without a cost, or when the interval includes zero: a
   * change that may be nothing has no cost per unit.
   */
  static Estimate costPerOutcome(Double costPerParticipant, Estimate effect) {
    if (costPerParticipant == null
        || !(effect.low() > 0 || effect.high() < 0)
        || !Double.isFinite(effect.estimate())) {
      return null;
    }
    double first = costPerParticipant / effect.low();
    double second = costPerParticipant / effect.high();
    return new Estimate(
        costPerParticipant / effect.estimate(), Math.min(first, second), Math.max(first, second));
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }

  /** One row per programme × outcome not estimated, or per programme (outcome null). */
  public static Dataset<Row> gaps(SparkSession spark, List<ProgramImpactGap> gaps) {
    List<Row> rows = new ArrayList<>();
    for (ProgramImpactGap gap : gaps) {
      rows.add(
          RowFactory.create(
              gap.programId(),
              gap.outcome(),
              gap.reason(),
              gap.describe(),
              gap.enrolled(),
              gap.inScope(),
              gap.treatedWithOutcome(),
              gap.comparisonWithOutcome(),
              gap.treatedOutsideWindow(),
              gap.medianDaysOutsideWindow(),
              gap.followUpStartDays(),
              gap.followUpEndDays(),
              gap.minimumGroupSize()));
    }
    return spark.createDataFrame(rows, GAPS_SCHEMA);
  }
}
