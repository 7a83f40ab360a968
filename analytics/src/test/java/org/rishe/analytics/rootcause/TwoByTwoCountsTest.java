package org.rishe.analytics.rootcause;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.rishe.common.contract.Entity;
import org.rishe.spark.TestSparkSessions;

/**
 * The one-pass 2×2 counts against a count done by hand with loops over the same 60 children: child
 * i lives in R01 when i is even, else R02; has school drop-out (opened 2024-07-01) when i is a
 * multiple of 3; answered peer delinquency true (i mod 4 = 0), false (1), unknown (2) or was never
 * asked (3), on 2024-02-01; and was seen out of school on 2024-08-01 (after every index date) when
 * i is a multiple of 5, otherwise seen in school on 2024-02-01. Children i, i + 20 and i + 40 are
 * siblings (family i mod 20, so of one region).
 */
class TwoByTwoCountsTest {
  private static final int CHILDREN = 60;

  @Test
  void countsEqualAHandCountOverallAndPerRegion() {
    SparkSession spark = TestSparkSessions.shared();
    CuratedRows families = new CuratedRows(spark, Entity.FAMILIES);
    CuratedRows people = new CuratedRows(spark, Entity.PEOPLE);
    CuratedRows cases = new CuratedRows(spark, Entity.CASES);
    CuratedRows observations = new CuratedRows(spark, Entity.OBSERVATIONS);
    for (int i = 0; i < CHILDREN; i++) {
      String family = "F" + family(i);
      String person = "P" + i;
      if (i == family(i)) {
        families.add("family_id", family, "region", region(i), "registered_on", "2024-01-01");
      }
      people.add(
          "person_id",
          person,
          "family_id",
          family,
          "birth_date",
          "2012-01-01",
          "registered_on",
          "2024-01-01");
      if (isCase(i)) {
        cases.add(
            "case_id",
            "C" + i,
            "person_id",
            person,
            "problem",
            "school_dropout",
            "opened_on",
            "2024-07-01");
      }
      if (i % 4 != 3) {
        String answer = i % 4 == 0 ? "true" : i % 4 == 1 ? "false" : "unknown";
        observations.add(
            "subject_id",
            person,
            "indicator",
            "peer_delinquency",
            "observed_on",
            "2024-02-01",
            "value",
            answer);
      }
      observations.add(
          "subject_id",
          person,
          "indicator",
          "out_of_school",
          "observed_on",
          i % 5 == 0 ? "2024-08-01" : "2024-02-01",
          "value",
          i % 5 == 0 ? "true" : "false");
    }
    Dataset<Row> indicators = CuratedRows.defaultIndicators(spark);
    Dataset<Row> scope =
        ExposureTransforms.peopleInScope(people.dataset(), families.dataset(), 0, 17);
    Dataset<Row> personProblems =
        RootCauseTransforms.personProblems(
            scope,
            ExposureTransforms.onsets(scope, cases.dataset()),
            indicators
                .filter(col("kind").equalTo("problem"))
                .select(col("code").as(ExposureTransforms.PROBLEM)));
    Dataset<Row> timelines =
        RootCauseTransforms.timelines(
            scope,
            ExposureTransforms.onsets(scope, cases.dataset()),
            ExposureTransforms.factorObservations(scope, observations.dataset(), indicators));
    PersonTimeline.Codes codes =
        RootCauseAnalysis.codes(
            indicators,
            RootCauseTransforms.lags(scope, ExposureTransforms.onsets(scope, cases.dataset())));

    List<String> actual = new ArrayList<>();
    List<String> actualSums = new ArrayList<>();
    for (RootCauseStatistics.Counts row :
        RootCauseTransforms.twoByTwoCounts(timelines, codes, List.of("R01", "R02"))) {
      if (row.problem().equals("school_dropout")
          && List.of("peer_delinquency", "out_of_school").contains(row.factor())) {
        actualSums.add(
            row.factor()
                + " "
                + row.region()
                + " "
                + row.families().families()
                + " "
                + java.util.Arrays.toString(row.families().products()));
        actual.add(
            String.join(
                " ",
                row.factor(),
                String.valueOf(row.region()),
                String.valueOf(row.exposedCases()),
                String.valueOf(row.exposedTotal()),
                String.valueOf(row.unexposedCases()),
                String.valueOf(row.unexposedTotal()),
                String.valueOf(row.medianLeadDays())));
      }
    }
    List<String> populations = new ArrayList<>();
    for (Row row :
        RootCauseTransforms.populations(personProblems)
            .filter(col("problem").equalTo("school_dropout"))
            .collectAsList()) {
      populations.add(
          row.getAs("region") + " " + row.<Long>getAs("population") + " " + row.getAs("cases"));
    }

    assertThat(actual).containsExactlyInAnyOrderElementsOf(handCounts());
    assertThat(actualSums).containsExactlyInAnyOrderElementsOf(handFamilySums());
    assertThat(populations).containsExactlyInAnyOrder("null 60 20", "R01 30 10", "R02 30 10");
  }

  /** Plain loops over the same children: what the counting must produce. */
  private static List<String> handCounts() {
    List<String> expected = new ArrayList<>();
    for (String region : new String[] {null, "R01", "R02"}) {
      long[] peer = new long[4];
      long[] school = new long[4];
      for (int i = 0; i < CHILDREN; i++) {
        if (region != null && !region.equals(region(i))) {
          continue;
        }
        int caseCell = isCase(i) ? 1 : 0;
        if (i % 4 == 0) {
          peer[caseCell]++;
        } else if (i % 4 == 1) {
          peer[2 + caseCell]++;
        }
        if (i % 5 != 0) {
          school[2 + caseCell]++;
        }
      }
      // Exposed cases saw peer delinquency on 2024-02-01, 151 days before their onset.
      expected.add(row("peer_delinquency", region, peer, peer[1] > 0 ? "151.0" : "null"));
      expected.add(row("out_of_school", region, school, "null"));
    }
    return expected;
  }

  /**
   * Per table, the families with a child of known status and Σ_f x_f[i] x_f[j] (i ≤ j) over the
   * families' own cells x = (exposed cases, exposed non-cases, unexposed cases, unexposed
   * non-cases), by loops over families and their three children.
   */
  private static List<String> handFamilySums() {
    List<String> expected = new ArrayList<>();
    for (String factor : new String[] {"peer_delinquency", "out_of_school"}) {
      for (String region : new String[] {null, "R01", "R02"}) {
        long families = 0;
        double[] products = new double[10];
        for (int family = 0; family < 20; family++) {
          if (region != null && !region.equals(region(family))) {
            continue;
          }
          int[] cells = new int[4];
          for (int child = family; child < CHILDREN; child += 20) {
            int cell = cell(factor, child);
            if (cell >= 0) {
              cells[cell]++;
            }
          }
          if (cells[0] + cells[1] + cells[2] + cells[3] == 0) {
            continue;
          }
          families++;
          int next = 0;
          for (int i = 0; i < 4; i++) {
            for (int j = i; j < 4; j++) {
              products[next++] += (double) cells[i] * cells[j];
            }
          }
        }
        expected.add(
            factor + " " + region + " " + families + " " + java.util.Arrays.toString(products));
      }
    }
    return expected;
  }

  /** The child's cell in the factor's table (0 exposed case ... 3 unexposed non-case), -1 none. */
  private static int cell(String factor, int child) {
    int notCase = isCase(child) ? 0 : 1;
    if (factor.equals("peer_delinquency")) {
      return child % 4 == 0 ? notCase : child % 4 == 1 ? 2 + notCase : -1;
    }
    // out of school only after every index date: unexposed, or never known when seen only then
    return child % 5 != 0 ? 2 + notCase : -1;
  }

  private static int family(int child) {
    return child % 20;
  }

  private static String row(String factor, String region, long[] cells, String lead) {
    long exposedCases = cells[1];
    long exposedTotal = cells[0] + cells[1];
    long unexposedCases = cells[3];
    long unexposedTotal = cells[2] + cells[3];
    return String.join(
        " ",
        factor,
        String.valueOf(region),
        String.valueOf(exposedCases),
        String.valueOf(exposedTotal),
        String.valueOf(unexposedCases),
        String.valueOf(unexposedTotal),
        lead);
  }

  private static String region(int child) {
    return child % 2 == 0 ? "R01" : "R02";
  }

  private static boolean isCase(int child) {
    return child % 3 == 0;
  }
}
