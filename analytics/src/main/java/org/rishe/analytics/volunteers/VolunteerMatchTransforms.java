package org.rishe.analytics.volunteers;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.format_number;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.rishe.analytics.publish.ResultOrder;
import org.rishe.common.results.ResultTables;

/**
 * Volunteer matching: each volunteer against each programme, scored on three things a coordinator
 * would weigh, each with the reason written out: the volunteer asked for this kind of programme
 * (weight {@value #INTEREST_WEIGHT}), the programme has active participants in the volunteer's
 * region (weight {@value #PRESENCE_WEIGHT}), and how stretched it is there: active participants per
 * volunteer interested in its kind in that region, relative to the most stretched programme of the
 * region (weight {@value #NEED_WEIGHT}). Interest weighs most because a volunteer placed against
 * their wishes tends not to stay; need breaks ties between programmes they would all take.
 */
public final class VolunteerMatchTransforms {
  public static final double INTEREST_WEIGHT = 0.5;
  public static final double PRESENCE_WEIGHT = 0.2;
  public static final double NEED_WEIGHT = 0.3;

  private VolunteerMatchTransforms() {}

  /**
   * One row per volunteer and programme they are interested in or that is active in their region:
   * {@code rank} (1 = best), {@code score} (0-1) and {@code reasons}. {@code enrollments} must
   * already be limited to the analytic scope; {@code personRegions} maps person to region.
   */
  public static Dataset<Row> matches(
      Dataset<Row> volunteers,
      Dataset<Row> programs,
      Dataset<Row> enrollments,
      Dataset<Row> personRegions) {
    Dataset<Row> interests =
        volunteers.select(
            col("volunteer_id"),
            col("region").as("_volunteer_region"),
            expr("filter(transform(split(coalesce(interests, ''), ';'), k -> lower(trim(k))),"
                    + " k -> k != '')")
                .as("_interests"));
    Dataset<Row> active =
        enrollments
            .filter(col("exited_on").isNull().or(col("exit_reason").equalTo("ongoing")))
            .join(personRegions, "person_id")
            .groupBy(col("program_id").as("_active_program"), col("region").as("_active_region"))
            .agg(count(lit(1)).as("_participants"));
    Dataset<Row> interestedVolunteers =
        interests
            .select(
                col("_volunteer_region").as("_supply_region"),
                explode(col("_interests")).as("_supply_kind"))
            .groupBy(col("_supply_region"), col("_supply_kind"))
            .agg(count(lit(1)).as("_volunteers"));
    Dataset<Row> pairs =
        interests
            .crossJoin(programs.select(col("program_id"), col("name"), col("kind")))
            .join(
                active,
                col("program_id")
                    .equalTo(col("_active_program"))
                    .and(col("_volunteer_region").equalTo(col("_active_region"))),
                "left")
            .join(
                interestedVolunteers,
                col("_volunteer_region")
                    .equalTo(col("_supply_region"))
                    .and(col("kind").equalTo(col("_supply_kind"))),
                "left")
            .withColumn("_participants", coalesce(col("_participants"), lit(0L)))
            .withColumn(
                "_interested", coalesce(array_contains(col("_interests"), col("kind")), lit(false)))
            .withColumn(
                "_need",
                col("_participants")
                    .divide(greatest(coalesce(col("_volunteers"), lit(0L)), lit(1L))))
            .filter(col("_interested").or(col("_participants").gt(0)));
    Column regionNeed = max(col("_need")).over(Window.partitionBy(col("_volunteer_region")));
    Column needShare = when(regionNeed.gt(0), col("_need").divide(regionNeed)).otherwise(lit(0.0));
    Dataset<Row> scored =
        pairs
            .withColumn("_need_share", needShare)
            .withColumn(
                ResultTables.SCORE,
                round(
                    when(col("_interested"), lit(INTEREST_WEIGHT))
                        .otherwise(lit(0.0))
                        .plus(when(col("_participants").gt(0), lit(PRESENCE_WEIGHT)).otherwise(0.0))
                        .plus(col("_need_share").multiply(NEED_WEIGHT)),
                    3));
    return ResultOrder.sorted(
        scored
            .withColumn(
                ResultTables.RANK,
                row_number()
                    .over(
                        Window.partitionBy(col("volunteer_id"))
                            .orderBy(col(ResultTables.SCORE).desc(), col("program_id"))))
            .select(
                col("volunteer_id").as(ResultTables.VOLUNTEER_ID),
                col("program_id").as(ResultTables.PROGRAM_ID),
                col(ResultTables.RANK),
                col(ResultTables.SCORE),
                reasons().as(ResultTables.REASONS)),
        col(ResultTables.VOLUNTEER_ID),
        col(ResultTables.RANK));
  }

  private static Column reasons() {
    Column interest = when(col("_interested"), concat(lit("interested in "), col("kind")));
    Column presence =
        when(
            col("_participants").gt(0),
            concat(
                col("_participants").cast("string"),
                lit(" active participants in "),
                col("_volunteer_region")));
    Column need =
        when(
            col("_participants").gt(0),
            concat(
                format_number(col("_need"), 1),
                lit(" participants per volunteer interested in "),
                col("kind"),
                lit(" in "),
                col("_volunteer_region"),
                when(col("_need_share").equalTo(1.0), lit(", the most stretched in the region"))
                    .otherwise(lit(""))));
    return filter(array(interest, presence, need), reason -> reason.isNotNull());
  }
}
