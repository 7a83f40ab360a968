package org.rishe.analytics.impact;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rishe.analytics.stats.Estimate;
import org.rishe.common.results.ResultTables;

/**
 * Evaluates every programme against every outcome indicator: builds the analysis frames with {@link
 * ProgramImpactTransforms} in Spark, collects each frame (one row per person, so it fits in the
 * driver) into an {@link ImpactSample} coded by {@link ImpactDesign}, and runs {@link
 * ImpactEstimator} with the MLlib propensity model. A programme and outcome with fewer than {@code
 * minimumGroupSize} treated or comparison people observed is left out.
 */
public final class ProgramImpactJob {
  /** The methods published, in table order; the first is the one the API headlines. */
  public static final List<String> METHODS =
      List.of(
          ResultTables.METHOD_DOUBLY_ROBUST,
          ResultTables.METHOD_WEIGHTING,
          ResultTables.METHOD_MATCHING,
          ResultTables.METHOD_STRATIFICATION,
          ResultTables.METHOD_NAIVE);

  private final SparkSession spark;
  private final ProgramImpactSettings settings;
  private final Consumer<String> progress;

  public ProgramImpactJob(SparkSession spark, ProgramImpactSettings settings) {
    this(spark, settings, line -> {});
  }

  /** The job, reporting each programme and outcome it evaluates, with its size and time. */
  public ProgramImpactJob(
      SparkSession spark, ProgramImpactSettings settings, Consumer<String> progress) {
    this.spark = requireNonNull(spark, "spark is null");
    this.settings = requireNonNull(settings, "settings is null");
    this.progress = requireNonNull(progress, "progress is null");
  }

  /** One evaluated programme and outcome: its frame as a sample, and the estimator's result. */
  public record Evaluation(
      String programId,
      String outcome,
      String outcomeType,
      Double costPerParticipant,
      ImpactSample sample,
      ImpactResult result) {
    public Evaluation {
      requireNonNull(programId, "programId is null");
      requireNonNull(outcome, "outcome is null");
      requireNonNull(outcomeType, "outcomeType is null");
      requireNonNull(sample, "sample is null");
      requireNonNull(result, "result is null");
    }

    /** The estimate of a method named in {@link #METHODS}. */
    public Estimate estimate(String method) {
      return switch (method) {
        case ResultTables.METHOD_DOUBLY_ROBUST -> result.doublyRobust();
        case ResultTables.METHOD_WEIGHTING -> result.inverseProbabilityWeighting();
        case ResultTables.METHOD_MATCHING -> result.matching();
        case ResultTables.METHOD_STRATIFICATION -> result.stratification();
        case ResultTables.METHOD_NAIVE -> result.naiveDifference();
        default -> throw new IllegalArgumentException("unknown method " + method);
      };
    }
  }

  /**
   * Evaluates the programmes. Every input must already be limited to consenting people (see {@code
   * CuratedInputs}); {@code programs} is the curated programmes table.
   */
  public List<Evaluation> evaluate(
      Dataset<Row> people,
      Dataset<Row> families,
      Dataset<Row> enrollments,
      Dataset<Row> observations,
      Dataset<Row> indicators,
      Dataset<Row> programs) {
    Dataset<Row> chosenEnrollments =
        settings.programs().isEmpty()
            ? enrollments
            : enrollments.filter(
                col(ProgramImpactTransforms.PROGRAM_ID).isin(settings.programs().toArray()));
    Dataset<Row> indexed =
        ProgramImpactTransforms.indexedPeople(
                people, families, chosenEnrollments, settings.minimumAge(), settings.maximumAge())
            .persist();
    List<String> factorCodes =
        indicators
            .filter(col("kind").equalTo("factor"))
            .orderBy("code")
            .select("code")
            .collectAsList()
            .stream()
            .map(row -> row.getString(0))
            .toList();
    Dataset<Row> frame =
        ProgramImpactTransforms.analysisFrame(
                indexed,
                observations,
                indicators,
                factorCodes,
                settings.followUpStartDays(),
                settings.followUpEndDays())
            .persist();
    Map<String, Double> costs = new LinkedHashMap<>();
    for (Row row : programs.select("program_id", "cost_per_participant").collectAsList()) {
      costs.put(row.getString(0), row.isNullAt(1) ? null : row.getDouble(1));
    }
    ImpactEstimator estimator =
        new ImpactEstimator(
            new SizeRoutedPropensityModel(
                new SparkLogisticPropensityModel(spark),
                new NewtonLogisticPropensityModel(),
                SizeRoutedPropensityModel.DEFAULT_LIMIT),
            new NewtonLogisticPropensityModel(),
            settings.options());
    List<Evaluation> evaluations = new ArrayList<>();
    try {
      List<Row> keys =
          frame
              .select(
                  ProgramImpactTransforms.PROGRAM_ID,
                  ProgramImpactTransforms.OUTCOME,
                  ProgramImpactTransforms.VALUE_TYPE)
              .distinct()
              .orderBy(ProgramImpactTransforms.PROGRAM_ID, ProgramImpactTransforms.OUTCOME)
              .collectAsList();
      for (Row key : keys) {
        List<Row> rows =
            frame
                .filter(
                    col(ProgramImpactTransforms.PROGRAM_ID)
                        .equalTo(key.getString(0))
                        .and(col(ProgramImpactTransforms.OUTCOME).equalTo(key.getString(1))))
                .orderBy(ProgramImpactTransforms.PERSON_ID)
                .collectAsList();
        ImpactSample sample = ImpactDesign.sample(units(rows, factorCodes), factorCodes);
        if (sample.treatedCount() < settings.minimumGroupSize()
            || sample.controlCount() < settings.minimumGroupSize()) {
          continue;
        }
        long started = System.nanoTime();
        ImpactResult result = estimator.estimate(sample);
        progress.accept(
            String.format(
                Locale.ROOT,
                "  %s %s: %,d enrolled, %,d comparison, %d resamples of %,d units, %.1f s"
                    + " (%d of %d)",
                key.getString(0),
                key.getString(1),
                sample.treatedCount(),
                sample.controlCount(),
                result.resamples(),
                result.resampleUnits(),
                (System.nanoTime() - started) / 1e9,
                keys.indexOf(key) + 1,
                keys.size()));
        String outcomeType =
            key.getString(2).equals("boolean")
                ? ResultTables.OUTCOME_RISK_DIFFERENCE
                : ResultTables.OUTCOME_MEAN_DIFFERENCE;
        evaluations.add(
            new Evaluation(
                key.getString(0),
                key.getString(1),
                outcomeType,
                costs.get(key.getString(0)),
                sample,
                result));
      }
    } finally {
      frame.unpersist();
      indexed.unpersist();
    }
    return evaluations;
  }

  /** The frame rows of one programme and outcome as design units, in the rows' order. */
  static List<ImpactDesign.Unit> units(List<Row> rows, List<String> factorCodes) {
    List<ImpactDesign.Unit> units = new ArrayList<>(rows.size());
    for (Row row : rows) {
      Map<String, Double> factors = new LinkedHashMap<>();
      for (String code : factorCodes) {
        Object value = row.getAs(code);
        factors.put(code, value == null ? null : ((Number) value).doubleValue());
      }
      units.add(
          new ImpactDesign.Unit(
              row.getAs(ProgramImpactTransforms.TREATED),
              row.<Integer>getAs(ProgramImpactTransforms.AGE),
              row.getAs(ProgramImpactTransforms.SEX),
              row.getAs(ProgramImpactTransforms.REGION),
              factors,
              row.<Double>getAs(ProgramImpactTransforms.OUTCOME_VALUE)));
    }
    return units;
  }
}
