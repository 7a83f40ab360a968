package org.rishe.analytics.impact;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.months_between;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.rishe.analytics.publish.ResultOrder;

/**
 * The person-level analysis frames of programme evaluation, as pure functions of the curated tables
 * (already limited to consenting people). Treated people are those enrolled in the programme, at
 * their first enrolment date. Comparison people are everyone in scope never enrolled in it, each
 * given a <em>comparable index date</em>: their registration date plus a delay drawn, by a hash of
 * person and programme, from the treated people's delays between registration and enrolment. So
 * both arms are measured at the same point of their time with the charity, covariates are read
 * before that point, and outcomes in the same window after it. Scope: people whose age at the index
 * date lies within the range of the participants' ages (or fixed bounds).
 */
public final class ProgramImpactTransforms {
  public static final String PROGRAM_ID = "program_id";
  public static final String PERSON_ID = "person_id";
  public static final String TREATED = "treated";
  public static final String INDEX_DATE = "index_date";
  public static final String AGE = "age";
  public static final String SEX = "sex";
  public static final String REGION = "region";
  public static final String COVARIATE = "covariate";
  public static final String COVARIATE_VALUE = "covariate_value";
  public static final String OUTCOME = "outcome";
  public static final String OUTCOME_VALUE = "outcome_value";
  public static final String VALUE_TYPE = "value_type";

  /** First day after the index date on which the row's programme counts an outcome. */
  public static final String FOLLOW_UP_START = "follow_up_start_days";

  /** Last such day; null when the programme's window has no end. */
  public static final String FOLLOW_UP_END = "follow_up_end_days";

  static final String FAMILY_ID = "family_id";
  private static final String REGISTERED_ON = "registered_on";
  private static final String DELAY = "_delay";
  private static final String DRAW = "_draw";

  private ProgramImpactTransforms() {}

  /**
   * One row per programme and person in scope: {@code program_id, person_id, treated, index_date,
   * age, sex, region, family_id}. {@code minimumAge}/{@code maximumAge} null means the range of the
   * programme's participants. People without a birth date or year have no age and are left out.
   */
  public static Dataset<Row> indexedPeople(
      Dataset<Row> people,
      Dataset<Row> families,
      Dataset<Row> enrollments,
      Integer minimumAge,
      Integer maximumAge) {
    Dataset<Row> persons =
        people
            .join(families.select(col(FAMILY_ID), col(REGION)), FAMILY_ID)
            .select(
                col(PERSON_ID),
                col(FAMILY_ID),
                col(REGION),
                coalesce(col(SEX), lit("unknown")).as(SEX),
                col(REGISTERED_ON),
                // A birth year alone is read as 1 July of that year: the middle, so the age error
                // is at most six months either way.
                coalesce(col("birth_date"), make_date(col("birth_year"), lit(7), lit(1)))
                    .as("_birth"))
            .filter(col("_birth").isNotNull());
    Dataset<Row> firstEnrolments =
        enrollments.groupBy(col(PROGRAM_ID), col(PERSON_ID)).agg(min("enrolled_on").as(INDEX_DATE));
    Dataset<Row> treated =
        firstEnrolments
            .join(persons, PERSON_ID)
            .withColumn(TREATED, lit(true))
            .withColumn(DELAY, datediff(col(INDEX_DATE), col(REGISTERED_ON)));
    // Each programme's treated delays, sorted (a missing one first), as distinct values and the
    // last rank each reaches: a comparison person's draw picks a rank, and the delay at that rank
    // is read from this small table in the task, so the programme × person rows are never
    // shuffled to be joined to it.
    Dataset<Row> delayCounts =
        treated.groupBy(col(PROGRAM_ID), col(DELAY)).agg(count(lit(1)).as("_with_delay"));
    TreatedDelays delays =
        new TreatedDelays(
            delayCounts
                .select(
                    col(PROGRAM_ID),
                    col(DELAY),
                    sum(col("_with_delay"))
                        .over(Window.partitionBy(PROGRAM_ID).orderBy(col(DELAY).asc_nulls_first()))
                        .as("_last_rank"))
                .collectAsList());
    // how many treated a programme has: the draws' range
    Dataset<Row> sizes =
        people
            .sparkSession()
            .createDataFrame(
                delays.counts().entrySet().stream()
                    .map(entry -> RowFactory.create(entry.getKey(), entry.getValue()))
                    .toList(),
                DataTypes.createStructType(
                    List.of(
                        DataTypes.createStructField(PROGRAM_ID, DataTypes.StringType, false),
                        DataTypes.createStructField("_count", DataTypes.LongType, false))));
    UserDefinedFunction delayAt =
        udf((UDF2<String, Long, Integer>) delays::at, DataTypes.IntegerType);
    // Comparison people: everyone in scope not enrolled in the programme, found by the person's own
    // programmes (joined once a person), not by an anti-join of programme × person rows.
    Dataset<Row> enrolledIn =
        firstEnrolments
            .groupBy(col(PERSON_ID).as("_enrolled_person"))
            .agg(collect_set(col(PROGRAM_ID)).as("_enrolled_in"));
    Dataset<Row> comparison =
        persons
            .join(enrolledIn, col(PERSON_ID).equalTo(col("_enrolled_person")), "left")
            .crossJoin(broadcast(sizes))
            .filter(not(coalesce(array_contains(col("_enrolled_in"), col(PROGRAM_ID)), lit(false))))
            .withColumn(
                DRAW, pmod(xxhash64(col(PERSON_ID), col(PROGRAM_ID)), col("_count")).plus(1))
            .withColumn(DELAY, delayAt.apply(col(PROGRAM_ID), col(DRAW)))
            .withColumn(INDEX_DATE, date_add(col(REGISTERED_ON), col(DELAY)))
            .withColumn(TREATED, lit(false));
    Column age = floor(months_between(col(INDEX_DATE), col("_birth")).divide(12)).cast("int");
    Dataset<Row> both =
        treated
            .select(columns())
            .unionByName(comparison.select(columns()))
            .withColumn(AGE, age)
            .drop("_birth");
    Dataset<Row> bounds =
        minimumAge != null && maximumAge != null
            ? sizes.select(
                col(PROGRAM_ID), lit(minimumAge).as("_lowest"), lit(maximumAge).as("_highest"))
            : both.filter(col(TREATED))
                .groupBy(PROGRAM_ID)
                .agg(min(AGE).as("_lowest"), max(AGE).as("_highest"));
    // a row a programme: sent to every task, never a shuffle of the programme × person rows
    return both.join(broadcast(bounds), PROGRAM_ID)
        .filter(col(AGE).between(col("_lowest"), col("_highest")))
        .select(
            col(PROGRAM_ID),
            col(PERSON_ID),
            col(TREATED),
            col(INDEX_DATE),
            col(AGE),
            col(SEX),
            col(REGION),
            col(FAMILY_ID));
  }

  /**
   * One row per programme, outcome and person with that outcome observed in the programme's
   * follow-up window {@code [index + start, index + end]} (its own window where the programmes
   * table gives one, {@code runWindow} otherwise; see {@link #withFollowUp}): the {@link
   * #indexedPeople} columns, {@code outcome, value_type, outcome_value} (the first observation in
   * the window; 0/1 for a boolean outcome), and one column per factor code in {@code factorCodes}:
   * its latest value strictly before the index date, null where none. A boolean factor or one with
   * a threshold gives its exposure (1 or 0, as the catalogue defines it); a number factor without a
   * threshold gives the number. Family observations apply to every member. Missing answers and
   * unreadable values give nothing. Built from per-person lists, never a programme × person ×
   * observation table ({@link AnalysisFrame}).
   */
  public static Dataset<Row> analysisFrame(
      Dataset<Row> indexedPeople,
      Dataset<Row> observations,
      Dataset<Row> indicators,
      List<String> factorCodes,
      FollowUpWindow runWindow,
      Dataset<Row> programs) {
    Dataset<Row> factors = indicators.filter(col("kind").equalTo("factor"));
    Dataset<Row> factorValues =
        numericValues(observations.join(factors, col("indicator").equalTo(col("code"))))
            .filter(col("_number").isNotNull())
            .select(
                col("subject_id"),
                coalesce(col("subject_type"), lit("person")).equalTo("family").as("_family"),
                col("indicator").as(AnalysisFrame.NAME),
                unix_date(col("observed_on")).as(AnalysisFrame.DAY),
                col("_number").as(AnalysisFrame.NUMBER));
    return AnalysisFrame.build(
        withFollowUp(indexedPeople, programs, runWindow),
        factorValues,
        outcomeValues(observations, indicators),
        factorCodes);
  }

  /**
   * {@code indexedPeople} with {@code follow_up_start_days} and {@code follow_up_end_days} (null:
   * no end) added: the window of the row's programme. A programme that gives {@code
   * follow_up_start_days} in the programmes table uses its own window (no end when {@code
   * follow_up_end_days} is empty); every other programme, the run's. A programmes table curated
   * before those columns existed has them as nulls ({@code CuratedInputs}).
   */
  public static Dataset<Row> withFollowUp(
      Dataset<Row> indexedPeople, Dataset<Row> programs, FollowUpWindow runWindow) {
    Column own = col("_own_start").isNotNull();
    Dataset<Row> windows =
        programs.select(
            col(PROGRAM_ID).as("_window_program"),
            col(FOLLOW_UP_START).cast("int").as("_own_start"),
            col(FOLLOW_UP_END).cast("int").as("_own_end"));
    Column runEnd =
        runWindow.openEnded() ? lit(null).cast("int") : lit(runWindow.endDays().intValue());
    return indexedPeople
        .join(windows, col(PROGRAM_ID).equalTo(col("_window_program")), "left")
        .withColumn(
            FOLLOW_UP_START, when(own, col("_own_start")).otherwise(lit(runWindow.startDays())))
        .withColumn(FOLLOW_UP_END, when(own, col("_own_end")).otherwise(runEnd))
        .drop("_window_program", "_own_start", "_own_end");
  }

  /**
   * One row per readable observation of a boolean or number outcome indicator about a person:
   * {@code subject_id, name, value_type, day} (days since 1970-01-01){@code , number} (0/1 for a
   * boolean).
   */
  static Dataset<Row> outcomeValues(Dataset<Row> observations, Dataset<Row> indicators) {
    Dataset<Row> measures =
        indicators.filter(
            col("kind").equalTo("outcome").and(col(VALUE_TYPE).isin("boolean", "number")));
    return numericValues(
            observations
                .filter(coalesce(col("subject_type"), lit("person")).equalTo("person"))
                .join(measures, col("indicator").equalTo(col("code"))))
        .filter(col("_number").isNotNull())
        .select(
            col("subject_id"),
            col("indicator").as(AnalysisFrame.NAME),
            col(VALUE_TYPE),
            unix_date(col("observed_on")).as(AnalysisFrame.DAY),
            col("_number").as(AnalysisFrame.NUMBER));
  }

  /**
   * One row per programme: {@code program_id, name, kind, target_problem, cost_per_participant,
   * participants} (distinct consenting people ever enrolled).
   */
  public static Dataset<Row> programs(Dataset<Row> programs, Dataset<Row> enrollments) {
    Dataset<Row> participants =
        enrollments.groupBy(PROGRAM_ID).agg(countDistinct(PERSON_ID).as("participants"));
    return ResultOrder.sorted(
        programs
            .join(participants, new String[] {PROGRAM_ID}, "left")
            .select(
                col(PROGRAM_ID),
                col("name"),
                col("kind"),
                col("target_problem"),
                col("cost_per_participant"),
                coalesce(col("participants"), lit(0L)).as("participants")),
        PROGRAM_ID);
  }

  /**
   * Adds {@code _number}: an observation's value as a number, read as the catalogue says. Mirrors
   * {@code Indicator.exposure}: missing answers and unreadable values are null.
   */
  private static Dataset<Row> numericValues(Dataset<Row> joined) {
    Column text = lower(trim(col("value")));
    Column number = text.cast("double");
    Column exposed =
        when(coalesce(col("direction"), lit("below")).equalTo("above"), number.gt(col("threshold")))
            .otherwise(number.lt(col("threshold")));
    Column value =
        when(
                col(VALUE_TYPE).equalTo("boolean"),
                when(text.equalTo("true"), lit(1.0)).when(text.equalTo("false"), lit(0.0)))
            .when(
                col(VALUE_TYPE).equalTo("number").and(col("threshold").isNotNull()),
                when(number.isNotNull(), exposed.cast("double")))
            .when(col(VALUE_TYPE).equalTo("number"), number);
    return joined.withColumn("_number", value);
  }

  private static Column[] columns() {
    return new Column[] {
      col(PROGRAM_ID),
      col(PERSON_ID),
      col(TREATED),
      col(INDEX_DATE),
      col(SEX),
      col(REGION),
      col(FAMILY_ID),
      col("_birth")
    };
  }
}
