package org.rishe.analytics.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.rishe.common.contract.Entity;
import org.rishe.common.results.ProgramImpactGap;
import org.rishe.spark.TestSparkSessions;
import org.rishe.spark.curated.CuratedSchemas;

/**
 * The analysis frames on a few rows built inline. P1 (born 2010-03-01, registered 2022-01-01)
 * enrols in PRG01 on 2022-04-01, 90 days after registering, and again later; P2 (birth year 2012
 * only) and the adult P3 register on 2022-02-01 and never enrol, so their comparable index date is
 * 2022-05-02.
 */
class ProgramImpactTransformsTest {
  private static final SparkSession SPARK = TestSparkSessions.shared();

  @Test
  void defaultScopeKeepsOnlyPeopleOfTheParticipantsAges() {
    List<String> rows =
        render(
            ProgramImpactTransforms.indexedPeople(people(), families(), enrollments(), null, null));

    assertThat(rows).containsExactly("PRG01 P1 true 2022-04-01 12 female R1");
  }

  @Test
  void comparisonPeopleGetTheTreatedDelayAfterTheirRegistration() {
    List<String> rows = render(indexed());

    assertThat(rows)
        .containsExactly(
            "PRG01 P1 true 2022-04-01 12 female R1", "PRG01 P2 false 2022-05-02 9 male R2");
  }

  @Test
  void covariatesAreTheLatestValuesBeforeTheIndexDateAsTheCatalogueReadsThem() {
    List<String> rows = new ArrayList<>();
    for (Row row : frame().collectAsList()) {
      for (String code : FACTORS) {
        if (row.getAs(code) != null) {
          rows.add(
              row.getAs("program_id")
                  + " "
                  + row.getAs("person_id")
                  + " "
                  + code
                  + " "
                  + row.getAs(code));
        }
      }
    }
    rows.sort(null);

    // P1's out_of_school of 2022-05-01 comes after enrolment and is ignored; the family's income
    // of 250 is below the 300 threshold (exposed); earnings have no threshold and stay a number.
    assertThat(rows)
        .containsExactly(
            "PRG01 P1 out_of_school 1.0",
            "PRG01 P2 earnings 12.5",
            "PRG01 P2 household_income 1.0");
  }

  @Test
  void outcomeIsTheFirstObservationInTheFollowUpWindow() {
    List<String> rows =
        render(frame().select("program_id", "person_id", "outcome", "value_type", "outcome_value"));

    // P1's observation 14 days after enrolment is too early; the one on day 61 is the first.
    assertThat(rows)
        .containsExactly(
            "PRG01 P1 school_enrolled boolean 0.0", "PRG01 P2 school_enrolled boolean 1.0");
  }

  @Test
  void aProgrammesOwnFollowUpWindowPicksItsObservationInsteadOfTheRunsWindow() {
    // PRG01 counts days 100-200: P1's observations on days 14 and 61 are too early and the one of
    // 2022-09-01 (day 153) is the first; P2's only one, 2022-07-01, is day 60 after 2022-05-02.
    Dataset<Row> frame =
        ProgramImpactTransforms.analysisFrame(
            indexed(),
            observations(),
            indicators(),
            FACTORS,
            FollowUpWindow.between(30, 365),
            programs(program("PRG01", 100L, 200L)));

    assertThat(render(frame.select("program_id", "person_id", "outcome", "outcome_value")))
        .containsExactly("PRG01 P1 school_enrolled 1.0");
    assertThat(frame.columns()).doesNotContain("follow_up_start_days", "follow_up_end_days");
  }

  @Test
  void withoutAnEndTheWindowReachesAnOutcomeMeasuredYearsLater() {
    // reading_score is observed only on 2025-04-01: 1,096 days after P1's enrolment of 2022-04-01
    // (365 + 366 + 365) and 1,065 after P2's comparable index date of 2022-05-02.
    Dataset<Row> observations =
        observations()
            .union(
                table(
                    Entity.OBSERVATIONS,
                    observation("P1", "person", "reading_score", "2025-04-01", "61"),
                    observation("P2", "person", "reading_score", "2025-04-01", "48.5")));
    Dataset<Row> indicators =
        indicators()
            .union(
                table(
                    Entity.INDICATORS,
                    Map.of("code", "reading_score", "kind", "outcome", "value_type", "number")));

    List<String> yearLong =
        render(
            ProgramImpactTransforms.analysisFrame(
                    indexed(),
                    observations,
                    indicators,
                    FACTORS,
                    FollowUpWindow.between(30, 365),
                    programs())
                .filter("outcome = 'reading_score'")
                .select("person_id", "outcome_value"));
    List<String> openEnded =
        render(
            ProgramImpactTransforms.analysisFrame(
                    indexed(),
                    observations,
                    indicators,
                    FACTORS,
                    ProgramImpactSettings.defaults().followUp(),
                    programs())
                .filter("outcome = 'reading_score'")
                .select("person_id", "outcome_value"));

    assertThat(yearLong).isEmpty();
    assertThat(openEnded).containsExactly("P1 61.0", "P2 48.5");
  }

  @Test
  void gapCountsSayWhoHadTheOutcomeInTheWindowAndWhenTheOthersHadIt() {
    // PRG01 counts days 200-365: P1's school_enrolled observations come on days 14, 61 and 153,
    // the first after enrolment on day 14; P2 (comparison) has day 60 only. PRG02's one
    // participant, P4, has no birth date; PRG03 has nobody enrolled.
    Dataset<Row> programs =
        programs(
            program("PRG01", 200L, 365L),
            program("PRG02", null, null),
            program("PRG03", null, null));
    Dataset<Row> enrollments = enrollmentsWithPrg02();
    Dataset<Row> indexed =
        ProgramImpactTransforms.indexedPeople(peopleWithP4(), families(), enrollments, 0, 17);
    FollowUpWindow run = FollowUpWindow.from(30);
    Dataset<Row> frame =
        ProgramImpactTransforms.analysisFrame(
            indexed, observations(), indicators(), FACTORS, run, programs);

    assertThat(render(ImpactGaps.programs(programs, enrollments, indexed, run)))
        .containsExactly("PRG01 1 1 200 365", "PRG02 1 0 30 null", "PRG03 0 0 30 null");
    assertThat(
            render(
                ImpactGaps.outcomes(indexed, frame, observations(), indicators(), programs, run)))
        .containsExactly("PRG01 school_enrolled 0 0 1 14.0");
  }

  @Test
  void everyProgrammeAndOutcomeWithoutAnEstimateSaysWhy() {
    ProgramImpactJob.Results results =
        new ProgramImpactJob(SPARK, ProgramImpactSettings.defaults().withAgeRange(0, 17))
            .evaluateAndExplain(
                peopleWithP4(),
                families(),
                enrollmentsWithPrg02(),
                observations(),
                indicators(),
                programs(
                    program("PRG01", null, null),
                    program("PRG02", null, null),
                    program("PRG03", null, null)));

    // By default (from day 30, no end) P1 has school_enrolled on day 61 and P2 on day 60: one
    // person each, well under the 20 needed.
    assertThat(results.evaluations()).isEmpty();
    assertThat(results.gaps())
        .extracting(
            gap ->
                gap.programId() + " " + gap.outcome() + " " + gap.reason() + ": " + gap.describe())
        .containsExactly(
            "PRG01 school_enrolled too_few_treated: 1 enrolled with the outcome in the window,"
                + " fewer than the 20 needed",
            "PRG02 null nobody_in_scope: 1 enrolled, none in scope: none has a birth date or year"
                + " giving an age at enrolment within the scope",
            "PRG03 null nobody_enrolled: nobody enrolled");
    ProgramImpactGap prg01 = results.gaps().get(0);
    assertThat(prg01.treatedWithOutcome()).isEqualTo(1L);
    assertThat(prg01.comparisonWithOutcome()).isEqualTo(1L);
    assertThat(prg01.treatedOutsideWindow()).isEqualTo(0L);
    assertThat(prg01.followUpEndDays()).isNull();
  }

  private static final List<String> FACTORS =
      List.of("earnings", "household_income", "out_of_school");

  private static Dataset<Row> frame() {
    return ProgramImpactTransforms.analysisFrame(
        indexed(),
        observations(),
        indicators(),
        FACTORS,
        FollowUpWindow.between(30, 365),
        programs());
  }

  /** The programmes table: each row a programme id with its own follow-up window, or none. */
  @SafeVarargs
  private static Dataset<Row> programs(Map<String, Object>... programs) {
    return table(Entity.PROGRAMS, programs);
  }

  private static Map<String, Object> program(String id, Long startDays, Long endDays) {
    Map<String, Object> program = new java.util.HashMap<>();
    program.put("program_id", id);
    program.put("name", id);
    program.put("follow_up_start_days", startDays);
    program.put("follow_up_end_days", endDays);
    return program;
  }

  /** {@link #people} and P4 (family F1, no birth date or year). */
  private static Dataset<Row> peopleWithP4() {
    return people()
        .union(
            table(
                Entity.PEOPLE,
                Map.of(
                    "person_id", "P4",
                    "family_id", "F1",
                    "sex", "male",
                    "registered_on", date("2022-01-01"))));
  }

  /** {@link #enrollments} and P4's enrolment in PRG02 on 2022-03-01. */
  private static Dataset<Row> enrollmentsWithPrg02() {
    return enrollments()
        .union(
            table(
                Entity.ENROLLMENTS,
                Map.of(
                    "enrollment_id", "E3",
                    "person_id", "P4",
                    "program_id", "PRG02",
                    "enrolled_on", date("2022-03-01"))));
  }

  private static Dataset<Row> indexed() {
    return ProgramImpactTransforms.indexedPeople(people(), families(), enrollments(), 0, 17);
  }

  private static List<String> render(Dataset<Row> rows) {
    return rows.collectAsList().stream()
        .map(
            row -> {
              StringBuilder text = new StringBuilder();
              for (int i = 0; i < Math.min(row.size(), 7); i++) {
                text.append(i == 0 ? "" : " ").append(row.get(i));
              }
              return text.toString();
            })
        .sorted()
        .toList();
  }

  private static Dataset<Row> families() {
    return table(
        Entity.FAMILIES,
        Map.of("family_id", "F1", "region", "R1", "registered_on", date("2022-01-01")),
        Map.of("family_id", "F2", "region", "R2", "registered_on", date("2022-02-01")));
  }

  private static Dataset<Row> people() {
    return table(
        Entity.PEOPLE,
        Map.of(
            "person_id", "P1",
            "family_id", "F1",
            "birth_date", date("2010-03-01"),
            "sex", "female",
            "registered_on", date("2022-01-01")),
        Map.of(
            "person_id", "P2",
            "family_id", "F2",
            "birth_year", 2012L,
            "sex", "male",
            "registered_on", date("2022-02-01")),
        Map.of(
            "person_id", "P3",
            "family_id", "F2",
            "birth_date", date("1980-01-01"),
            "sex", "female",
            "registered_on", date("2022-02-01")));
  }

  private static Dataset<Row> enrollments() {
    return table(
        Entity.ENROLLMENTS,
        Map.of(
            "enrollment_id", "E1",
            "person_id", "P1",
            "program_id", "PRG01",
            "enrolled_on", date("2022-04-01")),
        Map.of(
            "enrollment_id", "E2",
            "person_id", "P1",
            "program_id", "PRG01",
            "enrolled_on", date("2022-08-01")));
  }

  private static Dataset<Row> indicators() {
    return table(
        Entity.INDICATORS,
        Map.of("code", "out_of_school", "kind", "factor", "value_type", "boolean"),
        Map.of(
            "code",
            "household_income",
            "kind",
            "factor",
            "value_type",
            "number",
            "threshold",
            300.0,
            "direction",
            "below"),
        Map.of("code", "earnings", "kind", "factor", "value_type", "number"),
        Map.of("code", "school_enrolled", "kind", "outcome", "value_type", "boolean"));
  }

  private static Dataset<Row> observations() {
    return table(
        Entity.OBSERVATIONS,
        observation("P1", "person", "out_of_school", "2022-01-15", "true"),
        observation("P1", "person", "out_of_school", "2022-05-01", "false"),
        observation("F2", "family", "household_income", "2022-02-10", "250"),
        observation("P2", "person", "earnings", "2022-02-10", "12.5"),
        observation("P3", "person", "earnings", "2022-02-10", "refused"),
        observation("P1", "person", "school_enrolled", "2022-04-15", "true"),
        observation("P1", "person", "school_enrolled", "2022-06-01", "false"),
        observation("P1", "person", "school_enrolled", "2022-09-01", "true"),
        observation("P2", "person", "school_enrolled", "2022-07-01", "true"));
  }

  private static Map<String, Object> observation(
      String subject, String type, String indicator, String day, String value) {
    return Map.of(
        "subject_id",
        subject,
        "subject_type",
        type,
        "indicator",
        indicator,
        "observed_on",
        date(day),
        "value",
        value);
  }

  @SafeVarargs
  private static Dataset<Row> table(Entity entity, Map<String, Object>... rows) {
    StructType schema = CuratedSchemas.curated(entity);
    List<Row> built =
        List.of(rows).stream()
            .map(
                values ->
                    RowFactory.create(
                        List.of(schema.fieldNames()).stream().map(values::get).toArray()))
            .toList();
    return SPARK.createDataFrame(built, schema);
  }

  private static Date date(String text) {
    return Date.valueOf(text);
  }
}
