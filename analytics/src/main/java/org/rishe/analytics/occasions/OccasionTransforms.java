package org.rishe.analytics.occasions;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.rishe.analytics.publish.ResultOrder;
import org.rishe.analytics.stats.Estimate;
import org.rishe.analytics.stats.RateRatios;
import org.rishe.common.occasions.OccasionWindow;
import org.rishe.common.occasions.Occasions;
import org.rishe.common.results.ResultTables;

/**
 * Giving by occasion: donations (how many, how much, per currency) and volunteer sign-ups in each
 * occasion's window against its comparison days ({@link OccasionPeriod}). Spark joins the events
 * with the small table of the periods' days and sums them per period (and per donor for amounts,
 * then per period); only those sums, a few per period, reach the driver, which computes the ratios.
 */
public final class OccasionTransforms {
  public static final String DONATIONS = ResultTables.DONATIONS;
  public static final String AMOUNT = ResultTables.AMOUNT;
  public static final String VOLUNTEERS = ResultTables.VOLUNTEER_SIGN_UPS;

  /** The columns an event table passed to {@link #donorSums} has. */
  public static final String DAY = "day";

  private static final String PERIOD = "period";
  private static final String IN_WINDOW = "in_window";
  private static final Column IN = col(IN_WINDOW);
  private static final Column OUT = not(col(IN_WINDOW));

  public static final StructType SCHEMA =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField(ResultTables.OCCASION, DataTypes.StringType, false),
              DataTypes.createStructField(ResultTables.LABEL_EN, DataTypes.StringType, false),
              DataTypes.createStructField(ResultTables.LABEL_FA, DataTypes.StringType, false),
              DataTypes.createStructField(ResultTables.CALENDAR, DataTypes.StringType, false),
              DataTypes.createStructField(ResultTables.OCCASION_YEAR, DataTypes.IntegerType, false),
              DataTypes.createStructField(ResultTables.YEAR, DataTypes.IntegerType, false),
              DataTypes.createStructField(ResultTables.START_DATE, DataTypes.DateType, false),
              DataTypes.createStructField(ResultTables.END_DATE, DataTypes.DateType, false),
              DataTypes.createStructField(ResultTables.DAYS, DataTypes.IntegerType, false),
              DataTypes.createStructField(
                  ResultTables.COMPARISON_DAYS, DataTypes.IntegerType, false),
              DataTypes.createStructField(
                  ResultTables.OVERLAPS,
                  DataTypes.createArrayType(DataTypes.StringType, false),
                  false),
              DataTypes.createStructField(ResultTables.MEASURE, DataTypes.StringType, false),
              DataTypes.createStructField(ResultTables.CURRENCY, DataTypes.StringType, true),
              DataTypes.createStructField(ResultTables.OCCASION_TOTAL, DataTypes.DoubleType, false),
              DataTypes.createStructField(
                  ResultTables.COMPARISON_TOTAL, DataTypes.DoubleType, false),
              DataTypes.createStructField(
                  ResultTables.OCCASION_WEEKLY, DataTypes.DoubleType, false),
              DataTypes.createStructField(
                  ResultTables.COMPARISON_WEEKLY, DataTypes.DoubleType, true),
              DataTypes.createStructField(ResultTables.RATE_RATIO, DataTypes.DoubleType, true),
              DataTypes.createStructField(ResultTables.RATE_RATIO_LOW, DataTypes.DoubleType, true),
              DataTypes.createStructField(ResultTables.RATE_RATIO_HIGH, DataTypes.DoubleType, true),
              DataTypes.createStructField(ResultTables.OCCASION_EVENTS, DataTypes.LongType, false),
              DataTypes.createStructField(
                  ResultTables.COMPARISON_EVENTS, DataTypes.LongType, false),
              DataTypes.createStructField(ResultTables.DONORS, DataTypes.LongType, true),
              DataTypes.createStructField(
                  ResultTables.INTERVAL_METHOD, DataTypes.StringType, false)));

  private OccasionTransforms() {}

  /** The first and last day of a date column, or empty when it has no date. */
  public static Optional<LocalDate[]> span(Dataset<Row> table, String dateColumn) {
    Row row = table.agg(min(col(dateColumn)), max(col(dateColumn))).first();
    if (row.isNullAt(0)) {
      return Optional.empty();
    }
    return Optional.of(new LocalDate[] {localDate(row.get(0)), localDate(row.get(1))});
  }

  /**
   * The periods of every occasion window within {@code first} to {@code last}, each compared with
   * the days around it that are in no occasion's window (windows of a year either side included).
   */
  public static List<OccasionPeriod> periods(LocalDate first, LocalDate last) {
    List<OccasionWindow> windows = Occasions.windows(first.getYear() - 1, last.getYear() + 1);
    return OccasionPeriod.within(windows, first, last);
  }

  /**
   * Per period and currency, the donations ({@link #DONATIONS}, exact Poisson) and their amount
   * ({@link #AMOUNT}, clustered by donor): {@code donations} has {@code day} (a donation's {@code
   * received_on}), {@code currency}, {@code donor_id} and {@code amount} columns.
   */
  public static List<OccasionGiving> donations(
      Dataset<Row> donations, List<OccasionPeriod> periods) {
    return gifts(donations, periods, DONATIONS, AMOUNT);
  }

  /**
   * The same for any log of gifts by donors, measured as {@code countMeasure} and {@code
   * amountMeasure}: a pledge log passed as {@code day} (pledged on), {@code currency}, {@code
   * donor_id}, {@code amount} gives {@code pledges} and {@code pledged_amount}.
   */
  public static List<OccasionGiving> gifts(
      Dataset<Row> donations,
      List<OccasionPeriod> periods,
      String countMeasure,
      String amountMeasure) {
    requireNonNull(donations, "donations is null");
    List<OccasionGiving> giving = new ArrayList<>();
    if (periods.isEmpty()) {
      return giving;
    }
    Dataset<Row> perDonor =
        inPeriods(donations, periods)
            .groupBy(col(PERIOD), col("currency"), col("donor_id"))
            .agg(
                sum(when(IN, col("amount")).otherwise(0.0)).as("y1"),
                sum(when(OUT, col("amount")).otherwise(0.0)).as("y0"),
                sum(when(IN, 1L).otherwise(0L)).as("n1"),
                sum(when(OUT, 1L).otherwise(0L)).as("n0"));
    List<Row> sums =
        perDonor
            .groupBy(col(PERIOD), col("currency"))
            .agg(
                sum("y1"),
                sum("y0"),
                sum(col("y1").multiply(col("y1"))),
                sum(col("y0").multiply(col("y0"))),
                sum(col("y1").multiply(col("y0"))),
                sum("n1"),
                sum("n0"),
                count(lit(1)))
            .collectAsList();
    Map<String, Row> byKey = new HashMap<>();
    TreeSet<String> currencies = new TreeSet<>();
    for (Row row : sums) {
      byKey.put(row.getInt(0) + "\u0000" + row.getString(1), row);
      currencies.add(row.getString(1));
    }
    donations
        .select("currency")
        .distinct()
        .collectAsList()
        .forEach(r -> currencies.add(r.getString(0)));
    for (int index = 0; index < periods.size(); index++) {
      OccasionPeriod period = periods.get(index);
      for (String currency : currencies) {
        Row row = byKey.get(index + "\u0000" + currency);
        RateRatios.ClusterSums amounts =
            row == null
                ? new RateRatios.ClusterSums(0, 0, 0, 0, 0, 0)
                : new RateRatios.ClusterSums(
                    row.getDouble(2),
                    row.getDouble(3),
                    row.getDouble(4),
                    row.getDouble(5),
                    row.getDouble(6),
                    row.getLong(9));
        long n1 = row == null ? 0 : row.getLong(7);
        long n0 = row == null ? 0 : row.getLong(8);
        giving.add(
            new OccasionGiving(
                period,
                countMeasure,
                currency,
                n1,
                n0,
                n1,
                n0,
                amounts.clusters(),
                countRatio(period, n1, n0),
                OccasionGiving.EXACT_POISSON));
        giving.add(
            new OccasionGiving(
                period,
                amountMeasure,
                currency,
                amounts.in(),
                amounts.out(),
                n1,
                n0,
                amounts.clusters(),
                hasComparison(period)
                    ? RateRatios.clustered(
                        amounts, period.window().days() / 7.0, comparisonWeeks(period))
                    : undefined(),
                OccasionGiving.CLUSTERED_DELTA));
      }
    }
    return giving;
  }

  /**
   * Per period, the sign-ups among {@code volunteers} (a {@code day} column: {@code joined_on}).
   */
  public static List<OccasionGiving> signUps(
      Dataset<Row> volunteers, List<OccasionPeriod> periods) {
    requireNonNull(volunteers, "volunteers is null");
    List<OccasionGiving> giving = new ArrayList<>();
    if (periods.isEmpty()) {
      return giving;
    }
    Map<Integer, long[]> counts = new HashMap<>();
    for (Row row :
        inPeriods(volunteers, periods)
            .groupBy(col(PERIOD))
            .agg(sum(when(IN, 1L).otherwise(0L)), sum(when(OUT, 1L).otherwise(0L)))
            .collectAsList()) {
      counts.put(row.getInt(0), new long[] {row.getLong(1), row.getLong(2)});
    }
    for (int index = 0; index < periods.size(); index++) {
      OccasionPeriod period = periods.get(index);
      long[] count = counts.getOrDefault(index, new long[2]);
      giving.add(
          new OccasionGiving(
              period,
              VOLUNTEERS,
              null,
              count[0],
              count[1],
              count[0],
              count[1],
              null,
              countRatio(period, count[0], count[1]),
              OccasionGiving.EXACT_POISSON));
    }
    return giving;
  }

  /** The result table, one row per measure of each period, by start date. */
  public static Dataset<Row> toTable(SparkSession spark, List<OccasionGiving> giving) {
    List<Row> rows = new ArrayList<>();
    for (OccasionGiving g : giving) {
      OccasionWindow window = g.period().window();
      rows.add(
          RowFactory.create(
              window.occasion().code(),
              window.occasion().nameEn(),
              window.occasion().nameFa(),
              window.occasion().calendar().code(),
              window.occasionYear(),
              window.year(),
              Date.valueOf(window.start()),
              Date.valueOf(window.end()),
              window.days(),
              g.period().comparisonDays().size(),
              g.period().overlaps().toArray(String[]::new),
              g.measure(),
              g.currency(),
              g.occasionTotal(),
              g.comparisonTotal(),
              g.occasionWeekly(),
              orNull(g.comparisonWeekly()),
              orNull(g.ratio().estimate()),
              orNull(g.ratio().low()),
              orNull(g.ratio().high()),
              g.occasionEvents(),
              g.comparisonEvents(),
              g.donors(),
              g.method()));
    }
    return ResultOrder.sorted(
        spark.createDataFrame(rows, SCHEMA),
        col(ResultTables.START_DATE),
        col(ResultTables.OCCASION),
        col(ResultTables.MEASURE),
        col(ResultTables.CURRENCY));
  }

  /**
   * Each event once per period whose window or comparison holds its {@code day}, with the period's
   * index and whether the day is in the window; the periods' days are few, so they are broadcast.
   */
  private static Dataset<Row> inPeriods(Dataset<Row> events, List<OccasionPeriod> periods) {
    return events.join(broadcast(periodDays(events.sparkSession(), periods)), DAY);
  }

  /** The periods' days: {@code period} (its index), {@code day}, {@code in_window}. */
  static Dataset<Row> periodDays(SparkSession spark, List<OccasionPeriod> periods) {
    List<Row> rows = new ArrayList<>();
    for (int index = 0; index < periods.size(); index++) {
      OccasionPeriod period = periods.get(index);
      OccasionWindow window = period.window();
      for (LocalDate day = window.start(); !day.isAfter(window.end()); day = day.plusDays(1)) {
        rows.add(RowFactory.create(index, Date.valueOf(day), true));
      }
      for (LocalDate day : period.comparisonDays()) {
        rows.add(RowFactory.create(index, Date.valueOf(day), false));
      }
    }
    return spark.createDataFrame(
        rows,
        DataTypes.createStructType(
            List.of(
                DataTypes.createStructField(PERIOD, DataTypes.IntegerType, false),
                DataTypes.createStructField(DAY, DataTypes.DateType, false),
                DataTypes.createStructField(IN_WINDOW, DataTypes.BooleanType, false))));
  }

  private static Estimate countRatio(OccasionPeriod period, long inWindow, long compared) {
    return hasComparison(period)
        ? RateRatios.poisson(
            inWindow, period.window().days() / 7.0, compared, comparisonWeeks(period))
        : undefined();
  }

  private static boolean hasComparison(OccasionPeriod period) {
    return !period.comparisonDays().isEmpty();
  }

  private static double comparisonWeeks(OccasionPeriod period) {
    return period.comparisonDays().size() / 7.0;
  }

  private static Estimate undefined() {
    return new Estimate(Double.NaN, Double.NaN, Double.NaN);
  }

  private static Double orNull(double value) {
    return Double.isFinite(value) ? value : null;
  }

  private static LocalDate localDate(Object date) {
    return date instanceof LocalDate value ? value : ((Date) date).toLocalDate();
  }
}
