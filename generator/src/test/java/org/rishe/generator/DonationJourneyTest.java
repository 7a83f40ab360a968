package org.rishe.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DonationJourneyTest {
  @TempDir Path temp;

  @Test
  void journeysFollowTheStageOrderWithAFewPlantedOutOfOrderAndStalled() {
    Path batch = temp.resolve("donations");
    SyntheticBatchGenerator.generate(SyntheticBatchGeneratorTest.config(batch, 4000, 3));
    Table events = Table.read(batch.resolve("aid_events.csv"));
    Map<String, List<List<String>>> journeys = new LinkedHashMap<>();
    for (List<String> row : events.rows()) {
      journeys.computeIfAbsent(row.get(0), id -> new ArrayList<>()).add(row);
    }
    List<String> stageOrder = Arrays.asList(DonationSimulator.STAGES);
    int outOfOrder = 0;
    int confirmed = 0;
    for (List<List<String>> journey : journeys.values()) {
      List<String> stages = journey.stream().map(row -> events.value(row, "stage")).toList();
      // Stages are written in journey order, never skipping one.
      assertThat(stages).isEqualTo(stageOrder.subList(0, stages.size()));
      for (int i = 1; i < journey.size(); i++) {
        OffsetDateTime previous = OffsetDateTime.parse(events.value(journey.get(i - 1), "at"));
        if (OffsetDateTime.parse(events.value(journey.get(i), "at")).isBefore(previous)) {
          outOfOrder++;
          break;
        }
      }
      confirmed += stages.contains("confirmed") ? 1 : 0;
    }
    double donations = journeys.size();
    assertThat(donations).isGreaterThan(1000);
    assertThat(outOfOrder / donations).isBetween(0.005, 0.04);
    // Stalled, never delivered and still travelling at the period's end: well under a fifth.
    assertThat(confirmed / donations).isBetween(0.80, 0.95);
  }
}
