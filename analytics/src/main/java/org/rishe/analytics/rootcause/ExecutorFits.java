package org.rishe.analytics.rootcause;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.expressions.XXH64;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.Platform;
import org.rishe.analytics.stats.Estimate;

/**
 * The adjusted models ({@link AdjustedOddsRatios}) and total effects ({@link TotalEffects}) of
 * every problem fitted on the executors, for populations too large to bring any model's people to
 * the driver. Each person is sent, in one pass over the timelines, to every overall model of every
 * problem that keeps them under the problem's {@link ModelSampling}, and once to the problem's
 * models in their region if any of those keeps them; the people of one overall model, or of one
 * problem's models in one region, meet in one group, where each model picks its people by the same
 * sampling rule, its design is built and fitted exactly as the driver would (the same {@link
 * AdjustedOddsRatios.Design}, the same {@link LogisticFit}, the same family-clustered influence
 * values), and only the estimates come back.
 *
 * <p>What moves is bounded by the models and the regions, not the population: an overall model
 * keeps at most {@link ModelSampling#MAXIMUM_UNITS} people, and a region's models together at most
 * the region's people once each (a region's models were sent a person once per model that kept them
 * before: tens of millions of rows at 100,000 families, 19 focal codes a person). A task holds one
 * group at a time; more executors fit more groups at once.
 */
final class ExecutorFits {
  /** The column numbering the model a row is sent to. */
  static final String MODEL = "model";

  /** The column holding the person as the model needs them, packed ({@link Packed}). */
  static final String PERSON = "person";

  /** How many models a task fits, at most: a task's rows are sorted before its fits. */
  static final int MODELS_PER_TASK = 16;

  private ExecutorFits() {}

  /** One model: problem and focal code (indices), region (-1 overall). */
  private record Model(int problem, int focal, int region) {}

  /** The estimates of every model fitted. */
  record Results(
      Map<AdjustedOddsRatios.Key, Estimate> adjusted,
      Map<AdjustedOddsRatios.Key, TotalEffects.TotalEffect> totals) {}

  /**
   * Fits every problem's models, {@code samplings} holding one {@link ModelSampling} per problem of
   * {@code codes} in order (all over the same codes and regions), with the confounders {@code
   * order} gives each factor.
   */
  static Results fit(
      Dataset<Row> timelines,
      PersonTimeline.Codes codes,
      List<ModelSampling> samplings,
      CausalOrder order) {
    requireNonNull(timelines, "timelines is null");
    if (samplings.size() != codes.problemCount()) {
      throw new IllegalArgumentException(
          "one sampling per problem is needed: %d for %d problems"
              .formatted(samplings.size(), codes.problemCount()));
    }
    Plan plan = Plan.of(codes, samplings, order);
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(MODEL, DataTypes.IntegerType, false));
    fields.add(DataTypes.createStructField(PERSON, DataTypes.BinaryType, false));
    Dataset<Row> sent =
        timelines.flatMap(
            (FlatMapFunction<Row, Row>) row -> plan.send(PersonTimeline.of(row, codes)).iterator(),
            Encoders.row(DataTypes.createStructType(fields)));
    // A task fits a few groups after another, its rows sorted by key: grouped in a few partitions,
    // the rows of every model (before the regions' were merged) outgrew their sorter's arrays.
    int partitions =
        Math.max(
            Integer.parseInt(timelines.sparkSession().conf().get("spark.sql.shuffle.partitions")),
            (plan.keyCount() + MODELS_PER_TASK - 1) / MODELS_PER_TASK);
    List<Row> results =
        sent.repartition(partitions, col(MODEL))
            .sortWithinPartitions(col(MODEL))
            .mapPartitions(
                (MapPartitionsFunction<Row, Row>) plan::fitSorted, Encoders.row(resultSchema()))
            .collectAsList();
    Map<AdjustedOddsRatios.Key, Estimate> adjusted = new HashMap<>();
    Map<AdjustedOddsRatios.Key, TotalEffects.TotalEffect> totals = new HashMap<>();
    for (Row result : results) {
      plan.read(result, adjusted, totals);
    }
    return new Results(adjusted, totals);
  }

  /**
   * The models of every problem and how a person is sent to them, each model numbered by {@link
   * #key} (problem, then focal code, then region with the overall model first).
   */
  private record Plan(
      List<String> problems,
      List<String> codes,
      List<String> regions,
      List<ModelSampling> samplings,
      int[] itself,
      int[] columns,
      int[][][] confounders,
      int[][][] totalConfounders)
      implements Serializable {
    static Plan of(
        PersonTimeline.Codes dictionary, List<ModelSampling> samplings, CausalOrder order) {
      List<String> codes = samplings.get(0).codes();
      List<String> regions = samplings.get(0).regions();
      int problems = dictionary.problemCount();
      int[] itself = new int[problems];
      int[][][] confounders = new int[problems][codes.size()][];
      int[][][] totalConfounders = new int[problems][codes.size()][];
      for (int problem = 0; problem < problems; problem++) {
        ModelSampling sampling = samplings.get(problem);
        if (!sampling.codes().equals(codes) || !sampling.regions().equals(regions)) {
          throw new IllegalArgumentException(
              "every problem's sampling must be over the same codes and regions");
        }
        String name = dictionary.problems.get(problem);
        itself[problem] = dictionary.codeOfProblem(problem);
        for (int focal = 0; focal < codes.size(); focal++) {
          String factor = codes.get(focal);
          confounders[problem][focal] = indices(order.confounders(factor, name, codes), codes);
          totalConfounders[problem][focal] =
              indices(order.totalEffectConfounders(factor, name, codes), codes);
        }
      }
      return new Plan(
          List.copyOf(dictionary.problems),
          codes,
          regions,
          List.copyOf(samplings),
          itself,
          codes.stream().mapToInt(dictionary::codeIndex).toArray(),
          confounders,
          totalConfounders);
    }

    private static int[] indices(List<String> names, List<String> codes) {
      return names.stream().mapToInt(codes::indexOf).toArray();
    }

    int perProblem() {
      return codes.size() * (regions.size() + 1);
    }

    /** The key of the model of code {@code focal} on {@code problem} in {@code region}. */
    int key(int problem, int focal, int region) {
      return problem * perProblem() + focal * (regions.size() + 1) + region + 1;
    }

    /** The model a key numbers: the inverse of {@link #key}. */
    Model model(int key) {
      int within = key % perProblem();
      return new Model(
          key / perProblem(), within / (regions.size() + 1), within % (regions.size() + 1) - 1);
    }

    /** The names of the codes a total effect of {@code focal} on {@code problem} adjusts for. */
    List<String> totalAdjustedFor(int problem, int focal) {
      return Arrays.stream(totalConfounders[problem][focal]).mapToObj(codes::get).toList();
    }

    /** The rows that send {@code person} to each model that keeps them. */
    List<Row> send(PersonTimeline person) {
      List<Row> rows = new ArrayList<>();
      int region = person.region == null ? -1 : regions.indexOf(person.region);
      long family = Packed.family(person);
      for (int problem = 0; problem < problems.size(); problem++) {
        ModelSampling sampling = samplings.get(problem);
        boolean isCase = person.isCase(problem);
        byte[] statuses = RootCauseTransforms.statuses(person, problem, itself[problem], columns);
        double draw = sampling.draw(person.person);
        byte[] packed = null;
        boolean regional = false;
        for (int focal = 0; focal < statuses.length; focal++) {
          int exposed = statuses[focal];
          if (exposed < 0) {
            continue;
          }
          boolean overall = draw < sampling.fraction(-1, focal, exposed, isCase);
          regional |= region >= 0 && draw < sampling.fraction(region, focal, exposed, isCase);
          if ((overall || regional) && packed == null) {
            packed = Packed.of(region, person, isCase, draw, family, statuses);
          }
          if (overall) {
            rows.add(RowFactory.create(key(problem, focal, -1), packed));
          }
        }
        if (regional) {
          rows.add(RowFactory.create(regionKey(problem, region), packed));
        }
      }
      return rows;
    }

    /**
     * The key of the rows of {@code problem}'s models in {@code region}, after every model's key: a
     * person goes there once, whichever of the region's models keep them, and each model picks its
     * people out of them by the same sampling rule ({@link AdjustedOddsRatios.Design#of}).
     */
    int regionKey(int problem, int region) {
      return modelCount() + problem * regions.size() + region;
    }

    /** How many keys rows are sent to: every model's, then each problem and region's. */
    int keyCount() {
      return modelCount() + problems.size() * regions.size();
    }

    int modelCount() {
      return problems.size() * perProblem();
    }

    /** Fits each model of rows sorted by model: a result row for each model that gives one. */
    Iterator<Row> fitSorted(Iterator<Row> rows) {
      List<Row> results = new ArrayList<>();
      Row next = rows.hasNext() ? rows.next() : null;
      while (next != null) {
        int key = next.getInt(0);
        List<byte[]> packed = new ArrayList<>();
        while (next != null && next.getInt(0) == key) {
          packed.add(next.getAs(1));
          next = rows.hasNext() ? rows.next() : null;
        }
        AdjustedOddsRatios.Sample sample = Packed.sample(packed, regions, codes.size());
        if (key < modelCount()) {
          fit(key, sample).ifPresent(results::add);
        } else {
          int problem = (key - modelCount()) / regions.size();
          int region = (key - modelCount()) % regions.size();
          for (int focal = 0; focal < codes.size(); focal++) {
            fit(key(problem, focal, region), sample).ifPresent(results::add);
          }
        }
      }
      return results.iterator();
    }

    /**
     * Fits the model {@code key} on {@code sample}, the people sent to it (or to its problem and
     * region, of whom the model keeps those its sampling keeps): one result row, or none.
     */
    Optional<Row> fit(int key, AdjustedOddsRatios.Sample sample) {
      Model model = model(key);
      int problem = model.problem();
      int focal = model.focal();
      int region = model.region();
      ModelSampling sampling = samplings.get(problem);
      Optional<Estimate> adjusted =
          AdjustedOddsRatios.fit(sample, focal, confounders[problem][focal], region, sampling);
      Optional<TotalEffects.TotalEffect> effect =
          TotalEffects.estimate(
              sample,
              focal,
              totalConfounders[problem][focal],
              totalAdjustedFor(problem, focal),
              region,
              sampling);
      if (adjusted.isEmpty() && effect.isEmpty()) {
        return Optional.empty();
      }
      List<Object> values = new ArrayList<>();
      values.add(key);
      addEstimate(values, adjusted.orElse(null));
      TotalEffects.TotalEffect totalEffect = effect.orElse(null);
      values.add(totalEffect == null ? null : totalEffect.riskExposed());
      values.add(totalEffect == null ? null : totalEffect.riskUnexposed());
      addEstimate(values, totalEffect == null ? null : totalEffect.riskRatio());
      addEstimate(values, totalEffect == null ? null : totalEffect.riskDifference());
      addEstimate(values, totalEffect == null ? null : totalEffect.attributableFraction());
      values.add(totalEffect == null ? null : totalEffect.logRatioStandardError());
      values.add(totalEffect == null ? null : totalEffect.people());
      values.add(totalEffect == null ? null : totalEffect.families());
      return Optional.of(RowFactory.create(values.toArray()));
    }

    /** Puts the estimates of a result row into the maps, under the model's key. */
    void read(
        Row result,
        Map<AdjustedOddsRatios.Key, Estimate> adjusted,
        Map<AdjustedOddsRatios.Key, TotalEffects.TotalEffect> totals) {
      Model model = model(result.getInt(0));
      int problem = model.problem();
      int focal = model.focal();
      int region = model.region();
      AdjustedOddsRatios.Key name =
          new AdjustedOddsRatios.Key(
              problems.get(problem), codes.get(focal), region < 0 ? null : regions.get(region));
      estimate(result, 1).ifPresent(estimate -> adjusted.put(name, estimate));
      if (!result.isNullAt(4)) {
        totals.put(
            name,
            new TotalEffects.TotalEffect(
                result.getDouble(4),
                result.getDouble(5),
                estimate(result, 6).orElseThrow(),
                result.getDouble(15),
                estimate(result, 9).orElseThrow(),
                estimate(result, 12).orElseThrow(),
                totalAdjustedFor(problem, focal),
                result.getInt(16),
                result.getInt(17)));
      }
    }
  }

  /**
   * A person as a model needs them, in {@value #HEADER} bytes and one per code: region (short, -1
   * none), age (short), sex (0 male, 1 female, 2 other or unknown), case (0/1), the draw (double),
   * the family as a 64-bit hash of its pseudonymous id (a person without a family is a family of
   * their own, hashed from their id with another seed), then each code's status. Half the bytes of
   * the columns as rows, and read without a schema lookup per field; two families of one model
   * share a hash with probability about n²/2⁶⁵ (10⁻¹⁰ at the 50,000 people a model keeps).
   */
  static final class Packed {
    static final int HEADER = 2 + 2 + 1 + 1 + 8 + 8;
    private static final long FAMILY_SEED = 0x5eedfa11L;
    private static final long PERSON_SEED = 0x5eed9e50L;

    private Packed() {}

    static long family(PersonTimeline person) {
      return person.family == null
          ? hash(person.person, PERSON_SEED)
          : hash(person.family, FAMILY_SEED);
    }

    private static long hash(String text, long seed) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      return XXH64.hashUnsafeBytes(bytes, Platform.BYTE_ARRAY_OFFSET, bytes.length, seed);
    }

    static byte[] of(
        int region,
        PersonTimeline person,
        boolean isCase,
        double draw,
        long family,
        byte[] statuses) {
      ByteBuffer buffer = ByteBuffer.allocate(HEADER + statuses.length);
      buffer.putShort((short) region);
      buffer.putShort((short) person.age);
      buffer.put(AdjustedOddsRatios.Sample.sexCode(person.sex));
      buffer.put((byte) (isCase ? 1 : 0));
      buffer.putDouble(draw);
      buffer.putLong(family);
      buffer.put(statuses);
      return buffer.array();
    }

    /** The people of one model as a {@link AdjustedOddsRatios.Sample}, in the order given. */
    static AdjustedOddsRatios.Sample sample(List<byte[]> people, List<String> regions, int codes) {
      AdjustedOddsRatios.Sample sample =
          AdjustedOddsRatios.Sample.allocate(regions, people.size(), codes);
      Map<Long, Integer> families = new HashMap<>();
      for (int unit = 0; unit < people.size(); unit++) {
        ByteBuffer buffer = ByteBuffer.wrap(people.get(unit));
        sample.region()[unit] = buffer.getShort();
        sample.age()[unit] = buffer.getShort();
        sample.sex()[unit] = buffer.get();
        sample.isCase()[unit] = buffer.get() == 1;
        sample.draw()[unit] = buffer.getDouble();
        sample.family()[unit] = families.computeIfAbsent(buffer.getLong(), key -> families.size());
        for (int code = 0; code < codes; code++) {
          sample.status()[code][unit] = buffer.get();
        }
      }
      return sample;
    }
  }

  private static void addEstimate(List<Object> values, Estimate estimate) {
    values.add(estimate == null ? null : estimate.estimate());
    values.add(estimate == null ? null : estimate.low());
    values.add(estimate == null ? null : estimate.high());
  }

  private static Optional<Estimate> estimate(Row row, int first) {
    if (row.isNullAt(first)) {
      return Optional.empty();
    }
    return Optional.of(
        new Estimate(row.getDouble(first), row.getDouble(first + 1), row.getDouble(first + 2)));
  }

  /**
   * A fitted model: its key, the adjusted odds ratio (3 columns), the total effect's two risks,
   * risk ratio, risk difference and attributable fraction (3 columns each), the standard error of
   * log RR, people and families.
   */
  private static StructType resultSchema() {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(MODEL, DataTypes.IntegerType, false));
    for (String name :
        List.of(
            "adjusted",
            "adjusted_low",
            "adjusted_high",
            "risk_exposed",
            "risk_unexposed",
            "risk_ratio",
            "risk_ratio_low",
            "risk_ratio_high",
            "risk_difference",
            "risk_difference_low",
            "risk_difference_high",
            "attributable",
            "attributable_low",
            "attributable_high",
            "log_risk_ratio_se")) {
      fields.add(DataTypes.createStructField(name, DataTypes.DoubleType, true));
    }
    fields.add(DataTypes.createStructField("people", DataTypes.IntegerType, true));
    fields.add(DataTypes.createStructField("families", DataTypes.IntegerType, true));
    return DataTypes.createStructType(fields);
  }
}
