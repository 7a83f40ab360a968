package org.rishe.analytics.donations;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.rishe.analytics.publish.ResultOrder;
import org.rishe.common.contract.Entity;
import org.rishe.common.results.ResultTables;

/**
 * Donor trust: each donation's journey from its aid events. Stages are listed in the order they
 * happened (ties in journey order); a stage dated before a stage it should follow makes the journey
 * {@code out_of_order}; a journey not delivered whose last step is older than the threshold is
 * {@code stalled}, and one that was dispatched but not delivered in that time is also {@code
 * never_delivered}. Delivery counts from the {@code delivered} stage, or {@code confirmed} when the
 * delivery itself was not recorded, once the whole donation is delivered: a step without an amount
 * delivers it whole, steps with amounts (partial steps) once their running sum reaches the
 * donation's amount. A journey with partial deliveries short of it is {@code partly_delivered} (and
 * not delivered), one whose partial deliveries add up to more than the donation {@code
 * over_delivered}.
 */
public final class JourneyTransforms {
  public static final String OUT_OF_ORDER = ResultTables.FLAG_OUT_OF_ORDER;
  public static final String STALLED = ResultTables.FLAG_STALLED;
  public static final String NEVER_DELIVERED = ResultTables.FLAG_NEVER_DELIVERED;
  public static final String PARTLY_DELIVERED = ResultTables.FLAG_PARTLY_DELIVERED;
  public static final String OVER_DELIVERED = ResultTables.FLAG_OVER_DELIVERED;

  private JourneyTransforms() {}

  /**
   * One row per donation: donor (pseudonym), designation, day received, {@code stages} (stage, at)
   * in time order, {@code current_stage} (the furthest stage reached), {@code stage_gaps} (from,
   * to, days between consecutive steps), {@code delivered_on}, {@code days_to_delivery} and {@code
   * flags}.
   */
  public static Dataset<Row> journeys(
      Dataset<Row> donations, Dataset<Row> aidEvents, JourneyOptions options) {
    requireNonNull(options, "options is null");
    String order =
        Entity.AID_STAGES.stream().map(s -> "'" + s + "'").collect(Collectors.joining(","));
    // each delivered (or confirmed) step's running sum of amounts, within its stage, in time order
    Column delivering = col("stage").isin("delivered", "confirmed");
    Dataset<Row> steps =
        aidEvents
            .join(
                donations.select(col("donation_id").as("_of"), col("amount").as("_donated")),
                col("donation_id").equalTo(col("_of")),
                "left")
            .select(
                col("donation_id"),
                col("stage"),
                col("at"),
                when(delivering, col("amount")).as("_part"),
                col("_donated"))
            .withColumn("_order", expr("array_position(array(" + order + "), stage)"))
            .withColumn(
                "_running",
                sum(col("_part"))
                    .over(
                        Window.partitionBy(col("donation_id"), col("stage"))
                            .orderBy(col("at"))
                            .rowsBetween(Window.unboundedPreceding(), Window.currentRow())));
    // a step delivers the donation whole when it has no amount, when the donation has none, or
    // when the partial amounts so far reach the donation's (to a relative 1e-9, for sums of
    // decimal parts)
    Column completes =
        delivering.and(
            col("_part")
                .isNull()
                .or(col("_donated").isNull())
                .or(col("_running").geq(col("_donated").multiply(1 - 1e-9))));
    Dataset<Row> perDonation =
        steps
            .groupBy(col("donation_id").as("_donation"))
            .agg(
                expr("array_sort(collect_list(struct(at, _order, stage)))").as("_steps"),
                max(col("_order")).as("_furthest"),
                max(col("at")).as("_last_at"),
                min(when(completes, col("at"))).as("_delivered_at"),
                max(when(col("_part").isNotNull(), lit(true))).as("_partial_steps"),
                max(when(col("_running").gt(col("_donated").multiply(1 + 1e-9)), lit(true)))
                    .as("_over"),
                min(when(col("stage").equalTo("dispatched"), col("at"))).as("_dispatched_at"));
    Dataset<Row> joined =
        donations.join(perDonation, col("donation_id").equalTo(col("_donation")), "left");
    LocalDate asOf = options.asOf();
    int days = options.stalledDays();
    return ResultOrder.sorted(
        joined
            .withColumn("_steps", coalesce(col("_steps"), expr("array()").cast(stepsType(joined))))
            .withColumn("_delivered_on", to_date(col("_delivered_at")))
            .withColumn(
                "_out_of_order",
                expr(
                    "size(_steps) > 1 AND exists(sequence(1, size(_steps) - 1),"
                        + " i -> _steps[i]._order < _steps[i - 1]._order)"))
            .withColumn(
                "_idle_days",
                datediff(lit(asOf), greatest(to_date(col("_last_at")), col("received_on"))))
            .withColumn("_stalled", col("_delivered_on").isNull().and(col("_idle_days").gt(days)))
            .withColumn(
                "_never_delivered",
                col("_delivered_on")
                    .isNull()
                    .and(col("_dispatched_at").isNotNull())
                    .and(datediff(lit(asOf), to_date(col("_dispatched_at"))).gt(days)))
            .select(
                col("donation_id").as(ResultTables.DONATION_ID),
                col("donor_id").as(ResultTables.DONOR_ID),
                coalesce(col("designation"), lit("general")).as(ResultTables.DESIGNATION),
                col("received_on").as(ResultTables.RECEIVED_ON),
                expr("transform(_steps, s -> named_struct('stage', s.stage, 'at', s.at))")
                    .as(ResultTables.STAGES),
                expr("element_at(array(" + order + "), CAST(_furthest AS INT))")
                    .as(ResultTables.CURRENT_STAGE),
                expr("transform(slice(_steps, 2, greatest(size(_steps) - 1, 0)), (s, i) ->"
                        + " named_struct('from_stage', _steps[i].stage, 'to_stage', s.stage,"
                        + " 'days', CAST(round((unix_seconds(s.at) - unix_seconds(_steps[i].at))"
                        + " / 86400.0, 2) AS DOUBLE)))")
                    .as(ResultTables.STAGE_GAPS),
                col("_delivered_on").as(ResultTables.DELIVERED_ON),
                datediff(col("_delivered_on"), col("received_on"))
                    .as(ResultTables.DAYS_TO_DELIVERY),
                expr("filter(array(IF(_out_of_order, '"
                        + OUT_OF_ORDER
                        + "', NULL), IF(_stalled, '"
                        + STALLED
                        + "', NULL), IF(_never_delivered, '"
                        + NEVER_DELIVERED
                        + "', NULL), IF(_partial_steps AND _delivered_on IS NULL, '"
                        + PARTLY_DELIVERED
                        + "', NULL), IF(_over, '"
                        + OVER_DELIVERED
                        + "', NULL)), f -> f IS NOT NULL)")
                    .as(ResultTables.FLAGS)),
        col(ResultTables.DONATION_ID));
  }

  /** The latest day with any donation or aid event: the default day journeys are judged on. */
  public static LocalDate latestActivity(Dataset<Row> donations, Dataset<Row> aidEvents) {
    // Days since 1970 rather than the dates themselves: Delta answers a bare max(date) from its
    // file statistics and then fails to convert the value when the Java 8 date API is on.
    Row donationRow = donations.agg(max(expr("unix_date(received_on)"))).first();
    Row eventRow = aidEvents.agg(max(expr("unix_date(to_date(at))"))).first();
    long latest = 0;
    for (Row row : new Row[] {donationRow, eventRow}) {
      if (!row.isNullAt(0)) {
        latest = Math.max(latest, ((Number) row.get(0)).longValue());
      }
    }
    return LocalDate.ofEpochDay(latest);
  }

  private static String stepsType(Dataset<Row> joined) {
    return joined.schema().apply("_steps").dataType().sql();
  }
}
