package org.rishe.ingest.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityStagerTest {
  @Test
  void theProgressLineGivesTheShareReadThePaceAndTheTimeLeftAtThatPace() {
    // 250,000 rows and 50 of 200 MB in 10 s: 25,000 rows/s, 5 MB/s, so 150 MB take 30 s more
    assertThat(
            EntityStager.progressLine(
                "observations.csv", 250_000, 50_000_000, 200_000_000, 10_000_000_000L))
        .isEqualTo(
            "  observations.csv: 250,000 rows, 25% of 200 MB, 25,000 rows/s, about 30 s left");
    // 1,000 MB at 2 MB/s with 100 MB read: 450 s left
    assertThat(
            EntityStager.progressLine(
                "cases.csv", 500_000, 100_000_000, 1_000_000_000, 50_000_000_000L))
        .isEqualTo(
            "  cases.csv: 500,000 rows, 10% of 1,000 MB, 10,000 rows/s, about 7 min 30 s left");
  }
}
