package org.rishe.analytics.occasions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rishe.analytics.dashboard.GeneratedWarehouse;
import org.rishe.common.contract.Entity;
import org.rishe.common.results.ResultTables;

/**
 * Giving by occasion on the generated batch read from the curated Delta tables. The generator draws
 * donation days uniformly over its period, with no occasion in mind, so every true rate ratio is 1:
 * the intervals should cover it about 95 % of the time. The window totals are counted again here
 * from the donations themselves.
 */
class GeneratedOccasionsTest {
  private static List<OccasionGiving> giving;
  private static List<Row> donations;

  @BeforeAll
  static void compute() {
    giving = OccasionsStep.giving(GeneratedWarehouse.inputs());
    donations =
        GeneratedWarehouse.inputs()
            .table(Entity.DONATIONS)
            .select("received_on", "currency", "amount")
            .collectAsList();
  }

  private static LocalDate day(Row row) {
    Object value = row.get(0);
    return value instanceof LocalDate local ? local : ((java.sql.Date) value).toLocalDate();
  }

  private static double sum(String currency, LocalDate from, LocalDate to, boolean amounts) {
    return donations.stream()
        .filter(row -> row.getString(1).equals(currency))
        .filter(row -> !day(row).isBefore(from) && !day(row).isAfter(to))
        .mapToDouble(row -> amounts ? row.getDouble(2) : 1)
        .sum();
  }

  @Test
  void windowTotalsEqualTheDonationsOfTheirDays() {
    List<OccasionGiving> donationRows =
        giving.stream().filter(g -> !g.measure().equals(OccasionTransforms.VOLUNTEERS)).toList();
    assertThat(donationRows).hasSizeGreaterThan(40);
    for (OccasionGiving g : donationRows) {
      boolean amounts = g.measure().equals(ResultTables.AMOUNT);
      assertThat(g.occasionTotal())
          .as(g.period().window() + " " + g.measure() + " " + g.currency())
          .isCloseTo(
              sum(g.currency(), g.period().window().start(), g.period().window().end(), amounts),
              within(1e-6));
    }
    // Yalda has no other occasion within eight weeks of it in these years: its comparison is the
    // 56 days either side
    OccasionGiving yalda =
        donationRows.stream()
            .filter(g -> g.period().window().occasion().code().equals("yalda"))
            .filter(g -> g.measure().equals(ResultTables.DONATIONS) && g.currency().equals("IRR"))
            .findFirst()
            .orElseThrow();
    LocalDate start = yalda.period().window().start();
    LocalDate end = yalda.period().window().end();
    assertThat(yalda.period().comparisonDays()).hasSize(112);
    assertThat(yalda.comparisonTotal())
        .isEqualTo(
            sum("IRR", start.minusDays(56), start.minusDays(1), false)
                + sum("IRR", end.plusDays(1), end.plusDays(56), false));
  }

  @Test
  void intervalsCoverTheTrueRatioOfOneAboutAsOftenAsTheyShould() {
    for (String measure : List.of(ResultTables.DONATIONS, ResultTables.AMOUNT)) {
      List<OccasionGiving> withInterval =
          giving.stream()
              .filter(g -> g.measure().equals(measure))
              .filter(g -> !Double.isNaN(g.ratio().low()) && !Double.isNaN(g.ratio().high()))
              .toList();
      long covering = withInterval.stream().filter(g -> g.ratio().covers(1.0)).count();
      System.out.printf("%s: %d of %d intervals cover 1%n", measure, covering, withInterval.size());
      assertThat(withInterval).hasSizeGreaterThan(30);
      assertThat((double) covering / withInterval.size()).isGreaterThan(0.85);
    }
  }
}
