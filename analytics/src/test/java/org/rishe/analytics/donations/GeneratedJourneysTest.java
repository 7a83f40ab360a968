package org.rishe.analytics.donations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rishe.analytics.dashboard.GeneratedWarehouse;
import org.rishe.analytics.scope.CuratedInputs;
import org.rishe.common.contract.Entity;
import org.rishe.common.results.ResultTables;

/**
 * Journeys of a generated batch read from the curated Delta tables. The generator plants about 2 %
 * out-of-order journeys, 3 % dispatched and never delivered, and 5 % of the donations received at
 * least 180 days before the end stalled (data-samples/README.md); with about 1,240 donations the
 * standard error of a 3 % share is 0.5 points, so each share must fall within about 2.5 of them.
 */
class GeneratedJourneysTest {
  private static List<Row> journeys;
  private static LocalDate asOf;

  @BeforeAll
  static void computeJourneys() {
    CuratedInputs inputs = GeneratedWarehouse.inputs();
    asOf =
        JourneyTransforms.latestActivity(
            inputs.table(Entity.DONATIONS), inputs.table(Entity.AID_EVENTS));
    journeys =
        JourneyTransforms.journeys(
                inputs.table(Entity.DONATIONS),
                inputs.table(Entity.AID_EVENTS),
                new JourneyOptions(JourneyOptions.DEFAULT_STALLED_DAYS, asOf))
            .collectAsList();
  }

  private static double share(String flag) {
    long flagged =
        journeys.stream()
            .filter(row -> row.getList(row.fieldIndex(ResultTables.FLAGS)).contains(flag))
            .count();
    return (double) flagged / journeys.size();
  }

  @Test
  void latestActivityIsReadFromTheDeltaTablesAsTheLastDayOfThePeriod() {
    assertThat(asOf).isBetween(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31));
  }

  @Test
  void plantedJourneyProblemsAreFlaggedAtAboutTheirPlantedRates() {
    double outOfOrder = share(JourneyTransforms.OUT_OF_ORDER);
    double neverDelivered = share(JourneyTransforms.NEVER_DELIVERED);
    double stalled = share(JourneyTransforms.STALLED);

    System.out.printf(
        "%d journeys: out_of_order %.2f%%, never_delivered %.2f%%, stalled %.2f%%%n",
        journeys.size(), 100 * outOfOrder, 100 * neverDelivered, 100 * stalled);
    assertThat(journeys.size()).isGreaterThan(1000);
    assertThat(outOfOrder).isBetween(0.01, 0.03);
    assertThat(neverDelivered).isBetween(0.018, 0.042);
    // Stalled includes every never-delivered journey as well as those stuck earlier.
    assertThat(stalled - neverDelivered).isBetween(0.025, 0.065);
  }
}
