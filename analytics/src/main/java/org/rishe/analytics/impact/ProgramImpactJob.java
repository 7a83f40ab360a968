package org.rishe.analytics.impact;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.unsafe.types.UTF8String;
import org.apache.spark.util.LongAccumulator;
import org.rishe.analytics.Awaited;
import org.rishe.analytics.stats.Estimate;
import org.rishe.common.results.ProgramImpactGap;
import org.rishe.common.results.ResultTables;
import org.rishe.spark.memory.HeapReservation;
import org.rishe.spark.progress.JobProgress;

/**
 * Evaluates every programme against every outcome indicator: builds the analysis frames with {@link
 * ProgramImpactTransforms} in Spark, groups the frame by programme and outcome, and on the executor
 * holding each group codes it into an {@link ImpactSample} ({@link ImpactDesign}) and runs {@link
 * ImpactEstimator} with closed-form intervals by default. The driver receives only the results: its
 * memory does not grow with the number of people, and on a cluster the programme × outcome pairs
 * are estimated in parallel. A programme and outcome with fewer than {@code minimumGroupSize}
 * treated or comparison people observed is not estimated; {@link #evaluateAndExplain} says why for
 * each such one ({@link ImpactGaps}).
 */
public final class ProgramImpactJob {
  /** The methods published, in table order; the first is the one the API headlines. */
  public static final List<String> METHODS =
      List.of(
          ResultTables.METHOD_DOUBLY_ROBUST,
          ResultTables.METHOD_WEIGHTING,
          ResultTables.METHOD_MATCHING,
          ResultTables.METHOD_STRATIFICATION,
          ResultTables.METHOD_ENTROPY_BALANCING,
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
        case ResultTables.METHOD_ENTROPY_BALANCING -> result.entropyBalancing();
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
    // On disk, not in the heap: the estimates hold a whole programme × outcome group (up to a
    // million units) in an executor's user memory, which a cached frame in the storage region
    // would crowd out (the 1,000,000-family run ran out of heap reading a group while the frame
    // filled the storage region). It is read twice, by the estimates and by the gaps.
    Dataset<Row> frame =
        ProgramImpactTransforms.analysisFrame(
                indexed, observations, indicators, factorCodes, settings.followUp(), programs)
            .persist(StorageLevel.DISK_ONLY());
    Map<String, Double> costs = new LinkedHashMap<>();
    for (Row row : programs.select("program_id", "cost_per_participant").collectAsList()) {
      costs.put(row.getString(0), row.isNullAt(1) ? null : row.getDouble(1));
    }
    List<Estimated> estimated = new ArrayList<>();
    List<Evaluation> evaluations = new ArrayList<>();
    List<ProgramImpactGap> gaps;
    // The counts that say why a programme × outcome has no estimate do not depend on the
    // estimates: they are aggregated on a thread of their own while the estimates run, once the
    // frame they read is built.
    ExecutorService gapCounting =
        Executors.newSingleThreadExecutor(work -> new Thread(work, "rishe-impact-gaps"));
    try {
      // Each programme × outcome is estimated on an executor, from its own units: the driver
      // receives only the results, whatever the number of people. A progress line every 30 s says
      // how far the estimates are.
      LongAccumulator done = spark.sparkContext().longAccumulator("programme impact estimates");
      LongAccumulator unitsDone = spark.sparkContext().longAccumulator("programme impact units");
      Map<String, GroupSize> sizes;
      // the first action on the frame builds it (the longest part at scale): watched too
      try (JobProgress watch =
          JobProgress.watch(spark.sparkContext(), "programme impact: analysis frame", progress)) {
        sizes = groupSizes(frame);
      }
      Future<GapCounts> gapCounts =
          gapCounting.submit(
              () ->
                  gapCounts(chosenEnrollments, indexed, frame, observations, indicators, programs));
      List<GroupSize> estimable =
          sizes.values().stream()
              .filter(size -> size.estimable(settings.minimumGroupSize()))
              .toList();
      Dataset<byte[]> results =
          frame
              .groupByKey(
                  (MapFunction<Row, String>)
                      row ->
                          groupKey(
                              row.getString(row.fieldIndex(ProgramImpactTransforms.PROGRAM_ID)),
                              row.getString(row.fieldIndex(ProgramImpactTransforms.OUTCOME))),
                  Encoders.STRING())
              .flatMapGroups(
                  new SampleEstimator(
                      factorCodes,
                      settings.options(),
                      settings.minimumGroupSize(),
                      sizes,
                      done,
                      unitsDone),
                  Encoders.BINARY());
      List<byte[]> collected;
      try (JobProgress watch =
          JobProgress.watch(
              spark.sparkContext(),
              "programme impact",
              progress,
              JobProgress.DEFAULT_INTERVAL,
              List.of(
                  // the units first: the time left follows them, as a group's cost grows with
                  // its size and the groups range from dozens of children to a million
                  new JobProgress.Count(
                      "units",
                      unitsDone::value,
                      estimable.stream().mapToLong(GroupSize::units).sum()),
                  new JobProgress.Count(
                      "programme × outcome estimates", done::value, estimable.size())))) {
        collected = results.collectAsList();
      }
      for (byte[] bytes : collected) {
        estimated.add(Estimated.read(bytes));
      }
      estimated.sort(
          java.util.Comparator.comparing(Estimated::programId).thenComparing(Estimated::outcome));
      for (int index = 0; index < estimated.size(); index++) {
        Estimated one = estimated.get(index);
        ImpactResult result = one.result();
        progress.accept(
            String.format(
                Locale.ROOT,
                "  %s %s: %,d enrolled, %,d comparison in %,d families, %s, %.1f s, %,d MB"
                    + " of heap reserved after %.1f s waiting (%d of %d)",
                one.programId(),
                one.outcome(),
                result.treated(),
                result.controls(),
                result.clusters(),
                result.resamples() == 0
                    ? "closed-form intervals"
                    : String.format(
                        Locale.ROOT,
                        "%d resamples of %,d units",
                        result.resamples(),
                        result.resampleUnits()),
                one.seconds(),
                one.heapMegabytes(),
                one.waitSeconds(),
                index + 1,
                estimated.size()));
        String outcomeType =
            one.valueType().equals("boolean")
                ? ResultTables.OUTCOME_RISK_DIFFERENCE
                : ResultTables.OUTCOME_MEAN_DIFFERENCE;
        evaluations.add(
            new Evaluation(
                one.programId(),
                one.outcome(),
                outcomeType,
                costs.get(one.programId()),
                one.covariateNames(),
                result));
      }
      gaps =
          explainGaps(Awaited.result(gapCounts, "counting the programme impact gaps"), evaluations);
    } finally {
      gapCounting.shutdown();
      // a failed estimate leaves the counts running: they end before the frame is released
      awaitQuietly(gapCounting);
      frame.unpersist();
      indexed.unpersist();
    }
    return new Results(evaluations, gaps);
  }

  /**
   * The number of units and of treated units of every programme × outcome group in the frame, by
   * {@link #groupKey}: one small aggregation, so that each group's estimate knows its size before
   * it reads a row.
   */
  private static Map<String, GroupSize> groupSizes(Dataset<Row> frame) {
    Map<String, GroupSize> sizes = new LinkedHashMap<>();
    for (Row row :
        frame
            .groupBy(ProgramImpactTransforms.PROGRAM_ID, ProgramImpactTransforms.OUTCOME)
            .agg(
                count(lit(1)),
                sum(when(col(ProgramImpactTransforms.TREATED), lit(1L)).otherwise(lit(0L))))
            .collectAsList()) {
      sizes.put(
          groupKey(row.getString(0), row.getString(1)),
          new GroupSize(row.getLong(2), row.getLong(3)));
    }
    return sizes;
  }

  private static String groupKey(String programId, String outcome) {
    return programId + KEY_SEPARATOR + outcome;
  }

  /** A programme × outcome group's units, and how many of them were treated. */
  record GroupSize(long units, long treated) implements Serializable {
    long controls() {
      return units - treated;
    }

    /** Whether both the treated and the comparison units reach {@code minimum}. */
    boolean estimable(int minimum) {
      return treated >= minimum && controls() >= minimum;
    }
  }

  /** The rows of {@link ImpactGaps#programs} and {@link ImpactGaps#outcomes}, on the driver. */
  private record GapCounts(List<Row> programs, List<Row> outcomes) {}

  /** The per-programme and per-outcome counts behind the gaps: two small aggregates. */
  private GapCounts gapCounts(
      Dataset<Row> enrollments,
      Dataset<Row> indexed,
      Dataset<Row> frame,
      Dataset<Row> observations,
      Dataset<Row> indicators,
      Dataset<Row> programs) {
    Dataset<Row> chosen =
        settings.programs().isEmpty()
            ? programs
            : programs.filter(
                col(ProgramImpactTransforms.PROGRAM_ID).isin(settings.programs().toArray()));
    return new GapCounts(
        ImpactGaps.programs(chosen, enrollments, indexed, settings.followUp()).collectAsList(),
        ImpactGaps.outcomes(indexed, frame, observations, indicators, programs, settings.followUp())
            .collectAsList());
  }

  /** Why each chosen programme × outcome without an evaluation has none. */
  private List<ProgramImpactGap> explainGaps(GapCounts counts, List<Evaluation> evaluations) {
    Set<String> estimated = new HashSet<>();
    for (Evaluation evaluation : evaluations) {
      estimated.add(ImpactGaps.key(evaluation.programId(), evaluation.outcome()));
    }
    return ImpactGaps.gaps(
        counts.programs(), counts.outcomes(), estimated, settings.minimumGroupSize());
  }

  /** Waits for the pool's tasks to end, keeping the thread's interrupt if it has one. */
  private static void awaitQuietly(ExecutorService pool) {
    try {
      pool.awaitTermination(1, TimeUnit.HOURS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final String KEY_SEPARATOR = "\u0000";

  /** One programme × outcome estimated on an executor, as sent back to the driver. */
  record Estimated(
      String programId,
      String outcome,
      String valueType,
      List<String> covariateNames,
      ImpactResult result,
      double seconds,
      int heapMegabytes,
      double waitSeconds)
      implements Serializable {
    byte[] write() {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot serialise the estimate of " + programId, e);
      }
      return bytes.toByteArray();
    }

    static Estimated read(byte[] bytes) {
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
        return (Estimated) in.readObject();
      } catch (IOException | ClassNotFoundException e) {
        throw new IllegalStateException("cannot read an estimate sent by an executor", e);
      }
    }
  }

  /**
   * Estimates one programme × outcome from its frame rows, on the executor that holds them. A group
   * with fewer than the minimum treated or comparison units is skipped unread. Otherwise heap for
   * the whole group is reserved first ({@link HeapReservation}: the tasks of one JVM hold large
   * groups one after another, and Spark spills its own sorts and caches to make room), then the
   * rows are put in person order (a shuffle delivers them in no fixed order, and the bootstrap's
   * draws depend on the order), coded by {@link ImpactDesign} and estimated.
   */
  static final class SampleEstimator implements FlatMapGroupsFunction<String, Row, byte[]> {
    private static final long serialVersionUID = 2L;

    private final List<String> factorCodes;
    private final ImpactOptions options;
    private final int minimumGroupSize;
    private final Map<String, GroupSize> sizes;
    private final LongAccumulator done;
    private final LongAccumulator unitsDone;

    SampleEstimator(
        List<String> factorCodes,
        ImpactOptions options,
        int minimumGroupSize,
        Map<String, GroupSize> sizes,
        LongAccumulator done,
        LongAccumulator unitsDone) {
      this.factorCodes = List.copyOf(factorCodes);
      this.options = requireNonNull(options, "options is null");
      this.minimumGroupSize = minimumGroupSize;
      this.sizes = Map.copyOf(sizes);
      this.done = requireNonNull(done, "done is null");
      this.unitsDone = requireNonNull(unitsDone, "unitsDone is null");
    }

    @Override
    public Iterator<byte[]> call(String key, Iterator<Row> rows) {
      GroupSize size = sizes.get(key);
      if (!rows.hasNext() || size == null || !size.estimable(minimumGroupSize)) {
        return java.util.Collections.emptyIterator();
      }
      long asked = System.nanoTime();
      try (HeapReservation heap =
          HeapReservation.reserve(groupBytes(size.units(), factorCodes.size()))) {
        double waited = (System.nanoTime() - asked) / 1e9;
        Row first = rows.next();
        String programId = first.getString(first.fieldIndex(ProgramImpactTransforms.PROGRAM_ID));
        String outcome = first.getString(first.fieldIndex(ProgramImpactTransforms.OUTCOME));
        String valueType = first.getString(first.fieldIndex(ProgramImpactTransforms.VALUE_TYPE));
        ImpactSample sample = ImpactDesign.sample(units(first, rows, factorCodes), factorCodes);
        if (sample.treatedCount() < minimumGroupSize || sample.controlCount() < minimumGroupSize) {
          unitsDone.add(size.units());
          return java.util.Collections.emptyIterator();
        }
        long started = System.nanoTime();
        ImpactResult result =
            new ImpactEstimator(
                    new NewtonLogisticPropensityModel(),
                    new NewtonLogisticPropensityModel(),
                    options)
                .estimate(sample);
        Estimated estimated =
            new Estimated(
                programId,
                outcome,
                valueType,
                sample.covariateNames(),
                result,
                (System.nanoTime() - started) / 1e9,
                heap.megabytes(),
                waited);
        done.add(1);
        unitsDone.add(size.units());
        return List.of(estimated.write()).iterator();
      }
    }
  }

  /**
   * The heap a group of {@code units} units with {@code factors} factor codes needs at its peak, an
   * upper bound: the rows read into columns and reordered (two copies of about {@code factors + 8}
   * values a unit), then the sample's covariate columns and design matrix (about {@code factors +
   * 16} covariates, each held some four times over by the columns, the design matrix and the
   * estimators' working arrays), plus family ids and person keys. {@code bench/impact/memory.sh}
   * measured 1.27 KB a unit at its peak for 40 covariates; this gives 1.67 KB for the 24 factors
   * that make about as many.
   */
  static long groupBytes(long units, int factors) {
    long perUnit = 32L * (factors + 17) + 8L * (factors + 8) + 100;
    return units * perUnit;
  }

  /**
   * The frame rows of one programme and outcome ({@code first}, then {@code rest}) as design units
   * ordered by person (so an estimate does not depend on the order Spark delivered them), read one
   * row at a time into columns: no row or unit object is kept per person.
   */
  static ImpactDesign.Columns units(Row first, Iterator<Row> rest, List<String> factorCodes) {
    StructType schema = first.schema();
    int person = schema.fieldIndex(ProgramImpactTransforms.PERSON_ID);
    int treated = schema.fieldIndex(ProgramImpactTransforms.TREATED);
    int age = schema.fieldIndex(ProgramImpactTransforms.AGE);
    int sex = schema.fieldIndex(ProgramImpactTransforms.SEX);
    int region = schema.fieldIndex(ProgramImpactTransforms.REGION);
    int outcome = schema.fieldIndex(ProgramImpactTransforms.OUTCOME_VALUE);
    int family = schema.fieldIndex(ProgramImpactTransforms.FAMILY_ID);
    int[] factorFields = factorCodes.stream().mapToInt(schema::fieldIndex).toArray();
    ImpactDesign.Columns columns = new ImpactDesign.Columns(factorCodes.size());
    List<UTF8String> people = new ArrayList<>();
    double[] values = new double[factorFields.length];
    Row row = first;
    while (row != null) {
      for (int i = 0; i < factorFields.length; i++) {
        Object value = row.get(factorFields[i]);
        values[i] = value == null ? Double.NaN : ((Number) value).doubleValue();
      }
      columns.add(
          row.getBoolean(treated),
          row.getInt(age),
          row.getString(sex),
          row.getString(region),
          values,
          row.getDouble(outcome),
          row.getString(family));
      people.add(UTF8String.fromString(row.getString(person)));
      row = rest.hasNext() ? rest.next() : null;
    }
    int[] order =
        java.util.stream.IntStream.range(0, people.size())
            .boxed()
            .sorted((left, right) -> people.get(left).compareTo(people.get(right)))
            .mapToInt(Integer::intValue)
            .toArray();
    return columns.reordered(order);
  }
}
