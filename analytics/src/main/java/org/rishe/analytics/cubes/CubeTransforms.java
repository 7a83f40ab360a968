package org.rishe.analytics.cubes;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.months_between;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rishe.analytics.publish.ResultOrder;
import org.rishe.common.results.AgeBands;
import org.rishe.common.results.ResultTables;

/**
 * The researchers' aggregate cubes: counts at their finest grain, so that every coarser count the
 * API serves is exactly a sum of published cells (the API protects small cells over all those
 * sums). A missing region, sex or birth date becomes the value {@code unknown}: no row is dropped.
 * Combinations with no rows are not written; they are 0.
 *
 * <p>Age bands ({@link AgeBands}), by whole years of age on the event's date (birth date, else 1
 * July of the birth year): {@code 0-5}, {@code 6-11}, {@code 12-14}, {@code 15-17}, {@code 18+};
 * {@code unknown} without a birth date or year, or when the event precedes the birth. Months are
 * Gregorian {@code YYYY-MM}.
 */
public final class CubeTransforms {
  /** The birth date column of {@link #personAttributes}. */
  public static final String BIRTH = "_birth";

  private CubeTransforms() {}

  /**
   * One row per person: region (of the family, else unknown), sex (else unknown), birth date (else
   * 1 July of the birth year, else null) and registration date; the person id as {@code _person}.
   */
  public static Dataset<Row> personAttributes(Dataset<Row> people, Dataset<Row> families) {
    Dataset<Row> regions =
        families.select(col("family_id").as("_family"), col("region").as("_region"));
    return people
        .join(regions, people.col("family_id").equalTo(regions.col("_family")), "left")
        .select(
            col("person_id").as("_person"),
            unknownIfNull(col("_region")).as(ResultTables.REGION),
            unknownIfNull(col("sex")).as(ResultTables.SEX),
            coalesce(col("birth_date"), make_date(col("birth_year").cast("int"), lit(7), lit(1)))
                .as(BIRTH),
            col("registered_on"));
  }

  /** The age band on {@code date} of someone born on {@code birth} (either may be null). */
  public static Column ageBand(Column birth, Column date) {
    Column age = floor(months_between(date, birth).divide(12));
    Column band = when(age.isNull().or(age.lt(0)), lit(ResultTables.UNKNOWN));
    for (AgeBands.Band each : AgeBands.BANDS) {
      band =
          each.to() == null
              ? band.otherwise(lit(each.label()))
              : band.when(age.leq(each.to()), lit(each.label()));
    }
    return band;
  }

  /**
   * One row per region, problem, sex, age band (at opening) and month opened with any cases: the
   * number of cases. {@code cases} and {@code people} must already be limited to the analytic scope
   * (consent honoured).
   */
  public static Dataset<Row> casesCube(
      Dataset<Row> cases, Dataset<Row> people, Dataset<Row> families) {
    return eventCube(
        cases, people, families, "problem", ResultTables.PROBLEM, "opened_on", ResultTables.CASES);
  }

  /**
   * One row per region, sex and age band (at registration) with any people in scope: the number of
   * people. {@code people} must already be limited to the analytic scope.
   */
  public static Dataset<Row> peopleCube(Dataset<Row> people, Dataset<Row> families) {
    return ResultOrder.sorted(
        personAttributes(people, families)
            .groupBy(
                col(ResultTables.REGION),
                col(ResultTables.SEX),
                ageBand(col(BIRTH), col("registered_on")).as(ResultTables.AGE_BAND))
            .agg(count(lit(1)).as(ResultTables.PEOPLE)),
        ResultTables.REGION,
        ResultTables.SEX,
        ResultTables.AGE_BAND);
  }

  /**
   * One row per region, programme, sex, age band (at first enrolment) and month of first enrolment
   * with any participants: the number of people, each counted once per programme (at their first
   * enrolment in it), so that a programme's cell is its participants as {@code programs} counts
   * them (a child enrolled twice is one participant). Inputs must already be limited to the
   * analytic scope.
   */
  public static Dataset<Row> participantsCube(
      Dataset<Row> enrollments, Dataset<Row> people, Dataset<Row> families) {
    Dataset<Row> firstEnrolments =
        enrollments
            .groupBy(col("person_id"), col("program_id"))
            .agg(min(col("enrolled_on")).as("enrolled_on"));
    return eventCube(
        firstEnrolments,
        people,
        families,
        "program_id",
        ResultTables.PROGRAM,
        "enrolled_on",
        ResultTables.PARTICIPANTS);
  }

  /**
   * One row per region, {@code category}, sex, age band (on the event's day) and month of the event
   * with any events: their number, as {@code measure}. The event's own {@code categoryColumn} is
   * published as {@code category}; {@code dateColumn} is its day.
   */
  private static Dataset<Row> eventCube(
      Dataset<Row> events,
      Dataset<Row> people,
      Dataset<Row> families,
      String categoryColumn,
      String category,
      String dateColumn,
      String measure) {
    Dataset<Row> attributes = personAttributes(people, families);
    return ResultOrder.sorted(
        events
            .join(attributes, events.col("person_id").equalTo(attributes.col("_person")), "left")
            .groupBy(
                unknownIfNull(col(ResultTables.REGION)).as(ResultTables.REGION),
                unknownIfNull(col(categoryColumn)).as(category),
                unknownIfNull(col(ResultTables.SEX)).as(ResultTables.SEX),
                ageBand(col(BIRTH), col(dateColumn)).as(ResultTables.AGE_BAND),
                month(col(dateColumn)).as(ResultTables.MONTH))
            .agg(count(lit(1)).as(measure)),
        ResultTables.REGION,
        category,
        ResultTables.SEX,
        ResultTables.AGE_BAND,
        ResultTables.MONTH);
  }

  private static Column month(Column date) {
    return unknownIfNull(date_format(date, "yyyy-MM"));
  }

  private static Column unknownIfNull(Column value) {
    return coalesce(value, lit(ResultTables.UNKNOWN));
  }
}
