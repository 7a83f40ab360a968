package org.rishe.analytics.occasions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.spark.TestSparkSessions;

/** The pledge log as the occasions step reads it: pledges with an amount, by UTC day. */
class OccasionPledgesTest {
  @Test
  void readsPledgesWithAnAmountByTheirUtcDayAndNothingWithoutALog(@TempDir Path root)
      throws Exception {
    WarehouseLayout layout = new WarehouseLayout(root.toString());
    assertThat(OccasionsStep.pledges(TestSparkSessions.shared(), layout)).isNull();
    Files.createDirectories(layout.pledgeLog().getParent());
    Files.writeString(
        layout.pledgeLog(),
        String.join(
            "\n",
            "{\"pledgeId\":\"p1\",\"donorId\":\"d1\",\"amount\":400000.0,\"currency\":\"IRR\","
                + "\"pledgedAt\":\"2025-03-20T23:30:00Z\"}",
            "{\"pledgeId\":\"p2\",\"donorId\":\"d2\",\"amount\":null,\"currency\":null,"
                + "\"pledgedAt\":\"2025-03-21T10:00:00Z\"}",
            "{\"pledgeId\":\"p3\",\"donorId\":\"d1\",\"amount\":50.0,\"currency\":\"USD\","
                + "\"pledgedAt\":\"2025-03-22T00:10:00Z\"}",
            ""));

    List<Row> rows =
        OccasionsStep.pledges(TestSparkSessions.shared(), layout)
            .orderBy(OccasionTransforms.DAY)
            .collectAsList();

    // the whole-need pledge p2 (no amount) is not an amount given; days are UTC days
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).<Object>getAs(OccasionTransforms.DAY))
        .isEqualTo(LocalDate.parse("2025-03-20"));
    assertThat(rows.get(0).<String>getAs("donor_id")).isEqualTo("d1");
    assertThat(rows.get(1).<Double>getAs("amount")).isEqualTo(50.0);
    assertThat(rows.get(1).<String>getAs("currency")).isEqualTo("USD");
  }
}
