package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A served run built to tempt a researcher, for the attack suites ({@link DisclosureAttackTest},
 * {@link DisclosureAcrossRunsTest}); k = 11 in mind.
 */
final class AttackRunFixture {
  static final List<String> REGIONS = List.of("R01", "R02", "R03");

  /** The malnutrition series' first month; R01 has 5 cases in {@link #SMALL_MONTH}. */
  static final YearMonth FIRST_MONTH = YearMonth.of(2023, 6);

  static final String SMALL_MONTH = "2024-12";
  static final int MONTHS = 36;

  /** Every field of the researcher routes that holds a count of people or cases. */
  static final List<String> COUNT_FIELDS =
      List.of(
          "population",
          "cases",
          "people",
          "exposedCases",
          "exposedTotal",
          "unexposedCases",
          "unexposedTotal",
          "observed",
          "participants",
          "treated",
          "controls",
          "trimmedControls",
          "enrolled",
          "inScope",
          "treatedWithOutcome",
          "comparisonWithOutcome",
          "treatedOutsideWindow",
          "value");

  private AttackRunFixture() {}

  /** Fails when any count field anywhere in {@code answer} holds 1 to 10 (k = 11). */
  static void assertNoCountFrom1To10(JsonNode answer) {
    for (String field : COUNT_FIELDS) {
      for (JsonNode value : answer.findValues(field)) {
        if (value.isNumber()) {
          assertThat(value.asLong())
              .as("%s in %s", field, answer)
              .matches(count -> count < 1 || count >= 11, "not 1 to 10");
        }
      }
    }
  }

  /**
   * Publishes run {@code runId} into {@code warehouse} and makes it the latest. With {@code
   * oneMoreFamily}, the run holds one family more than without: three children in R02, each with
   * child labour, out of school and with a literate parent (as a re-analysis after one more
   * family's records would publish).
   */
  static void publish(Path warehouse, String runId, boolean oneMoreFamily) throws IOException {
    String base = runId + "-base";
    PublishedRunFixture.writeRootCauses(warehouse, base);
    PublishedRunFixture.writePrograms(warehouse, base);
    int added = oneMoreFamily ? 3 : 0;
    PublishedRunFixture.publish(warehouse, base, PublishedRunFixture.childLabour(104 + added));
    Path run = warehouse.resolve("results").resolve(runId);
    PublishedRunFixture.copyFolder(warehouse.resolve("results").resolve(base), run);
    writeAttackTables(run, added);
    Files.writeString(
        run.resolve("run.json"),
        "{\"runId\":\"" + runId + "\",\"publishedAt\":\"2026-12-04T00:00:00Z\"}");
    Files.writeString(warehouse.resolve("results/LATEST"), runId + "\n");
  }

  /** The malnutrition count of R01 (R02: 30 every month). */
  static long malnutritionR01(YearMonth month) {
    return month.toString().equals(SMALL_MONTH) ? 5 : 20;
  }

  /**
   * The run's tempting tables. Root causes of child_labour in three regions (everyone has one):
   * every row with a total effect (RR 1.3 [1.05, 1.6], p 0.015, q 0.03) that a researcher must not
   * see beside a withheld or merged row; out_of_school has 4 exposed cases in R01;
   * parent_illiterate has 5 unanswered cases and 5 unanswered non-cases in R03 only; {@code added}
   * more cases in R02, out of school and with a literate parent. The monthly malnutrition series of
   * R01 has 20 cases a month but 5 in 2024-12, R02's 30 every month. The cases cube holds the same
   * cases (every malnutrition case a girl of 6-11; every child_labour case a girl of 12-14 opened
   * in 2024-06), so {@code POST /query} serves the counts the other routes serve. PRG04 has 6
   * participants; PRG01's school_enrolled was measured on 8 enrolled, its wellbeing_score on all
   * its 1,500 (with the balance of an indicator, region_R02, and of age), and its attendance has no
   * estimate though all 1,500 had it.
   */
  private static void writeAttackTables(Path run, int added) {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      StringBuilder rows = new StringBuilder();
      // region, factor, exposed cases, exposed total, unexposed cases, unexposed total,
      // population, cases
      int a = added;
      Object[][] factors = {
        {"R01", "out_of_school", 4, 20, 10, 40, 60, 14},
        {"R02", "out_of_school", 12 + a, 60 + a, 18, 140, 200 + a, 30 + a},
        {"R03", "out_of_school", 25, 120, 35, 280, 400, 60},
        {null, "out_of_school", 41 + a, 200 + a, 63, 460, 660 + a, 104 + a},
        {"R01", "parent_illiterate", 14, 30, 0, 30, 60, 14},
        {"R02", "parent_illiterate", 15, 70, 15 + a, 130 + a, 200 + a, 30 + a},
        {"R03", "parent_illiterate", 20, 100, 35, 290, 400, 60},
        {null, "parent_illiterate", 49, 200, 50 + a, 450 + a, 660 + a, 104 + a}
      };
      for (Object[] f : factors) {
        long missing = (int) f[6] - (int) f[3] - (int) f[5];
        rows.append(rows.length() == 0 ? "" : ",")
            .append(
                String.format(
                    "('child_labour',%s,'%s',%d::BIGINT,%d::BIGINT,%d::BIGINT,%d::BIGINT,"
                        + "%d::BIGINT,1.5,1.1,2.0,1.6,1.1,2.2,1.4,1.0,1.9,0.12,0.01,0.2,0.01,"
                        + "0.02,100.0,'moderate',%d::BIGINT,%d::BIGINT,1.3,1.05,1.6,0.03,0.005,"
                        + "0.055,'',0.015,0.03)",
                    f[0] == null ? "NULL::VARCHAR" : "'" + f[0] + "'",
                    f[1],
                    f[2],
                    f[3],
                    f[4],
                    f[5],
                    missing,
                    f[6],
                    f[7]));
      }
      copy(
          statement,
          run,
          "root_causes",
          "SELECT * FROM (VALUES "
              + rows
              + ") AS t(problem, region, factor, exposed_cases, exposed_total, unexposed_cases,"
              + " unexposed_total, missing, relative_risk, relative_risk_low, relative_risk_high,"
              + " odds_ratio, odds_ratio_low, odds_ratio_high, adjusted_odds_ratio,"
              + " adjusted_odds_ratio_low, adjusted_odds_ratio_high, attributable_fraction,"
              + " attributable_fraction_low, attributable_fraction_high, p_value, q_value,"
              + " median_lead_days, evidence, population, cases, total_risk_ratio,"
              + " total_risk_ratio_low, total_risk_ratio_high, total_risk_difference,"
              + " total_risk_difference_low, total_risk_difference_high, total_adjusted_for,"
              + " total_p_value, total_q_value)");
      // EARS C2 as analyze publishes it: a month is assessed once 9 months precede it; its
      // expected count is the mean of the months 3 to 9 before it
      StringBuilder months = new StringBuilder();
      StringBuilder cubeCells = new StringBuilder();
      for (String region : List.of("R01", "R02")) {
        long[] counts = new long[MONTHS];
        for (int t = 0; t < MONTHS; t++) {
          counts[t] = region.equals("R01") ? malnutritionR01(FIRST_MONTH.plusMonths(t)) : 30;
          cubeCells
              .append(cubeCells.length() == 0 ? "" : ",")
              .append(
                  String.format(
                      "('%s','malnutrition','female','6-11','%s',%d::BIGINT)",
                      region, FIRST_MONTH.plusMonths(t), counts[t]));
        }
        for (int t = 9; t < MONTHS; t++) {
          double expected = 0;
          for (int back = 3; back <= 9; back++) {
            expected += counts[t - back] / 7.0;
          }
          months
              .append(months.length() == 0 ? "" : ",")
              .append(
                  String.format(
                      Locale.ROOT,
                      "('%s','malnutrition','%s',%d::BIGINT,%.17g::DOUBLE,%.17g::DOUBLE,false)",
                      region,
                      FIRST_MONTH.plusMonths(t),
                      counts[t],
                      expected,
                      counts[t] - expected));
        }
      }
      copy(
          statement,
          run,
          "hotspots",
          "SELECT * FROM (VALUES "
              + months
              + ") AS t(region, problem, period, observed, expected, score, flagged)");
      int[] childLabour = {14, 30 + added, 60};
      for (int r = 0; r < REGIONS.size(); r++) {
        cubeCells.append(
            String.format(
                ",('%s','child_labour','female','12-14','2024-06',%d::BIGINT)",
                REGIONS.get(r), childLabour[r]));
      }
      copy(
          statement,
          run,
          "cube_cases",
          "SELECT * FROM (VALUES "
              + cubeCells
              + ") AS t(region, problem, sex, age_band, month, cases)");
      copy(
          statement,
          run,
          "cube_participants",
          "SELECT * FROM (VALUES ('R01','PRG01','female','6-11','2024-01',1500::BIGINT),"
              + " ('R01','PRG04','female','6-11','2024-01',6::BIGINT)) AS t(region, program, sex,"
              + " age_band, month, participants)");
      copy(
          statement,
          run,
          "programs",
          "SELECT * FROM (VALUES ('PRG01','Back to School','education_support','school_dropout',"
              + "45.0::DOUBLE,1500::BIGINT), ('PRG04','Family Counselling','psychosocial',"
              + "'domestic_violence',NULL::DOUBLE,6::BIGINT)) AS t(program_id, name, kind,"
              + " target_problem, cost_per_participant, participants)");
      copy(
          statement,
          run,
          "program_impact",
          "SELECT * FROM (VALUES"
              + " ('PRG01','school_enrolled','risk_difference','doubly_robust',true,0.15,0.12,"
              + "0.18,0.05,8::BIGINT,7000::BIGINT,40::BIGINT,300.0,250.0,375.0),"
              + " ('PRG01','school_enrolled','risk_difference','naive_difference',false,0.05,"
              + "0.02,0.08,0.05,8::BIGINT,7000::BIGINT,40::BIGINT,900.0,562.5,2250.0),"
              + " ('PRG01','wellbeing_score','mean_difference','doubly_robust',true,2.0,1.0,3.0,"
              + "1.5,1500::BIGINT,7000::BIGINT,40::BIGINT,NULL::DOUBLE,NULL::DOUBLE,"
              + "NULL::DOUBLE),"
              // a share of the 1,500 less one of the 7,000: 1,001/1,500 - 4,000/7,000 =
              // 1,007/10,500, whose factor 3 x 5^3 beyond the 7,000's gives the 1,500 away
              + " ('PRG01','attendance_rate','risk_difference','doubly_robust',true,"
              + "0.09590476190476194,0.0612345678901234,0.1298765432109876,"
              + "0.09590476190476194,1500::BIGINT,7000::BIGINT,40::BIGINT,NULL::DOUBLE,"
              + "NULL::DOUBLE,NULL::DOUBLE))"
              + " AS t(program_id, outcome, outcome_type, method, primary_method, estimate, low,"
              + " high, naive_difference, treated, controls, trimmed_controls, cost_per_outcome,"
              + " cost_per_outcome_low, cost_per_outcome_high)");
      // PRG01's 1,500 enrolled once more, in why an outcome has no estimate
      copy(
          statement,
          run,
          "program_impact_gaps",
          "SELECT * FROM (VALUES ('PRG01','reading_score','no_outcome_in_window','stored',"
              + "1500::BIGINT,1500::BIGINT,0::BIGINT,6400::BIGINT,0::BIGINT,NULL::DOUBLE,30,365,"
              + "20), ('PRG01','attendance','not_estimated','stored',1500::BIGINT,1500::BIGINT,"
              + "1500::BIGINT,6400::BIGINT,0::BIGINT,NULL::DOUBLE,30,365,20))"
              + " AS t(program_id, outcome, reason, reason_text, enrolled, in_scope,"
              + " treated_with_outcome, comparison_with_outcome, treated_outside_window,"
              + " median_days_outside_window, follow_up_start_days, follow_up_end_days,"
              + " minimum_group_size)");
      // 10 of the 7,000 comparison children live in R02: -0.1 gives them back
      copy(
          statement,
          run,
          "program_balance",
          "SELECT * FROM (VALUES ('PRG01','wellbeing_score','region_R02',-0.1,0.01,true,5,1),"
              + " ('PRG01','wellbeing_score','age',0.3,0.02,false,5,0)) AS t(program_id, outcome,"
              + " covariate, smd_before, smd_after, binary_covariate, strata, unbalanced_strata)");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Replaces the Parquet of {@code table} in {@code run} with what {@code select} gives. */
  static void copy(Statement statement, Path run, String table, String select) throws SQLException {
    Path folder = run.resolve(table);
    try {
      if (Files.isDirectory(folder)) {
        try (Stream<Path> files = Files.list(folder)) {
          for (Path file : files.toList()) {
            Files.delete(file);
          }
        }
      }
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    statement.execute(
        "COPY (" + select + ") TO '" + folder.resolve("part-0.parquet") + "' (FORMAT PARQUET)");
  }
}
