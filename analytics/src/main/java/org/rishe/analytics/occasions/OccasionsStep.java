package org.rishe.analytics.occasions;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_timestamp;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.rishe.analytics.AnalysisContext;
import org.rishe.analytics.AnalysisStep;
import org.rishe.analytics.scope.CuratedInputs;
import org.rishe.common.contract.Entity;
import org.rishe.common.results.ResultTables;
import org.rishe.common.warehouse.WarehouseLayout;

/**
 * The analyze step behind {@code GET /occasions}: donations and volunteer sign-ups in each
 * occasion's window against the eight weeks either side of it. Only reads, sequences and writes;
 * the work is in {@link OccasionTransforms}.
 */
public final class OccasionsStep implements AnalysisStep {
  static final String METHOD =
      "per occasion window (Jalali via ICU PersianCalendar, Hijri via ICU Umm al-Qura): weekly"
          + " donations, amount per currency and volunteer sign-ups in the window against the 56"
          + " days before and after it outside every occasion window and within the data's span;"
          + " rate ratio with an exact conditional Poisson interval for counts and a delta-method"
          + " interval clustered by donor (t on donors - 1) for amounts";

  @Override
  public String name() {
    return "giving by occasion";
  }

  @Override
  public Set<Entity> reads() {
    return Set.of(Entity.DONATIONS, Entity.VOLUNTEERS);
  }

  @Override
  public List<String> publishes() {
    return List.of(ResultTables.OCCASION_GIVING);
  }

  @Override
  public void run(AnalysisContext context) {
    requireNonNull(context, "context is null");
    context
        .publisher()
        .write(
            ResultTables.OCCASION_GIVING,
            OccasionTransforms.toTable(
                context.spark(),
                giving(context.inputs(), pledges(context.spark(), context.publisher().layout()))));
    context.recordMethod(ResultTables.OCCASION_GIVING, METHOD);
  }

  /**
   * Every measure of every window: donations by {@code received_on} within the donations' span,
   * volunteers by {@code joined_on} (those without one left out) within theirs.
   */
  static List<OccasionGiving> giving(CuratedInputs inputs) {
    return giving(inputs, null);
  }

  /**
   * The donors' pledges with an amount, from the API's pledge log ({@code logs/pledges.jsonl},
   * local warehouses only), as {@code day} (the UTC day pledged), currency, donor_id and amount;
   * null when there is no log (nothing pledged yet, or a warehouse on a cluster file system).
   */
  static Dataset<Row> pledges(SparkSession spark, WarehouseLayout layout) {
    if (!layout.isLocal() || !Files.isRegularFile(layout.pledgeLog())) {
      return null;
    }
    StructType schema =
        new StructType()
            .add("pledgedAt", DataTypes.StringType)
            .add("donorId", DataTypes.StringType)
            .add("amount", DataTypes.DoubleType)
            .add("currency", DataTypes.StringType);
    return spark
        .read()
        .schema(schema)
        .option("mode", "DROPMALFORMED")
        .json(layout.pledgeLog().toString())
        .where(col("amount").isNotNull().and(col("currency").isNotNull()))
        .select(
            to_date(to_timestamp(col("pledgedAt"))).as(OccasionTransforms.DAY),
            col("currency"),
            col("donorId").as("donor_id"),
            col("amount"));
  }

  /** As {@link #giving(CuratedInputs)}, with the pledges (null: none) measured like donations. */
  static List<OccasionGiving> giving(CuratedInputs inputs, Dataset<Row> pledges) {
    Dataset<Row> donations =
        inputs
            .table(Entity.DONATIONS)
            .select(
                col("received_on").as(OccasionTransforms.DAY),
                col("currency"),
                col("donor_id"),
                col("amount"));
    Dataset<Row> volunteers =
        inputs
            .table(Entity.VOLUNTEERS)
            .where(col("joined_on").isNotNull())
            .select(col("joined_on").as(OccasionTransforms.DAY));
    List<OccasionGiving> giving = new ArrayList<>();
    OccasionTransforms.span(donations, OccasionTransforms.DAY)
        .ifPresent(span -> giving.addAll(OccasionTransforms.donations(donations, periods(span))));
    OccasionTransforms.span(volunteers, OccasionTransforms.DAY)
        .ifPresent(span -> giving.addAll(OccasionTransforms.signUps(volunteers, periods(span))));
    if (pledges != null) {
      OccasionTransforms.span(pledges, OccasionTransforms.DAY)
          .ifPresent(
              span ->
                  giving.addAll(
                      OccasionTransforms.gifts(
                          pledges,
                          periods(span),
                          ResultTables.PLEDGES,
                          ResultTables.PLEDGED_AMOUNT)));
    }
    return giving;
  }

  private static List<OccasionPeriod> periods(LocalDate[] span) {
    return OccasionTransforms.periods(span[0], span[1]);
  }
}
