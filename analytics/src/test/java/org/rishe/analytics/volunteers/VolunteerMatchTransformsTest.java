package org.rishe.analytics.volunteers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.rishe.analytics.dashboard.TestRows;
import org.rishe.common.results.ResultTables;
import org.rishe.spark.TestSparkSessions;

class VolunteerMatchTransformsTest {
  private final SparkSession spark = TestSparkSessions.shared();

  @Test
  void interestOutranksNeedAndEveryScoreComesWithItsReasons() {
    Dataset<Row> volunteers =
        TestRows.table(
            spark,
            "volunteer_id STRING, region STRING, interests STRING",
            new Object[] {"V1", "R01", "health; legal_aid"},
            new Object[] {"V2", "R01", "health"});
    Dataset<Row> programs =
        TestRows.table(
            spark,
            "program_id STRING, name STRING, kind STRING",
            new Object[] {"PRG03", "Clinic", "health"},
            new Object[] {"PRG05", "Legal Aid Desk", "legal_aid"},
            new Object[] {"PRG06", "Food Basket", "food_aid"},
            new Object[] {"PRG08", "Safe Shelter", "housing"});
    // Active in R01: PRG03 4 participants, PRG05 1, PRG06 6; one PRG03 enrolment has ended.
    Dataset<Row> enrollments =
        TestRows.table(
            spark,
            "person_id STRING, program_id STRING, exited_on DATE, exit_reason STRING",
            new Object[] {"P1", "PRG03", null, null},
            new Object[] {"P2", "PRG03", null, null},
            new Object[] {"P3", "PRG03", null, "ongoing"},
            new Object[] {"P4", "PRG03", null, null},
            new Object[] {"P5", "PRG03", LocalDate.of(2025, 1, 1), "completed"},
            new Object[] {"P6", "PRG05", null, null},
            new Object[] {"P7", "PRG06", null, null},
            new Object[] {"P8", "PRG06", null, null},
            new Object[] {"P9", "PRG06", null, null},
            new Object[] {"P10", "PRG06", null, null},
            new Object[] {"P11", "PRG06", null, null},
            new Object[] {"P12", "PRG06", null, null});
    Dataset<Row> regions = enrollments.selectExpr("person_id", "'R01' AS region").distinct();

    List<Row> v1 =
        VolunteerMatchTransforms.matches(volunteers, programs, enrollments, regions)
            .filter("volunteer_id = 'V1'")
            .collectAsList();

    // Need per interested volunteer: PRG03 4/2 = 2, PRG05 1/1 = 1, PRG06 6/1 (nobody) = 6.
    // PRG03: 0.5 + 0.2 + 0.3 * 2/6 = 0.8; PRG05: 0.5 + 0.2 + 0.3 * 1/6 = 0.75;
    // PRG06: 0.2 + 0.3 = 0.5; PRG08 has neither interest nor participants and is left out.
    assertThat(v1)
        .extracting(row -> row.getAs(ResultTables.PROGRAM_ID) + "#" + row.getAs(ResultTables.RANK))
        .containsExactly("PRG03#1", "PRG05#2", "PRG06#3");
    assertThat(v1)
        .extracting(row -> row.<Double>getAs(ResultTables.SCORE))
        .containsExactly(0.8, 0.75, 0.5);
    assertThat(v1.get(0).getList(v1.get(0).fieldIndex(ResultTables.REASONS)))
        .containsExactly(
            "interested in health",
            "4 active participants in R01",
            "2.0 participants per volunteer interested in health in R01");
    assertThat(v1.get(2).getList(v1.get(2).fieldIndex(ResultTables.REASONS)))
        .containsExactly(
            "6 active participants in R01",
            "6.0 participants per volunteer interested in food_aid in R01, the most stretched"
                + " in the region");
  }
}
