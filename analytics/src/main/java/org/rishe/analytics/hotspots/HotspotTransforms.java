package org.rishe.analytics.hotspots;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.rishe.analytics.publish.ResultOrder;
import org.rishe.analytics.surveillance.AberrationPoint;
import org.rishe.analytics.surveillance.EarsC2Detector;
import org.rishe.analytics.surveillance.EarsOptions;
import org.rishe.common.results.ResultTables;

/**
 * Emerging problems: every region × problem series of monthly new cases judged against its own
 * history by EARS C2 ({@link EarsC2Detector}). The monthly counts are aggregated by Spark and then
 * collected: there are at most regions × problems × months of them (thousands), never case rows.
 */
public final class HotspotTransforms {
  public static final StructType SCHEMA =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField(ResultTables.REGION, DataTypes.StringType, false),
              DataTypes.createStructField(ResultTables.PROBLEM, DataTypes.StringType, false),
              DataTypes.createStructField(ResultTables.PERIOD, DataTypes.StringType, false),
              DataTypes.createStructField(ResultTables.OBSERVED, DataTypes.LongType, false),
              DataTypes.createStructField(ResultTables.EXPECTED, DataTypes.DoubleType, false),
              DataTypes.createStructField(ResultTables.SCORE, DataTypes.DoubleType, false),
              DataTypes.createStructField(ResultTables.FLAGGED, DataTypes.BooleanType, false)));

  private HotspotTransforms() {}

  /**
   * One row per region, problem and month with at least one case opened. {@code cases} must already
   * be limited to the analytic scope; {@code personRegions} maps person to region.
   */
  public static Dataset<Row> monthlyCases(Dataset<Row> cases, Dataset<Row> personRegions) {
    return cases
        .join(personRegions, "person_id")
        .groupBy(
            col("region").as(ResultTables.REGION),
            col("problem").as(ResultTables.PROBLEM),
            date_format(col("opened_on"), "yyyy-MM").as(ResultTables.PERIOD))
        .agg(count(lit(1)).as(ResultTables.OBSERVED));
  }

  /** The monthly counts on the driver; small by construction (see the class comment). */
  public static List<MonthlyCount> collect(Dataset<Row> monthlyCases) {
    List<MonthlyCount> counts = new ArrayList<>();
    for (Row row : monthlyCases.collectAsList()) {
      counts.add(
          new MonthlyCount(
              row.getString(0),
              row.getString(1),
              YearMonth.parse(row.getString(2)),
              row.getLong(3)));
    }
    return counts;
  }

  /**
   * Every assessed month of every series. Each series runs over the same months, from the first
   * month with a case anywhere to the last, with zeros where no case opened, so a series that fell
   * silent and then rises is judged on its silence.
   */
  public static List<Hotspot> detect(List<MonthlyCount> counts, EarsOptions options) {
    requireNonNull(counts, "counts is null");
    requireNonNull(options, "options is null");
    if (counts.isEmpty()) {
      return List.of();
    }
    YearMonth first = counts.stream().map(MonthlyCount::month).min(YearMonth::compareTo).get();
    YearMonth last = counts.stream().map(MonthlyCount::month).max(YearMonth::compareTo).get();
    int months = (int) first.until(last, ChronoUnit.MONTHS) + 1;
    Map<String, long[]> series = new TreeMap<>();
    for (MonthlyCount count : counts) {
      long[] values =
          series.computeIfAbsent(
              count.region() + "\u0000" + count.problem(), key -> new long[months]);
      values[(int) first.until(count.month(), ChronoUnit.MONTHS)] += count.cases();
    }
    EarsC2Detector detector = new EarsC2Detector(options);
    List<Hotspot> hotspots = new ArrayList<>();
    for (Map.Entry<String, long[]> entry : series.entrySet()) {
      String[] key = entry.getKey().split("\u0000", 2);
      for (AberrationPoint point : detector.detect(first, entry.getValue())) {
        hotspots.add(new Hotspot(key[0], key[1], point));
      }
    }
    return hotspots;
  }

  /** The hotspots table: one row per region, problem and assessed month. */
  public static Dataset<Row> toTable(SparkSession spark, List<Hotspot> hotspots) {
    List<Row> rows = new ArrayList<>();
    for (Hotspot hotspot : hotspots) {
      AberrationPoint point = hotspot.point();
      rows.add(
          RowFactory.create(
              hotspot.region(),
              hotspot.problem(),
              point.month().toString(),
              point.observed(),
              point.expected(),
              point.score(),
              point.flagged()));
    }
    return ResultOrder.sorted(
        spark.createDataFrame(rows, SCHEMA),
        col(ResultTables.REGION),
        col(ResultTables.PROBLEM),
        col(ResultTables.PERIOD));
  }
}
