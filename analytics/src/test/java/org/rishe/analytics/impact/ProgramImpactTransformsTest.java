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

  private static final List<String> FACTORS =
      List.of("earnings", "household_income", "out_of_school");

  private static Dataset<Row> frame() {
    return ProgramImpactTransforms.analysisFrame(
        indexed(), observations(), indicators(), FACTORS, 30, 365);
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
