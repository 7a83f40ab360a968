package org.rishe.analytics.cubes;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.rishe.analytics.dashboard.TestRows;
import org.rishe.analytics.scope.AnalyticScope;
import org.rishe.spark.TestSparkSessions;

/**
 * The three cubes on five people, counted by hand below: P1 (R01, female, born 2015-03-01), P2
 * (R01, male, born in 2010: taken as 2010-07-01, consent not answered: consents), P3 (R02, no sex,
 * no birth date), P4 (refused consent: in no cube), P5 (family not stored: region unknown, male,
 * born 2020-06-01).
 */
class CubeTransformsTest {
  private final SparkSession spark = TestSparkSessions.shared();

  private Dataset<Row> allPeople() {
    return TestRows.table(
        spark,
        "person_id STRING, family_id STRING, birth_date DATE, birth_year BIGINT, sex STRING,"
            + " registered_on DATE, consent_analytics BOOLEAN",
        new Object[] {"P1", "F1", date("2015-03-01"), null, "female", date("2024-01-01"), true},
        new Object[] {"P2", "F1", null, 2010L, "male", date("2024-01-01"), null},
        new Object[] {"P3", "F2", null, null, null, date("2024-01-01"), true},
        new Object[] {"P4", "F2", date("2000-01-01"), null, "female", date("2024-01-01"), false},
        new Object[] {"P5", "F3", date("2020-06-01"), null, "male", date("2024-06-01"), true});
  }

  private Dataset<Row> families() {
    return TestRows.table(
        spark,
        "family_id STRING, region STRING",
        new Object[] {"F1", "R01"},
        new Object[] {"F2", "R02"});
  }

  private static Date date(String text) {
    return Date.valueOf(text);
  }

  private static String[] strings(Dataset<Row> rows) {
    return rows.collectAsList().stream().map(Row::toString).toArray(String[]::new);
  }

  @Test
  void casesAreCountedByRegionProblemSexAgeBandAndMonthWithConsentHonouredAndNothingLost() {
    Dataset<Row> cases =
        TestRows.table(
            spark,
            "case_id STRING, person_id STRING, problem STRING, opened_on DATE",
            // P1 is 8 on both February 2024 dates: one cell of 2
            new Object[] {"C1", "P1", "dropout", date("2024-02-10")},
            new Object[] {"C2", "P1", "dropout", date("2024-02-20")},
            // P1 is 5 the day before the 6th birthday
            new Object[] {"C8", "P1", "dropout", date("2021-02-28")},
            // P2 is 13 in March 2024 and 18 in August 2028
            new Object[] {"C3", "P2", "child_labour", date("2024-03-05")},
            new Object[] {"C7", "P2", "child_labour", date("2028-08-01")},
            new Object[] {"C4", "P3", "dropout", date("2024-02-01")},
            new Object[] {"C5", "P4", "dropout", date("2024-02-01")},
            new Object[] {"C6", "P5", "child_labour", date("2025-01-15")});
    Dataset<Row> people = AnalyticScope.consentingPeople(allPeople());

    Dataset<Row> cube =
        CubeTransforms.casesCube(
            AnalyticScope.ofConsentingPeople(cases, allPeople(), "person_id"), people, families());

    assertThat(cube.columns())
        .containsExactly("region", "problem", "sex", "age_band", "month", "cases");
    assertThat(strings(cube))
        .containsExactly(
            "[R01,child_labour,male,12-14,2024-03,1]",
            "[R01,child_labour,male,18+,2028-08,1]",
            "[R01,dropout,female,0-5,2021-02,1]",
            "[R01,dropout,female,6-11,2024-02,2]",
            "[R02,dropout,unknown,unknown,2024-02,1]",
            "[unknown,child_labour,male,0-5,2025-01,1]");
  }

  @Test
  void peopleAreCountedByRegionSexAndAgeBandAtRegistration() {
    Dataset<Row> cube =
        CubeTransforms.peopleCube(AnalyticScope.consentingPeople(allPeople()), families());

    assertThat(cube.columns()).containsExactly("region", "sex", "age_band", "people");
    assertThat(strings(cube))
        .containsExactly(
            "[R01,female,6-11,1]",
            "[R01,male,12-14,1]",
            "[R02,unknown,unknown,1]",
            "[unknown,male,0-5,1]");
  }

  @Test
  void participantsAreCountedOncePerProgrammeByRegionProgrammeSexAgeBandAndMonth() {
    Dataset<Row> enrollments =
        TestRows.table(
            spark,
            "enrollment_id STRING, person_id STRING, program_id STRING, enrolled_on DATE",
            new Object[] {"E1", "P1", "PRG01", date("2024-09-01")},
            new Object[] {"E5", "P1", "PRG01", date("2024-09-20")},
            new Object[] {"E4", "P1", "PRG02", date("2024-09-15")},
            // P2 turned 14 on 2024-07-01
            new Object[] {"E2", "P2", "PRG01", date("2024-09-03")},
            new Object[] {"E3", "P4", "PRG01", date("2024-09-03")});

    Dataset<Row> cube =
        CubeTransforms.participantsCube(
            AnalyticScope.ofConsentingPeople(enrollments, allPeople(), "person_id"),
            AnalyticScope.consentingPeople(allPeople()),
            families());

    assertThat(cube.columns())
        .containsExactly("region", "program", "sex", "age_band", "month", "participants");
    assertThat(strings(cube))
        .containsExactly(
            // P1's two enrolments in PRG01 are one participant; P4 refused consent
            "[R01,PRG01,female,6-11,2024-09,1]",
            "[R01,PRG01,male,12-14,2024-09,1]",
            "[R01,PRG02,female,6-11,2024-09,1]");
  }
}
