package org.rishe.analytics.occasions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rishe.analytics.dashboard.TestRows;
import org.rishe.common.results.ResultTables;
import org.rishe.spark.TestSparkSessions;

/**
 * Yalda 1403 (14-20 December 2024, one week) on hand-made donations and volunteers. The donations
 * run from 19 October 2024 to 14 February 2025, exactly the 56 days either side of the window, so
 * Yalda is the only window inside the span and its comparison is 112 days, 16 weeks (no other
 * occasion falls in it). Expected intervals: SciPy's exact binomial interval mapped to rates, and
 * the clustered one by hand from each donor's influence value.
 */
class OccasionTransformsTest {
  private static SparkSession spark;
  private static Dataset<Row> donations;
  private static Dataset<Row> volunteers;

  @BeforeAll
  static void tables() {
    spark = TestSparkSessions.shared();
    donations =
        TestRows.table(
            spark,
            "day DATE, currency STRING, donor_id STRING, amount DOUBLE",
            new Object[] {LocalDate.of(2024, 12, 15), "IRR", "A", 100.0},
            new Object[] {LocalDate.of(2024, 11, 1), "IRR", "A", 50.0},
            new Object[] {LocalDate.of(2025, 1, 10), "IRR", "A", 50.0},
            new Object[] {LocalDate.of(2024, 12, 20), "IRR", "B", 300.0},
            new Object[] {LocalDate.of(2024, 10, 19), "IRR", "C", 200.0},
            new Object[] {LocalDate.of(2025, 2, 14), "IRR", "C", 100.0},
            new Object[] {LocalDate.of(2024, 12, 25), "IRR", "E", 400.0},
            new Object[] {LocalDate.of(2024, 12, 16), "USD", "D", 10.0},
            new Object[] {LocalDate.of(2024, 12, 1), "USD", "D", 20.0});
    volunteers =
        TestRows.table(
            spark,
            "day DATE",
            new Object[] {LocalDate.of(2024, 12, 14)},
            new Object[] {LocalDate.of(2024, 12, 18)},
            new Object[] {LocalDate.of(2024, 11, 20)},
            new Object[] {LocalDate.of(2025, 1, 5)},
            new Object[] {LocalDate.of(2025, 2, 14)});
  }

  private static List<OccasionGiving> donationRows() {
    LocalDate[] span = OccasionTransforms.span(donations, OccasionTransforms.DAY).orElseThrow();
    return OccasionTransforms.donations(donations, OccasionTransforms.periods(span[0], span[1]));
  }

  private static OccasionGiving row(List<OccasionGiving> rows, String measure, String currency) {
    return rows.stream()
        .filter(g -> g.measure().equals(measure) && currency.equals(g.currency()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void donationCountsAreComparedAsPoissonRates() {
    List<OccasionGiving> rows = donationRows();
    // one window (Yalda), two currencies, two measures each
    assertThat(rows).hasSize(4);
    OccasionGiving irr = row(rows, ResultTables.DONATIONS, "IRR");

    assertThat(irr.period().window().occasion().code()).isEqualTo("yalda");
    assertThat(irr.period().window().start()).isEqualTo(LocalDate.of(2024, 12, 14));
    assertThat(irr.period().comparisonDays()).hasSize(112);
    // 2 donations in 1 week against 5 in 16 weeks: RR = 2 / (5 / 16) = 6.4;
    // exact interval of 2 in 7 mapped by p / (1 - p) · 16
    assertThat(irr.occasionEvents()).isEqualTo(2);
    assertThat(irr.comparisonEvents()).isEqualTo(5);
    assertThat(irr.occasionWeekly()).isEqualTo(2.0);
    assertThat(irr.comparisonWeekly()).isEqualTo(5 / 16.0);
    assertThat(irr.ratio().estimate()).isCloseTo(6.4, within(1e-12));
    assertThat(irr.ratio().low()).isCloseTo(0.609443, within(1e-5));
    assertThat(irr.ratio().high()).isCloseTo(39.09246, within(1e-3));
    assertThat(irr.donors()).isEqualTo(4);
    // USD: one donation in the window, one outside: RR 16, exact interval of 1 in 2
    OccasionGiving usd = row(rows, ResultTables.DONATIONS, "USD");
    assertThat(usd.ratio().estimate()).isCloseTo(16, within(1e-12));
    assertThat(usd.ratio().low()).isCloseTo(0.203830, within(1e-5));
    assertThat(usd.ratio().high()).isCloseTo(1255.949, within(0.01));
  }

  @Test
  void amountsAreComparedWithDonorsAsClusters() {
    List<OccasionGiving> rows = donationRows();
    OccasionGiving irr = row(rows, ResultTables.AMOUNT, "IRR");
    // in the week: A 100, B 300 (400); in the 16 weeks: A 100, C 300, E 400 (800): RR = 400 / 50
    // z = y1 / 400 - y0 / 800: A 0.125, B 0.75, C -0.375, E -0.5; Σ z² = 0.96875;
    // Var(log RR) = 4 / 3 · 0.96875 = 1.291667; t(0.975, 3) = 3.182446
    assertThat(irr.occasionTotal()).isEqualTo(400.0);
    assertThat(irr.comparisonTotal()).isEqualTo(800.0);
    assertThat(irr.ratio().estimate()).isCloseTo(8.0, within(1e-12));
    double half = 3.182446305 * Math.sqrt(4.0 / 3 * 0.96875);
    assertThat(irr.ratio().low()).isCloseTo(8 * Math.exp(-half), within(1e-6));
    assertThat(irr.ratio().low()).isCloseTo(0.214927, within(1e-5));
    assertThat(irr.ratio().high()).isCloseTo(297.7755, within(1e-3));
    assertThat(irr.method()).isEqualTo(OccasionGiving.CLUSTERED_DELTA);
    // one USD donor is one cluster: a ratio, no interval
    OccasionGiving usd = row(rows, ResultTables.AMOUNT, "USD");
    assertThat(usd.ratio().estimate()).isCloseTo(8.0, within(1e-12));
    assertThat(usd.ratio().low()).isNaN();
  }

  @Test
  void volunteerSignUpsAreComparedWithinTheirOwnSpan() {
    LocalDate[] span = OccasionTransforms.span(volunteers, OccasionTransforms.DAY).orElseThrow();
    List<OccasionGiving> rows =
        OccasionTransforms.signUps(volunteers, OccasionTransforms.periods(span[0], span[1]));

    assertThat(rows).hasSize(1);
    OccasionGiving yalda = rows.get(0);
    // sign-ups start 20 November: 24 days before the window, 56 after, 80 days in all
    assertThat(yalda.period().comparisonDays()).hasSize(80);
    assertThat(yalda.occasionEvents()).isEqualTo(2);
    assertThat(yalda.comparisonEvents()).isEqualTo(3);
    assertThat(yalda.currency()).isNull();
    assertThat(yalda.donors()).isNull();
    // RR = 2 / (3 / (80 / 7)) = 7.619048; exact interval of 2 in 5 mapped by p / (1 - p) · 80 / 7
    assertThat(yalda.ratio().estimate()).isCloseTo(7.619048, within(1e-6));
    assertThat(yalda.ratio().low()).isCloseTo(0.636364, within(1e-5));
    assertThat(yalda.ratio().high()).isCloseTo(66.51150, within(1e-3));
  }

  @Test
  void theTableHasOneRowPerMeasureWithNullsWhereUndefined() {
    List<OccasionGiving> rows = donationRows();
    List<Row> table = OccasionTransforms.toTable(spark, rows).collectAsList();

    assertThat(table).hasSize(4);
    Row usdAmount =
        table.stream()
            .filter(
                r ->
                    r.getAs(ResultTables.MEASURE).equals(ResultTables.AMOUNT)
                        && r.getAs(ResultTables.CURRENCY).equals("USD"))
            .findFirst()
            .orElseThrow();
    assertThat(usdAmount.<String>getAs(ResultTables.LABEL_FA)).isEqualTo("شب یلدا");
    assertThat(usdAmount.<Integer>getAs(ResultTables.OCCASION_YEAR)).isEqualTo(1403);
    assertThat(usdAmount.<Integer>getAs(ResultTables.YEAR)).isEqualTo(2024);
    assertThat(usdAmount.<Integer>getAs(ResultTables.COMPARISON_DAYS)).isEqualTo(112);
    assertThat(usdAmount.<Double>getAs(ResultTables.RATE_RATIO)).isEqualTo(8.0);
    assertThat(usdAmount.isNullAt(usdAmount.fieldIndex(ResultTables.RATE_RATIO_LOW))).isTrue();
    assertThat(usdAmount.<Long>getAs(ResultTables.DONORS)).isEqualTo(1L);
  }
}
