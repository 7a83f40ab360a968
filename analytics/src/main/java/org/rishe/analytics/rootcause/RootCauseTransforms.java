package org.rishe.analytics.rootcause;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.grouping;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.median;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.when;
import static org.rishe.analytics.rootcause.ExposureTransforms.AGE;
import static org.rishe.analytics.rootcause.ExposureTransforms.FACTOR;
import static org.rishe.analytics.rootcause.ExposureTransforms.FAMILY;
import static org.rishe.analytics.rootcause.ExposureTransforms.FIRST_EXPOSED_ON;
import static org.rishe.analytics.rootcause.ExposureTransforms.FIRST_UNEXPOSED_ON;
import static org.rishe.analytics.rootcause.ExposureTransforms.ONSET;
import static org.rishe.analytics.rootcause.ExposureTransforms.PERSON;
import static org.rishe.analytics.rootcause.ExposureTransforms.PROBLEM;
import static org.rishe.analytics.rootcause.ExposureTransforms.REGION;
import static org.rishe.analytics.rootcause.ExposureTransforms.REGISTERED_ON;
import static org.rishe.analytics.rootcause.ExposureTransforms.SEX;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.rishe.common.results.ResultTables;

/**
 * The Spark side of the root-cause analysis: one timeline per person ({@link PersonTimeline}), from
 * which the exposure status of every person for every problem and factor is decided against an
 * index date, and the 2×2 counts of all problem × factor × region tables in one pass over people.
 *
 * <p>The exposure rule. Each person in scope gets, per problem, an <em>index date</em>: the onset
 * of their first case of it (cases), or their registration day plus the median time from
 * registration to onset among the problem's cases (non-cases), so that non-cases are looked at over
 * the same typical stretch of time as cases rather than over all their follow-up (which would make
 * anything that tends to happen later, such as a problem the outcome itself causes, look
 * protective). Against that date a factor is <em>exposed</em> if it was observed exposed on or
 * before it, else <em>unexposed</em> if it was observed unexposed on or before it, else
 * <em>missing</em>: only missing answers, never asked, or first seen after the index date. A
 * problem as a factor is exposed only if its onset is strictly before the index date (two problems
 * opened the same day are not ordered), and otherwise unexposed.
 */
public final class RootCauseTransforms {
  public static final String IS_CASE = "is_case";
  public static final String ONSETS = "onsets";
  public static final String FACTORS = "factors";
  public static final String DAY = "day";
  public static final String EXPOSED_DAY = "exposed_day";
  public static final String UNEXPOSED_DAY = "unexposed_day";
  public static final String REGISTERED_DAY = "registered_day";
  private static final String LAG_PROBLEM = "_lag_problem";
  private static final String LAG = "_lag";

  private RootCauseTransforms() {}

  /**
   * One row per person in scope and problem: the person's region, the onset of their first case of
   * the problem (null for non-cases) and {@code is_case}; what {@link #populations} counts. {@code
   * problems} has one column {@code problem}. (Index dates and statuses are {@link
   * PersonTimeline}'s.)
   */
  public static Dataset<Row> personProblems(
      Dataset<Row> scope, Dataset<Row> onsets, Dataset<Row> problems) {
    Dataset<Row> grid =
        scope.select(col(PERSON), col(REGION)).crossJoin(broadcast(problems.select(col(PROBLEM))));
    Dataset<Row> caseOnsets =
        onsets.select(col(PERSON).as("_person"), col(PROBLEM).as("_p"), col(ONSET));
    return grid.join(
            caseOnsets,
            grid.col(PERSON)
                .equalTo(caseOnsets.col("_person"))
                .and(grid.col(PROBLEM).equalTo(caseOnsets.col("_p"))),
            "left")
        .select(
            col(PERSON), col(REGION), col(PROBLEM), col(ONSET), col(ONSET).isNotNull().as(IS_CASE));
  }

  /**
   * One row per person in scope: person, region, age, sex, {@code registered_day}, {@code onsets}
   * (problem and {@code day} of the first case of each problem they have) and {@code factors}
   * (factor, {@code exposed_day} and {@code unexposed_day}: first seen exposed and unexposed), days
   * counted from 1970-01-01. Read by {@link PersonTimeline#of}; the shuffles are by person only, so
   * the size of what is built is the size of the observations, never people × problems × factors.
   */
  public static Dataset<Row> timelines(
      Dataset<Row> scope, Dataset<Row> onsets, Dataset<Row> factorObservations) {
    Dataset<Row> onsetLists =
        onsets
            .groupBy(col(PERSON).as("_onset_person"))
            .agg(collect_list(struct(col(PROBLEM), unix_date(col(ONSET)).as(DAY))).as(ONSETS));
    Dataset<Row> factorLists =
        factorObservations
            .groupBy(col(PERSON).as("_factor_person"))
            .agg(
                collect_list(
                        struct(
                            col(FACTOR),
                            unix_date(col(FIRST_EXPOSED_ON)).as(EXPOSED_DAY),
                            unix_date(col(FIRST_UNEXPOSED_ON)).as(UNEXPOSED_DAY)))
                    .as(FACTORS));
    return scope
        .join(onsetLists, scope.col(PERSON).equalTo(onsetLists.col("_onset_person")), "left")
        .join(factorLists, scope.col(PERSON).equalTo(factorLists.col("_factor_person")), "left")
        .select(
            col(PERSON),
            col(FAMILY),
            col(REGION),
            col(AGE),
            col(SEX),
            unix_date(col(REGISTERED_ON)).as(REGISTERED_DAY),
            col(ONSETS),
            col(FACTORS));
  }

  /**
   * Per problem with at least one case, the median days from registration to the onset of a case:
   * the lag that sets non-cases' index date.
   */
  public static Map<String, Double> lags(Dataset<Row> scope, Dataset<Row> onsets) {
    Map<String, Double> lags = new HashMap<>();
    for (Row row : lagTable(scope, onsets).collectAsList()) {
      lags.put(row.getAs(LAG_PROBLEM), row.<Double>getAs(LAG));
    }
    return lags;
  }

  private static Dataset<Row> lagTable(Dataset<Row> scope, Dataset<Row> onsets) {
    Dataset<Row> registered = scope.select(col(PERSON).as("_lag_person"), col(REGISTERED_ON));
    return onsets
        .join(registered, onsets.col(PERSON).equalTo(registered.col("_lag_person")), "inner")
        .groupBy(col(PROBLEM).as(LAG_PROBLEM))
        .agg(median(datediff(col(ONSET), col(REGISTERED_ON))).as(LAG));
  }

  /**
   * The 2×2 counts of every problem × code, for each of {@code regions} and overall, with the
   * median lead days of exposed cases and the families' sums of products ({@link
   * org.rishe.analytics.stats.FamilySums}): one pass over the timelines grouped by family, each
   * partition counting its people into its own tables, the tables then summed in a tree. Rows
   * ordered by problem, factor, region (overall first).
   */
  public static List<RootCauseStatistics.Counts> twoByTwoCounts(
      Dataset<Row> timelines, PersonTimeline.Codes codes, List<String> regions) {
    // Each family whole and together in one partition, so its members' cells are summed before
    // their products are taken (the family-clustered variances).
    TwoByTwoTables tables =
        timelines
            .repartition(col(FAMILY))
            .sortWithinPartitions(col(FAMILY))
            .toJavaRDD()
            .treeAggregate(
                new TwoByTwoTables(codes, regions),
                (partial, row) -> partial.add(PersonTimeline.of(row, codes)),
                TwoByTwoTables::merge);
    List<RootCauseStatistics.Counts> counts = new ArrayList<>(tables.counts());
    counts.sort(
        Comparator.comparing(RootCauseStatistics.Counts::problem)
            .thenComparing(RootCauseStatistics.Counts::factor)
            .thenComparing(
                RootCauseStatistics.Counts::region,
                Comparator.nullsFirst(Comparator.naturalOrder())));
    return counts;
  }

  /**
   * One row per problem and region, plus one per problem with a null region: the people in scope
   * ({@code population}) and those with a case ({@code cases}).
   */
  public static Dataset<Row> populations(Dataset<Row> personProblems) {
    return personProblems
        .rollup(col(PROBLEM), col(REGION))
        .agg(
            count(lit(1)).as(ResultTables.POPULATION),
            sum(when(col(IS_CASE), 1L).otherwise(0L)).as(ResultTables.CASES),
            grouping(col(PROBLEM)).as("_all_problems"))
        .filter(col("_all_problems").equalTo(lit(0)))
        .drop("_all_problems");
  }

  /** Columns of {@link #adjustmentSample}. */
  public static final String DRAW = "draw";

  public static final String STATUSES = "statuses";

  /**
   * The people of {@code problem} that any of its adjusted models keeps under {@code sampling},
   * decided on the executors: region, age, sex, {@code is_case}, the person's {@code draw} and
   * {@code statuses}, one byte per code of {@link ModelSampling#codes()} holding its status at the
   * person's index date (1 exposed, 0 unexposed, -1 missing or the problem itself), and the
   * pseudonymous family (the cluster of the total effects' intervals). No person id: the models
   * need none. At most the number of models times their budget, whatever the population.
   */
  static Dataset<Row> adjustmentSample(
      Dataset<Row> timelines, PersonTimeline.Codes codes, int problem, ModelSampling sampling) {
    List<StructField> fields = adjustmentFields();
    int itself = codes.codeOfProblem(problem);
    int[] columns = sampling.codes().stream().mapToInt(codes::codeIndex).toArray();
    List<String> regions = sampling.regions();
    return timelines.flatMap(
        (FlatMapFunction<Row, Row>)
            row -> {
              PersonTimeline person = PersonTimeline.of(row, codes);
              boolean isCase = person.isCase(problem);
              byte[] statuses = statuses(person, problem, itself, columns);
              double draw = sampling.draw(person.person);
              int region = person.region == null ? -1 : regions.indexOf(person.region);
              if (!sampling.keepsAny(draw, region, statuses, isCase)) {
                return java.util.Collections.emptyIterator();
              }
              return List.of(
                      RowFactory.create(
                          person.region,
                          person.age,
                          person.sex,
                          isCase,
                          draw,
                          statuses,
                          person.family))
                  .iterator();
            },
        Encoders.row(DataTypes.createStructType(fields)));
  }

  /**
   * The person's status of each code of {@code columns} (indices into the timeline's codes, -1 for
   * one it lacks) at their index date for {@code problem}: 1 exposed, 0 unexposed, -1 missing, and
   * -1 for the problem itself ({@code itself}).
   */
  static byte[] statuses(PersonTimeline person, int problem, int itself, int[] columns) {
    int day = person.indexDay(problem);
    byte[] statuses = new byte[columns.length];
    for (int column = 0; column < columns.length; column++) {
      int code = columns[column];
      statuses[column] =
          (byte) (code < 0 || code == itself ? PersonTimeline.MISSING : person.status(code, day));
    }
    return statuses;
  }

  /** The columns of {@link #adjustmentSample}, in order. */
  static List<StructField> adjustmentFields() {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(REGION, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(AGE, DataTypes.IntegerType, false));
    fields.add(DataTypes.createStructField(SEX, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(IS_CASE, DataTypes.BooleanType, false));
    fields.add(DataTypes.createStructField(DRAW, DataTypes.DoubleType, false));
    fields.add(DataTypes.createStructField(STATUSES, DataTypes.BinaryType, false));
    fields.add(DataTypes.createStructField(FAMILY, DataTypes.StringType, true));
    return fields;
  }

  /**
   * One row per person: person, {@code problem}, region, age, sex, {@code is_case} and one column
   * per code (1 exposed, 0 unexposed, null missing), with every status read at a day after any
   * data, so that every observation and every onset counts ("ever seen by the end of follow-up"):
   * the data of the causal graph. {@code problem} is {@code name} and no one is a case.
   */
  public static Dataset<Row> commonIndexMatrix(
      Dataset<Row> timelines, PersonTimeline.Codes codes, String name) {
    return matrix(timelines, codes, PersonTimeline.COMMON_INDEX, name);
  }

  private static Dataset<Row> matrix(
      Dataset<Row> timelines, PersonTimeline.Codes codes, int problem, String problemName) {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(PERSON, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(PROBLEM, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(REGION, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(AGE, DataTypes.IntegerType, false));
    fields.add(DataTypes.createStructField(SEX, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(IS_CASE, DataTypes.BooleanType, false));
    for (String code : codes.codes) {
      fields.add(DataTypes.createStructField(code, DataTypes.IntegerType, true));
    }
    int itself = problem == PersonTimeline.COMMON_INDEX ? -1 : codes.codeOfProblem(problem);
    return timelines.map(
        (MapFunction<Row, Row>)
            row -> {
              PersonTimeline person = PersonTimeline.of(row, codes);
              int day = person.indexDay(problem);
              Object[] values = new Object[6 + codes.codeCount()];
              values[0] = person.person;
              values[1] = problemName;
              values[2] = person.region;
              values[3] = person.age;
              values[4] = person.sex;
              values[5] = problem != PersonTimeline.COMMON_INDEX && person.isCase(problem);
              for (int code = 0; code < codes.codeCount(); code++) {
                int status = code == itself ? PersonTimeline.MISSING : person.status(code, day);
                values[6 + code] = status == PersonTimeline.MISSING ? null : status;
              }
              return RowFactory.create(values);
            },
        Encoders.row(DataTypes.createStructType(fields)));
  }
}
