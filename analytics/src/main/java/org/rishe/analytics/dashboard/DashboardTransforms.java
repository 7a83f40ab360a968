package org.rishe.analytics.dashboard;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.rishe.analytics.publish.ResultOrder;
import org.rishe.common.results.ResultTables;

/**
 * The leadership dashboard's monthly cube. Every number is published per calendar, month and region
 * as a count or a sum, so the API adds rows up for any period and region without Spark. Medians
 * cannot be added up, so durations are published as counts per whole number of days (an exact
 * histogram) from which the API takes the median of any period.
 */
public final class DashboardTransforms {
  /** Region of a donation that names no family, directly or through its aid events. */
  public static final String UNASSIGNED_REGION = "unassigned";

  private static final List<String> CALENDARS =
      List.of(CalendarMonths.GREGORIAN, CalendarMonths.JALALI);

  private static final List<Object> COUNT_METRICS =
      List.of(
          ResultTables.PEOPLE_REACHED,
          ResultTables.FAMILIES_REACHED,
          ResultTables.CASES_OPENED,
          ResultTables.CASES_CLOSED,
          ResultTables.CASES_RESOLVED,
          ResultTables.PARTICIPANTS,
          ResultTables.PROGRAM_EXITS,
          ResultTables.COMPLETIONS);

  private static final String DATE = "_date";
  private static final String METRIC = "_metric";
  private static final String VALUE = "_value";

  private DashboardTransforms() {}

  /** One row per person: the region of their family. */
  public static Dataset<Row> personRegions(Dataset<Row> people, Dataset<Row> families) {
    return people
        .join(families.select(col("family_id"), col("region")), "family_id")
        .select(col("person_id"), col("region"));
  }

  /**
   * One row per calendar, month and region: people and families first reached (registered), cases
   * opened, closed and resolved (by the month of the event), programme participants (enrolled),
   * exits and completions, and the summed cost per participant of those enrolments. {@code people},
   * {@code cases} and {@code enrollments} must already be limited to the analytic scope.
   */
  public static Dataset<Row> monthlyCounts(
      Dataset<Row> families,
      Dataset<Row> people,
      Dataset<Row> cases,
      Dataset<Row> enrollments,
      Dataset<Row> programs) {
    Dataset<Row> regions = personRegions(people, families);
    Dataset<Row> regionalCases = cases.join(regions, "person_id");
    Dataset<Row> regionalEnrollments =
        enrollments
            .join(regions, "person_id")
            .join(
                programs.select(col("program_id"), col("cost_per_participant")),
                "program_id",
                "left");
    Dataset<Row> events =
        event(families, col("registered_on"), ResultTables.FAMILIES_REACHED, lit(1.0))
            .unionByName(
                event(
                    people.join(families.select(col("family_id"), col("region")), "family_id"),
                    col("registered_on"),
                    ResultTables.PEOPLE_REACHED,
                    lit(1.0)))
            .unionByName(
                event(regionalCases, col("opened_on"), ResultTables.CASES_OPENED, lit(1.0)))
            .unionByName(
                event(regionalCases, col("closed_on"), ResultTables.CASES_CLOSED, lit(1.0)))
            .unionByName(
                event(
                    regionalCases.filter(col("status").equalTo("resolved")),
                    col("closed_on"),
                    ResultTables.CASES_RESOLVED,
                    lit(1.0)))
            .unionByName(
                event(regionalEnrollments, col("enrolled_on"), ResultTables.PARTICIPANTS, lit(1.0)))
            .unionByName(
                event(
                    regionalEnrollments,
                    col("enrolled_on"),
                    ResultTables.PROGRAM_COST,
                    coalesce(col("cost_per_participant"), lit(0.0))))
            .unionByName(
                event(
                    regionalEnrollments.filter(
                        col("exit_reason").isin("completed", "dropped", "transferred")),
                    col("exited_on"),
                    ResultTables.PROGRAM_EXITS,
                    lit(1.0)))
            .unionByName(
                event(
                    regionalEnrollments.filter(col("exit_reason").equalTo("completed")),
                    col("exited_on"),
                    ResultTables.COMPLETIONS,
                    lit(1.0)));
    List<Object> metrics =
        Stream.concat(COUNT_METRICS.stream(), Stream.of(ResultTables.PROGRAM_COST)).toList();
    // summed per day first: the months of each calendar are then taken of a few thousand days ×
    // regions × metrics instead of every event (a Jalali month is computed row by row)
    Dataset<Row> daily =
        events
            .groupBy(col(DATE), col(ResultTables.REGION), col(METRIC))
            .agg(sum(col(VALUE)).as(VALUE));
    Dataset<Row> cube =
        inEveryCalendar(daily)
            .groupBy(col(ResultTables.CALENDAR), col(ResultTables.MONTH), col(ResultTables.REGION))
            .pivot(METRIC, metrics)
            .agg(sum(col(VALUE)));
    Column[] columns = new Column[metrics.size() + 3];
    columns[0] = col(ResultTables.CALENDAR);
    columns[1] = col(ResultTables.MONTH);
    columns[2] = col(ResultTables.REGION);
    for (int index = 0; index < COUNT_METRICS.size(); index++) {
      String metric = (String) COUNT_METRICS.get(index);
      columns[index + 3] = coalesce(col(metric), lit(0.0)).cast("long").as(metric);
    }
    columns[metrics.size() + 2] =
        coalesce(col(ResultTables.PROGRAM_COST), lit(0.0)).as(ResultTables.PROGRAM_COST);
    return ResultOrder.sorted(
        cube.select(columns),
        col(ResultTables.CALENDAR),
        col(ResultTables.MONTH),
        col(ResultTables.REGION));
  }

  /**
   * One row per calendar, month, region, measure and number of days: {@code days_to_resolution} of
   * resolved cases by the month they closed, and {@code days_to_delivery} of delivered donations by
   * the month they were received. {@code journeys} is {@link
   * org.rishe.analytics.donations.JourneyTransforms#journeys}'s output.
   */
  public static Dataset<Row> durations(
      Dataset<Row> cases,
      Dataset<Row> personRegions,
      Dataset<Row> journeys,
      Dataset<Row> donationRegions) {
    Dataset<Row> resolution =
        cases
            .filter(col("status").equalTo("resolved").and(col("closed_on").isNotNull()))
            .join(personRegions, "person_id")
            .select(
                col("closed_on").as(DATE),
                col("region").as(ResultTables.REGION),
                lit(ResultTables.DAYS_TO_RESOLUTION).as(ResultTables.MEASURE),
                datediff(col("closed_on"), col("opened_on")).as(ResultTables.DAYS));
    Dataset<Row> delivery =
        journeys
            .filter(col(ResultTables.DAYS_TO_DELIVERY).isNotNull())
            .join(donationRegions, ResultTables.DONATION_ID)
            .select(
                col(ResultTables.RECEIVED_ON).as(DATE),
                col(ResultTables.REGION),
                lit(ResultTables.DAYS_TO_DELIVERY).as(ResultTables.MEASURE),
                col(ResultTables.DAYS_TO_DELIVERY).as(ResultTables.DAYS));
    Dataset<Row> daily =
        resolution
            .unionByName(delivery)
            .groupBy(
                col(DATE),
                col(ResultTables.REGION),
                col(ResultTables.MEASURE),
                col(ResultTables.DAYS))
            .agg(count(lit(1)).as(ResultTables.COUNT));
    return ResultOrder.sorted(
        inEveryCalendar(daily)
            .groupBy(
                col(ResultTables.CALENDAR),
                col(ResultTables.MONTH),
                col(ResultTables.REGION),
                col(ResultTables.MEASURE),
                col(ResultTables.DAYS))
            .agg(sum(col(ResultTables.COUNT)).as(ResultTables.COUNT)),
        col(ResultTables.CALENDAR),
        col(ResultTables.MONTH),
        col(ResultTables.REGION),
        col(ResultTables.MEASURE),
        col(ResultTables.DAYS));
  }

  /**
   * One row per donation: the region it serves, from the family it is designated to or else the
   * family its aid events name as recipient; {@value #UNASSIGNED_REGION} when neither is known.
   */
  public static Dataset<Row> donationRegions(
      Dataset<Row> donations, Dataset<Row> aidEvents, Dataset<Row> families) {
    Dataset<Row> familyRegions =
        families.select(col("family_id").as("_family"), col("region").as("_family_region"));
    Dataset<Row> recipients =
        aidEvents
            .filter(col("recipient_id").isNotNull())
            .join(familyRegions, col("recipient_id").equalTo(col("_family")))
            .groupBy(col("donation_id").as("_recipient_donation"))
            .agg(first(col("_family_region"), true).as("_recipient_region"));
    Dataset<Row> designated =
        donations.join(
            familyRegions,
            col("designation").equalTo(concat(lit("family:"), col("_family"))),
            "left");
    return designated
        .join(recipients, col("donation_id").equalTo(col("_recipient_donation")), "left")
        .select(
            col("donation_id").as(ResultTables.DONATION_ID),
            coalesce(col("_family_region"), col("_recipient_region"), lit(UNASSIGNED_REGION))
                .as(ResultTables.REGION));
  }

  /**
   * One row per calendar, month received, region and currency: donations received, their summed
   * amount, and how many of them have been delivered so far (a cohort by month received, so the
   * share delivered of any period is delivered / donations).
   */
  public static Dataset<Row> monthlyDonations(
      Dataset<Row> donations, Dataset<Row> journeys, Dataset<Row> donationRegions) {
    Dataset<Row> rows =
        donations
            .select(col("donation_id"), col("amount"), col("currency"))
            .join(
                journeys.select(
                    col(ResultTables.DONATION_ID),
                    col(ResultTables.RECEIVED_ON).as(DATE),
                    col(ResultTables.DELIVERED_ON)),
                ResultTables.DONATION_ID)
            .join(donationRegions, ResultTables.DONATION_ID);
    return ResultOrder.sorted(
        inEveryCalendar(rows)
            .groupBy(
                col(ResultTables.CALENDAR),
                col(ResultTables.MONTH),
                col(ResultTables.REGION),
                col("currency").as(ResultTables.CURRENCY))
            .agg(
                count(lit(1)).as(ResultTables.DONATIONS),
                sum(col("amount")).as(ResultTables.AMOUNT),
                count(when(col(ResultTables.DELIVERED_ON).isNotNull(), lit(1)))
                    .as(ResultTables.DELIVERED)),
        col(ResultTables.CALENDAR),
        col(ResultTables.MONTH),
        col(ResultTables.REGION),
        col(ResultTables.CURRENCY));
  }

  private static Dataset<Row> event(Dataset<Row> rows, Column date, String metric, Column value) {
    return rows.filter(date.isNotNull())
        .select(
            date.as(DATE),
            col("region").as(ResultTables.REGION),
            lit(metric).as(METRIC),
            value.cast("double").as(VALUE));
  }

  /**
   * The rows twice, once keyed by Gregorian month and once by Jalali month of {@code _date}: each
   * row exploded into one per calendar, so that whatever plan made the rows runs once, not once per
   * calendar as a union of the two would.
   */
  private static Dataset<Row> inEveryCalendar(Dataset<Row> rows) {
    Column month = null;
    for (String calendar : CALENDARS) {
      Column inCalendar = CalendarMonths.monthOf(col(DATE), calendar);
      Column isCalendar = col(ResultTables.CALENDAR).equalTo(calendar);
      month = month == null ? when(isCalendar, inCalendar) : month.when(isCalendar, inCalendar);
    }
    return rows.withColumn(
            ResultTables.CALENDAR,
            explode(array(CALENDARS.stream().map(functions::lit).toArray(Column[]::new))))
        .withColumn(ResultTables.MONTH, month)
        .drop(DATE);
  }
}
