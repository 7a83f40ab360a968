package org.rishe.analytics.impact;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.rishe.analytics.stats.Estimate;
import org.rishe.common.results.ProgramImpactGap;
import org.rishe.common.results.ResultTables;

/**
 * Evaluates every programme against every outcome indicator: builds the analysis frames with {@link
 * ProgramImpactTransforms} in Spark, collects each frame (one row per person, so it fits in the
 * driver) into an {@link ImpactSample} coded by {@link ImpactDesign}, and runs {@link
 * ImpactEstimator} with the MLlib propensity model. A programme and outcome with fewer than {@code
 * minimumGroupSize} treated or comparison people observed is not estimated; {@link
 * #evaluateAndExplain} says why for each such one ({@link ImpactGaps}).
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

  /**
   * One evaluated programme and outcome: the covariates its sample was coded into, and the
   * estimator's result. The sample itself is not kept: at a million families each holds over a
   * million units, and keeping all of them exhausted the driver's heap.
   */
  public record Evaluation(
      String programId,
      String outcome,
      String outcomeType,
      Double costPerParticipant,
      List<String> covariateNames,
      ImpactResult result) {
    public Evaluation {
      requireNonNull(programId, "programId is null");
      requireNonNull(outcome, "outcome is null");
      requireNonNull(outcomeType, "outcomeType is null");
      covariateNames = List.copyOf(covariateNames);
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

  /** What {@link #evaluateAndExplain} found: the estimates, and why the rest have none. */
  public record Results(List<Evaluation> evaluations, List<ProgramImpactGap> gaps) {
    public Results {
      evaluations = List.copyOf(evaluations);
      gaps = List.copyOf(gaps);
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
    return evaluateAndExplain(people, families, enrollments, observations, indicators, programs)
        .evaluations();
  }

  /**
   * Evaluates the programmes as {@link #evaluate} does and, for every programme × outcome it does
   * not estimate, says why ({@link ImpactGaps#gaps}), from counts aggregated in Spark.
   */
  public Results evaluateAndExplain(
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
                indexed, observations, indicators, factorCodes, settings.followUp(), programs)
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
    List<ProgramImpactGap> gaps;
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
      // One sort of the frame, streamed to the driver a partition at a time: each programme and
      // outcome is a run of consecutive rows. Filtering the frame per key would scan all of it
      // again for every key (about 25 M rows at a million families).
      SampleRuns runs =
          new SampleRuns(
              frame
                  .orderBy(
                      ProgramImpactTransforms.PROGRAM_ID,
                      ProgramImpactTransforms.OUTCOME,
                      ProgramImpactTransforms.PERSON_ID)
                  .toLocalIterator());
      for (Row key : keys) {
        // No local keeps the rows or units: only the coded sample stays reachable while the
        // estimator runs.
        ImpactSample sample =
            ImpactDesign.sample(
                units(runs.next(key.getString(0), key.getString(1)), factorCodes), factorCodes);
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
                sample.covariateNames(),
                result));
      }
      gaps =
          explainGaps(
              chosenEnrollments, indexed, frame, observations, indicators, programs, evaluations);
    } finally {
      frame.unpersist();
      indexed.unpersist();
    }
    return new Results(evaluations, gaps);
  }

  /** Why each chosen programme × outcome without an evaluation has none. */
  private List<ProgramImpactGap> explainGaps(
      Dataset<Row> enrollments,
      Dataset<Row> indexed,
      Dataset<Row> frame,
      Dataset<Row> observations,
      Dataset<Row> indicators,
      Dataset<Row> programs,
      List<Evaluation> evaluations) {
    Dataset<Row> chosen =
        settings.programs().isEmpty()
            ? programs
            : programs.filter(
                col(ProgramImpactTransforms.PROGRAM_ID).isin(settings.programs().toArray()));
    Set<String> estimated = new HashSet<>();
    for (Evaluation evaluation : evaluations) {
      estimated.add(ImpactGaps.key(evaluation.programId(), evaluation.outcome()));
    }
    return ImpactGaps.gaps(
        ImpactGaps.programs(chosen, enrollments, indexed, settings.followUp()).collectAsList(),
        ImpactGaps.outcomes(indexed, frame, observations, indicators, programs, settings.followUp())
            .collectAsList(),
        estimated,
        settings.minimumGroupSize());
  }

  /** The frame rows of one programme and outcome as design units, in the rows' order. */
  static List<ImpactDesign.Unit> units(List<Row> rows, List<String> factorCodes) {
    List<ImpactDesign.Unit> units = new ArrayList<>(rows.size());
    if (rows.isEmpty()) {
      return units;
    }
    StructType schema = rows.get(0).schema();
    int treated = schema.fieldIndex(ProgramImpactTransforms.TREATED);
    int age = schema.fieldIndex(ProgramImpactTransforms.AGE);
    int sex = schema.fieldIndex(ProgramImpactTransforms.SEX);
    int region = schema.fieldIndex(ProgramImpactTransforms.REGION);
    int outcome = schema.fieldIndex(ProgramImpactTransforms.OUTCOME_VALUE);
    int[] factorFields = factorCodes.stream().mapToInt(schema::fieldIndex).toArray();
    for (Row row : rows) {
      Map<String, Double> factors = new LinkedHashMap<>();
      for (int i = 0; i < factorFields.length; i++) {
        Object value = row.get(factorFields[i]);
        factors.put(factorCodes.get(i), value == null ? null : ((Number) value).doubleValue());
      }
      units.add(
          new ImpactDesign.Unit(
              row.getBoolean(treated),
              row.getInt(age),
              row.getString(sex),
              row.getString(region),
              factors,
              row.getDouble(outcome)));
    }
    return units;
  }

  /**
   * The rows of a frame sorted by programme, outcome and person, handed out one programme and
   * outcome at a time, in that order.
   */
  static final class SampleRuns {
    private final Iterator<Row> rows;
    private Row pending;

    SampleRuns(Iterator<Row> rows) {
      this.rows = requireNonNull(rows, "rows is null");
    }

    /**
     * The next run of rows of the given programme and outcome. Rows of keys sorted before it are
     * skipped; an empty list means the frame holds none.
     */
    List<Row> next(String programId, String outcome) {
      List<Row> run = new ArrayList<>();
      while (pending != null || rows.hasNext()) {
        Row row = pending != null ? pending : rows.next();
        pending = null;
        int order = compare(row.getString(programField(row)), programId);
        if (order == 0) {
          order = compare(row.getString(outcomeField(row)), outcome);
        }
        if (order > 0) {
          pending = row;
          break;
        }
        if (order == 0) {
          run.add(row);
        }
      }
      return run;
    }

    private static int programField(Row row) {
      return row.fieldIndex(ProgramImpactTransforms.PROGRAM_ID);
    }

    private static int outcomeField(Row row) {
      return row.fieldIndex(ProgramImpactTransforms.OUTCOME);
    }

    /** Spark's string order (by UTF-8 bytes), the order the frame was sorted in. */
    private static int compare(String left, String right) {
      return UTF8String.fromString(left).compareTo(UTF8String.fromString(right));
    }
  }
}
