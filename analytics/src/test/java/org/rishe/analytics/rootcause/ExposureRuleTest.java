package org.rishe.analytics.rootcause;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rishe.analytics.scope.AnalyticScope;
import org.rishe.common.catalogue.Catalogue;
import org.rishe.common.catalogue.Indicator;
import org.rishe.common.contract.Entity;
import org.rishe.spark.TestSparkSessions;

/**
 * The exposure-before-onset rule on a handful of hand-built people, all registered on 2024-01-01.
 * P1 (R01) has child labour from 2024-03-01 and delinquency from 2024-06-01; P2, her brother, has
 * no case; P3 in the same family withheld consent; P4 is their adult mother; P5 (R02) has
 * delinquency from 2024-08-01. Delinquency's median registration-to-onset time is the median of 152
 * and 213 days, 182 days, so a non-case's delinquency index date is 2024-07-01.
 */
class ExposureRuleTest {
  private static SparkSession spark;
  private static Map<String, Integer> delinquency;
  private static Map<String, Integer> childLabour;
  private static Map<String, Integer> leadDays;

  @BeforeAll
  static void computeStatuses() {
    spark = TestSparkSessions.shared();
    Dataset<Row> families =
        new CuratedRows(spark, Entity.FAMILIES)
            .add("family_id", "F1", "region", "R01", "registered_on", "2024-01-01")
            .add("family_id", "F2", "region", "R02", "registered_on", "2024-01-01")
            .dataset();
    Dataset<Row> people =
        new CuratedRows(spark, Entity.PEOPLE)
            .add(person("P1", "F1", "2014-01-01", "female", true))
            .add(person("P2", "F1", "2012-01-01", "male", true))
            .add(person("P3", "F1", "2010-01-01", "female", false))
            .add(person("P4", "F1", "1985-01-01", "female", true))
            .add(person("P5", "F2", "2013-06-01", "male", true))
            .dataset();
    Dataset<Row> cases =
        new CuratedRows(spark, Entity.CASES)
            .add(aCase("C1", "P1", "child_labour", "2024-03-01"))
            .add(aCase("C2", "P1", "delinquency", "2024-06-01"))
            .add(aCase("C3", "P1", "delinquency", "2024-09-01"))
            .add(aCase("C4", "P3", "delinquency", "2024-05-01"))
            .add(aCase("C5", "P5", "delinquency", "2024-08-01"))
            .dataset();
    Dataset<Row> observations =
        new CuratedRows(spark, Entity.OBSERVATIONS)
            .add(observation("P1", "person", "peer_delinquency", "2024-02-01", "true"))
            .add(observation("P1", "person", "out_of_school", "2024-07-01", "true"))
            .add(observation("P1", "person", "learning_difficulty", "2024-02-01", "unknown"))
            .add(observation("P1", "person", "disability", "2024-02-01", "false"))
            .add(observation("P1", "person", "disability", "2024-04-01", "true"))
            .add(observation("F1", "family", "food_insecurity", "2024-02-01", "true"))
            .add(observation("F1", "family", "household_income", "2024-02-01", "150"))
            .add(observation("P2", "person", "peer_delinquency", "2024-02-01", "false"))
            .add(observation("P2", "person", "out_of_school", "2024-06-15", "true"))
            .add(observation("P2", "person", "school_absence_days", "2024-09-01", "30"))
            .add(observation("P2", "person", "chronic_illness", "2024-02-01", "refused"))
            .add(observation("P3", "person", "peer_delinquency", "2024-02-01", "true"))
            .add(observation("P5", "person", "peer_delinquency", "2024-02-01", "not_collected"))
            .add(observation("F2", "family", "household_income", "2024-02-01", "450"))
            .dataset();
    Dataset<Row> consenting = AnalyticScope.consentingPeople(people);
    Dataset<Row> scope = ExposureTransforms.peopleInScope(consenting, families, 0, 17);
    Dataset<Row> onsets =
        ExposureTransforms.onsets(
            scope, AnalyticScope.ofConsentingPeople(cases, people, "person_id"));
    Dataset<Row> indicators = CuratedRows.defaultIndicators(spark);
    PersonTimeline.Codes codes =
        RootCauseAnalysis.codes(indicators, RootCauseTransforms.lags(scope, onsets));
    Dataset<Row> timelines =
        RootCauseTransforms.timelines(
            scope, onsets, ExposureTransforms.factorObservations(scope, observations, indicators));
    delinquency = new TreeMap<>();
    childLabour = new TreeMap<>();
    leadDays = new TreeMap<>();
    int delinquencyIndex = codes.problems.indexOf("delinquency");
    for (Row row : timelines.collectAsList()) {
      PersonTimeline person = PersonTimeline.of(row, codes);
      for (int code = 0; code < codes.codeCount(); code++) {
        String key = person.person + " " + codes.codes.get(code);
        for (String problem : List.of("delinquency", "child_labour")) {
          int index = codes.problems.indexOf(problem);
          if (codes.codeOfProblem(index) == code) {
            continue;
          }
          int status = person.status(code, person.indexDay(index));
          if (status != PersonTimeline.MISSING) {
            (problem.equals("delinquency") ? delinquency : childLabour).put(key, status);
          }
        }
        if (delinquency.get(key) != null
            && delinquency.get(key) == PersonTimeline.EXPOSED
            && person.isCase(delinquencyIndex)) {
          leadDays.put(key, person.onset(delinquencyIndex) - person.exposedFrom(code));
        }
      }
    }
  }

  @Test
  void factorObservedBeforeOnsetCountsAsExposedWithItsLeadTime() {
    assertThat(delinquency).containsEntry("P1 peer_delinquency", 1);
    assertThat(leadDays).containsEntry("P1 peer_delinquency", 121);
  }

  @Test
  void factorFirstSeenAfterOnsetIsMissingForTheCase() {
    assertThat(delinquency).doesNotContainKey("P1 out_of_school");
  }

  @Test
  void exposedObservationAfterAnEarlierUnexposedOneLeavesTheCaseUnexposed() {
    assertThat(delinquency).containsEntry("P1 disability", 1);
    assertThat(childLabour).containsEntry("P1 disability", 0);
  }

  @Test
  void missingAnswersAreMissingNotUnexposed() {
    assertThat(delinquency)
        .doesNotContainKeys("P1 learning_difficulty", "P2 chronic_illness", "P5 peer_delinquency");
  }

  @Test
  void familyObservationAppliesToEveryMemberInScope() {
    assertThat(delinquency)
        .containsEntry("P1 food_insecurity", 1)
        .containsEntry("P2 food_insecurity", 1)
        .containsEntry("P1 household_income", 1)
        .containsEntry("P2 household_income", 1)
        .containsEntry("P5 household_income", 0);
  }

  @Test
  void nonCaseIsJudgedAtRegistrationPlusTheMedianOnsetDelay() {
    assertThat(delinquency)
        .containsEntry("P2 peer_delinquency", 0)
        .containsEntry("P2 out_of_school", 1)
        .doesNotContainKey("P2 school_absence_days");
  }

  @Test
  void earlierProblemIsAnExposureAndLaterOneIsNot() {
    assertThat(delinquency).containsEntry("P1 child_labour", 1).containsEntry("P2 child_labour", 0);
    assertThat(childLabour).containsEntry("P1 delinquency", 0);
    assertThat(leadDays).containsEntry("P1 child_labour", 92);
  }

  @Test
  void peopleWithoutConsentAndAdultsAreLeftOut() {
    assertThat(delinquency.keySet())
        .noneMatch(key -> key.startsWith("P3 ") || key.startsWith("P4 "));
  }

  @Test
  void sparkReadingOfValuesAgreesWithTheCatalogue() {
    Catalogue catalogue = Catalogue.defaultCatalogue();
    List<String[]> samples =
        List.of(
            new String[] {"household_income", "299.9"},
            new String[] {"household_income", "300"},
            new String[] {"household_income", "abc"},
            new String[] {"school_absence_days", "21"},
            new String[] {"school_absence_days", "20"},
            new String[] {"peer_delinquency", " TRUE "},
            new String[] {"peer_delinquency", "yes"},
            new String[] {"peer_delinquency", "Refused"});
    for (String[] sample : samples) {
      Indicator indicator = catalogue.find(sample[0]).orElseThrow();
      Dataset<Row> read =
          CuratedRows.defaultIndicators(spark)
              .filter(col("code").equalTo(sample[0]))
              .withColumn("value", org.apache.spark.sql.functions.lit(sample[1]))
              .select(ExposureTransforms.exposureOf(col("value")).as("exposed"));
      Boolean sparkReading = read.first().getAs("exposed");
      assertThat(java.util.Optional.ofNullable(sparkReading))
          .as(sample[0] + "=" + sample[1])
          .isEqualTo(indicator.exposure(sample[1]));
    }
  }

  private static Object[] person(
      String id, String family, String birthDate, String sex, boolean consent) {
    return new Object[] {
      "person_id", id,
      "family_id", family,
      "birth_date", birthDate,
      "sex", sex,
      "registered_on", "2024-01-01",
      "consent_analytics", consent
    };
  }

  private static Object[] aCase(String id, String person, String problem, String openedOn) {
    return new Object[] {
      "case_id", id, "person_id", person, "problem", problem, "opened_on", openedOn
    };
  }

  private static Object[] observation(
      String subject, String type, String indicator, String observedOn, String value) {
    return new Object[] {
      "subject_id", subject,
      "subject_type", type,
      "indicator", indicator,
      "observed_on", observedOn,
      "value", value
    };
  }
}
