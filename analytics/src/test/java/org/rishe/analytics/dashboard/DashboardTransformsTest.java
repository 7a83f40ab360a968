package org.rishe.analytics.dashboard;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rishe.common.results.ResultTables;
import org.rishe.spark.TestSparkSessions;

class DashboardTransformsTest {
  private static SparkSession spark;
  private static Dataset<Row> families;
  private static Dataset<Row> people;
  private static Dataset<Row> cases;
  private static Dataset<Row> enrollments;
  private static Dataset<Row> programs;

  @BeforeAll
  static void tables() {
    spark = TestSparkSessions.shared();
    families =
        TestRows.table(
            spark,
            "family_id STRING, region STRING, registered_on DATE",
            new Object[] {"F1", "R01", LocalDate.of(2024, 1, 5)},
            new Object[] {"F2", "R02", LocalDate.of(2024, 3, 25)});
    people =
        TestRows.table(
            spark,
            "person_id STRING, family_id STRING, registered_on DATE",
            new Object[] {"P1", "F1", LocalDate.of(2024, 1, 5)},
            new Object[] {"P2", "F1", LocalDate.of(2024, 1, 20)},
            new Object[] {"P3", "F2", LocalDate.of(2024, 3, 25)});
    cases =
        TestRows.table(
            spark,
            "case_id STRING, person_id STRING, opened_on DATE, closed_on DATE, status STRING",
            new Object[] {
              "C1", "P1", LocalDate.of(2024, 1, 10), LocalDate.of(2024, 2, 9), "resolved"
            },
            new Object[] {
              "C2", "P2", LocalDate.of(2024, 1, 15), LocalDate.of(2024, 2, 20), "referred"
            },
            new Object[] {
              "C3", "P2", LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 10), "resolved"
            },
            new Object[] {"C4", "P3", LocalDate.of(2024, 3, 26), null, "open"});
    enrollments =
        TestRows.table(
            spark,
            "enrollment_id STRING, person_id STRING, program_id STRING, enrolled_on DATE,"
                + " exited_on DATE, exit_reason STRING",
            new Object[] {
              "E1", "P1", "PRG01", LocalDate.of(2024, 1, 12), LocalDate.of(2024, 2, 1), "completed"
            },
            new Object[] {
              "E2", "P2", "PRG02", LocalDate.of(2024, 1, 13), LocalDate.of(2024, 2, 2), "dropped"
            },
            new Object[] {"E3", "P3", "PRG01", LocalDate.of(2024, 3, 27), null, null});
    programs =
        TestRows.table(
            spark,
            "program_id STRING, cost_per_participant DOUBLE",
            new Object[] {"PRG01", 45.0},
            new Object[] {"PRG02", 120.0});
  }

  @Test
  void monthlyCountsEqualHandCountsPerGregorianMonthAndRegion() {
    List<Row> rows =
        DashboardTransforms.monthlyCounts(families, people, cases, enrollments, programs)
            .filter(col(ResultTables.CALENDAR).equalTo("gregorian"))
            .collectAsList();

    Row january = only(rows, "2024-01", "R01");
    assertThat(january.<Long>getAs(ResultTables.FAMILIES_REACHED)).isEqualTo(1L);
    assertThat(january.<Long>getAs(ResultTables.PEOPLE_REACHED)).isEqualTo(2L);
    assertThat(january.<Long>getAs(ResultTables.CASES_OPENED)).isEqualTo(3L);
    assertThat(january.<Long>getAs(ResultTables.CASES_CLOSED)).isEqualTo(0L);
    assertThat(january.<Long>getAs(ResultTables.PARTICIPANTS)).isEqualTo(2L);
    assertThat(january.<Double>getAs(ResultTables.PROGRAM_COST)).isEqualTo(165.0);
    Row february = only(rows, "2024-02", "R01");
    assertThat(february.<Long>getAs(ResultTables.CASES_CLOSED)).isEqualTo(3L);
    assertThat(february.<Long>getAs(ResultTables.CASES_RESOLVED)).isEqualTo(2L);
    assertThat(february.<Long>getAs(ResultTables.PROGRAM_EXITS)).isEqualTo(2L);
    assertThat(february.<Long>getAs(ResultTables.COMPLETIONS)).isEqualTo(1L);
    Row march = only(rows, "2024-03", "R02");
    assertThat(march.<Long>getAs(ResultTables.CASES_OPENED)).isEqualTo(1L);
    assertThat(march.<Long>getAs(ResultTables.PARTICIPANTS)).isEqualTo(1L);
    assertThat(rows).hasSize(3);
  }

  @Test
  void jalaliRowsBucketByTheSolarHijriMonth() {
    List<Row> rows =
        DashboardTransforms.monthlyCounts(families, people, cases, enrollments, programs)
            .filter(col(ResultTables.CALENDAR).equalTo("jalali"))
            .collectAsList();

    // 2024-01-10 .. 2024-01-20 is Dey 1402; 2024-01-31 is 11 Bahman 1402; 2024-03-25 is Farvardin
    // 1403.
    assertThat(only(rows, "1402-10", "R01").<Long>getAs(ResultTables.CASES_OPENED)).isEqualTo(2L);
    assertThat(only(rows, "1402-11", "R01").<Long>getAs(ResultTables.CASES_OPENED)).isEqualTo(1L);
    assertThat(only(rows, "1403-01", "R02").<Long>getAs(ResultTables.FAMILIES_REACHED))
        .isEqualTo(1L);
  }

  @Test
  void resolutionDaysAreCountedPerWholeDayByMonthClosed() {
    Dataset<Row> journeys =
        TestRows.table(spark, "donation_id STRING, received_on DATE, days_to_delivery INT");
    Dataset<Row> donationRegions = TestRows.table(spark, "donation_id STRING, region STRING");
    List<Row> rows =
        DashboardTransforms.durations(
                cases,
                DashboardTransforms.personRegions(people, families),
                journeys,
                donationRegions)
            .filter(col(ResultTables.CALENDAR).equalTo("gregorian"))
            .collectAsList();

    // C1: 10 Jan to 9 Feb = 30 days; C3: 31 Jan to 10 Feb = 10 days; C2 was referred, not resolved.
    assertThat(rows)
        .extracting(
            row ->
                row.getAs(ResultTables.MONTH)
                    + " "
                    + row.getAs(ResultTables.DAYS)
                    + "d x"
                    + row.getAs(ResultTables.COUNT))
        .containsExactly("2024-02 10d x1", "2024-02 30d x1");
  }

  private static Row only(List<Row> rows, String month, String region) {
    List<Row> matching =
        rows.stream()
            .filter(row -> month.equals(row.getAs(ResultTables.MONTH)))
            .filter(row -> region.equals(row.getAs(ResultTables.REGION)))
            .toList();
    assertThat(matching).as("rows for %s %s", month, region).hasSize(1);
    return matching.get(0);
  }
}
