package org.rishe.analytics.donations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rishe.analytics.dashboard.TestRows;
import org.rishe.common.results.ResultTables;
import org.rishe.spark.TestSparkSessions;

class JourneyTransformsTest {
  private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
  private static SparkSession spark;
  private static Dataset<Row> donations;
  private static Dataset<Row> events;

  @BeforeAll
  static void tables() {
    spark = TestSparkSessions.shared();
    donations =
        TestRows.table(
            spark,
            "donation_id STRING, donor_id STRING, received_on DATE, designation STRING,"
                + " amount DOUBLE",
            new Object[] {"D1", "donorA", LocalDate.of(2025, 1, 1), "program:PRG01", 100.0},
            new Object[] {"D2", "donorA", LocalDate.of(2025, 2, 1), null, null},
            new Object[] {"D3", "donorB", LocalDate.of(2025, 9, 1), "general", 100.0},
            new Object[] {"D4", "donorB", LocalDate.of(2025, 3, 1), "general", 100.0},
            new Object[] {"D5", "donorC", LocalDate.of(2025, 1, 1), "general", 100.0},
            new Object[] {"D6", "donorC", LocalDate.of(2025, 4, 1), "general", 100.0},
            new Object[] {"D7", "donorC", LocalDate.of(2025, 4, 1), "general", 100.0},
            new Object[] {"D8", "donorC", LocalDate.of(2025, 4, 1), "general", 100.0},
            new Object[] {"D9", "donorC", LocalDate.of(2025, 4, 1), "general", 100.0});
    events =
        TestRows.table(
            spark,
            "donation_id STRING, stage STRING, at TIMESTAMP, amount DOUBLE",
            // D1: in order, delivered 10 days after it was received.
            event("D1", "received", "2025-01-01T00:00:00Z"),
            event("D1", "allocated", "2025-01-03T12:00:00Z"),
            event("D1", "delivered", "2025-01-11T00:00:00Z"),
            // D2: allocated a day before it was received.
            event("D2", "allocated", "2025-01-31T00:00:00Z"),
            event("D2", "received", "2025-02-01T00:00:00Z"),
            event("D2", "delivered", "2025-02-05T00:00:00Z"),
            // D3: last step 2025-10-02, 90 days before AS_OF, not delivered.
            event("D3", "received", "2025-09-01T00:00:00Z"),
            event("D3", "allocated", "2025-10-02T00:00:00Z"),
            // D4: dispatched in March, never delivered.
            event("D4", "received", "2025-03-01T00:00:00Z"),
            event("D4", "dispatched", "2025-03-10T00:00:00Z"),
            // D6-D9 (100 each): delivered in parts of 40 and 60; 40 only; 150 at once; 30, then
            // the rest without an amount
            event("D6", "delivered", "2025-04-10T00:00:00Z", 40.0),
            event("D6", "delivered", "2025-04-20T00:00:00Z", 60.0),
            event("D7", "delivered", "2025-04-10T00:00:00Z", 40.0),
            event("D8", "delivered", "2025-04-10T00:00:00Z", 150.0),
            event("D9", "delivered", "2025-04-10T00:00:00Z", 30.0),
            event("D9", "delivered", "2025-04-15T00:00:00Z"));
  }

  private static Object[] event(String donation, String stage, String at) {
    return event(donation, stage, at, null);
  }

  private static Object[] event(String donation, String stage, String at, Double amount) {
    return new Object[] {donation, stage, Instant.parse(at), amount};
  }

  private static Map<String, Row> journeys(int stalledDays) {
    return JourneyTransforms.journeys(donations, events, new JourneyOptions(stalledDays, AS_OF))
        .collectAsList()
        .stream()
        .collect(Collectors.toMap(row -> row.getAs(ResultTables.DONATION_ID), row -> row));
  }

  private static List<String> flags(Row row) {
    return row.getList(row.fieldIndex(ResultTables.FLAGS));
  }

  @Test
  void anOrderlyDeliveredJourneyListsItsStagesGapsAndNoFlags() {
    Row d1 = journeys(60).get("D1");

    List<Row> stages = d1.getList(d1.fieldIndex(ResultTables.STAGES));
    assertThat(stages)
        .extracting(stage -> stage.getString(0))
        .containsExactly("received", "allocated", "delivered");
    assertThat(d1.<String>getAs(ResultTables.CURRENT_STAGE)).isEqualTo("delivered");
    List<Row> gaps = d1.getList(d1.fieldIndex(ResultTables.STAGE_GAPS));
    assertThat(gaps)
        .extracting(gap -> gap.getString(0) + ">" + gap.getString(1) + "=" + gap.getDouble(2))
        .containsExactly("received>allocated=2.5", "allocated>delivered=7.5");
    assertThat(d1.<Integer>getAs(ResultTables.DAYS_TO_DELIVERY)).isEqualTo(10);
    assertThat(d1.<String>getAs(ResultTables.DESIGNATION)).isEqualTo("program:PRG01");
    assertThat(flags(d1)).isEmpty();
  }

  @Test
  void aStageBeforeTheStageItFollowsIsOutOfOrder() {
    Row d2 = journeys(60).get("D2");

    assertThat(flags(d2)).containsExactly(JourneyTransforms.OUT_OF_ORDER);
    assertThat(d2.<String>getAs(ResultTables.CURRENT_STAGE)).isEqualTo("delivered");
    assertThat(d2.<String>getAs(ResultTables.DESIGNATION)).isEqualTo("general");
  }

  @Test
  void stalledDependsOnTheConfiguredNumberOfDays() {
    assertThat(flags(journeys(60).get("D3"))).containsExactly(JourneyTransforms.STALLED);
    assertThat(flags(journeys(90).get("D3"))).isEmpty();
    assertThat(journeys(60).get("D3").<String>getAs(ResultTables.CURRENT_STAGE))
        .isEqualTo("allocated");
  }

  @Test
  void dispatchedButNotDeliveredIsNeverDeliveredAndStalled() {
    Row d4 = journeys(60).get("D4");

    assertThat(flags(d4))
        .containsExactly(JourneyTransforms.STALLED, JourneyTransforms.NEVER_DELIVERED);
    assertThat(d4.isNullAt(d4.fieldIndex(ResultTables.DAYS_TO_DELIVERY))).isTrue();
  }

  @Test
  void partialDeliveriesDeliverTheDonationOnceTheyAddUpToItsAmount() {
    Map<String, Row> journeys = journeys(60);
    // 40 on 04-10 and 60 on 04-20: delivered on the 20th, 19 days after receipt
    Row d6 = journeys.get("D6");
    assertThat(d6.<LocalDate>getAs(ResultTables.DELIVERED_ON)).isEqualTo(LocalDate.of(2025, 4, 20));
    assertThat(d6.<Integer>getAs(ResultTables.DAYS_TO_DELIVERY)).isEqualTo(19);
    assertThat(flags(d6)).isEmpty();
    // 40 of 100: reached the delivered stage, not delivered; idle since 04-10, so stalled too
    Row d7 = journeys.get("D7");
    assertThat(d7.<String>getAs(ResultTables.CURRENT_STAGE)).isEqualTo("delivered");
    assertThat(d7.isNullAt(d7.fieldIndex(ResultTables.DELIVERED_ON))).isTrue();
    assertThat(flags(d7))
        .containsExactly(JourneyTransforms.STALLED, JourneyTransforms.PARTLY_DELIVERED);
    // 150 of 100: delivered, and flagged
    Row d8 = journeys.get("D8");
    assertThat(d8.<LocalDate>getAs(ResultTables.DELIVERED_ON)).isEqualTo(LocalDate.of(2025, 4, 10));
    assertThat(flags(d8)).containsExactly(JourneyTransforms.OVER_DELIVERED);
    // 30, then a delivery without an amount (the rest): delivered on the 15th
    Row d9 = journeys.get("D9");
    assertThat(d9.<LocalDate>getAs(ResultTables.DELIVERED_ON)).isEqualTo(LocalDate.of(2025, 4, 15));
    assertThat(flags(d9)).isEmpty();
  }

  @Test
  void aDonationWithoutAidEventsHasNoStagesAndStallsFromTheDayReceived() {
    Row d5 = journeys(60).get("D5");

    assertThat(d5.getList(d5.fieldIndex(ResultTables.STAGES))).isEmpty();
    assertThat(d5.isNullAt(d5.fieldIndex(ResultTables.CURRENT_STAGE))).isTrue();
    assertThat(flags(d5)).containsExactly(JourneyTransforms.STALLED);
  }

  @Test
  void latestActivityIsTheLastDayOfAnyDonationOrEvent() {
    assertThat(JourneyTransforms.latestActivity(donations, events))
        .isEqualTo(LocalDate.of(2025, 10, 2));
  }

  @Test
  void aThresholdBelowOneDayIsRejectedWithTheReason() {
    assertThatThrownBy(() -> new JourneyOptions(0, AS_OF))
        .hasMessage("the stalled threshold must be at least 1 day, got 0");
  }
}
