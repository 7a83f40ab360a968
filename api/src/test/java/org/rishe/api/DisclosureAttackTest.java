package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.api.auth.Role;

/**
 * Plays a researcher against a served run built to tempt: a region with a handful of exposed cases
 * beside larger regions and the overall row, a factor whose only small cell is its missing answers,
 * a monthly series with one small month among large ones, a programme of six people and an outcome
 * measured on eight. Each attack is what a researcher could do with the answers (subtract, invert a
 * ratio, difference two baselines); none may give back a count of 1 to 10 (k = 11).
 */
class DisclosureAttackTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int K = 11;
  private static final String PREFIX = "/api/v1";
  private static final List<String> REGIONS = List.of("R01", "R02", "R03");

  @TempDir static Path warehouse;
  private static ServedWarehouse server;
  private static String researcher;
  private static String planner;

  @BeforeAll
  static void serveTheRun() throws Exception {
    PublishedRunFixture.writeRootCauses(warehouse, "base");
    PublishedRunFixture.writePrograms(warehouse, "base");
    PublishedRunFixture.publish(
        warehouse,
        "base",
        List.of(
            new PublishedRunFixture.Problem("child_labour", "Child labour", "کار کودک", 104, 104)));
    Path base = warehouse.resolve("results/base");
    Path run = warehouse.resolve("results/attack");
    PublishedRunFixture.copyFolder(base, run);
    writeAttackTables(run);
    Files.writeString(
        run.resolve("run.json"), "{\"runId\":\"attack\",\"publishedAt\":\"2026-12-04T00:00:00Z\"}");
    Files.writeString(warehouse.resolve("results/LATEST"), "attack\n");
    server = new ServedWarehouse(warehouse);
    server.awaitRun("attack");
    researcher = server.keys.create(Role.RESEARCHER, null);
    planner = server.keys.create(Role.PLANNER, null);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void noServedCountIsOneToTen() throws Exception {
    List<JsonNode> answers = new ArrayList<>();
    answers.add(get(PREFIX + "/root-causes?problem=child_labour"));
    for (String region : REGIONS) {
      answers.add(get(PREFIX + "/root-causes?problem=child_labour&region=" + region));
    }
    answers.add(get(PREFIX + "/hotspots?all=true"));
    answers.add(get(PREFIX + "/programs"));
    answers.add(get(PREFIX + "/programs/PRG01/impact"));
    answers.add(get(PREFIX + "/programs/PRG04/impact"));
    for (JsonNode answer : answers) {
      for (String field :
          List.of(
              "population",
              "cases",
              "exposedCases",
              "exposedTotal",
              "unexposedCases",
              "unexposedTotal",
              "observed",
              "participants",
              "treated",
              "controls",
              "trimmedControls")) {
        for (JsonNode value : answer.findValues(field)) {
          if (value.isNumber()) {
            assertThat(value.asLong())
                .as("%s in %s", field, answer)
                .matches(count -> count < 1 || count >= K, "not 1 to 10");
          }
        }
      }
    }
  }

  @Test
  void theOverallRowMinusTheRegionsServedGivesNoRegionAway() throws Exception {
    JsonNode overall = get(PREFIX + "/root-causes?problem=child_labour");
    Map<String, JsonNode> regions = new HashMap<>();
    for (String region : REGIONS) {
      regions.put(region, get(PREFIX + "/root-causes?problem=child_labour&region=" + region));
    }
    // the population and cases of each region
    long[] totalsLeft = totals(overall);
    if (totalsLeft != null) {
      for (JsonNode region : regions.values()) {
        long[] totals = totals(region);
        if (totals != null) {
          totalsLeft[0] -= totals[0];
          totalsLeft[1] -= totals[1];
        }
      }
      for (long cell : totalsLeft) {
        assertThat(cell)
            .as("cases or non-cases of the regions withheld")
            .matches(count -> count < 1 || count >= K, "not 1 to 10");
      }
    }
    // each factor's six cells
    for (JsonNode factor : overall.get("factors")) {
      long[] left = cells(overall, factor);
      if (left == null) {
        continue;
      }
      List<String> served = new ArrayList<>();
      for (String region : REGIONS) {
        JsonNode row = factorRow(regions.get(region), factor.get("factor").asText());
        long[] cells = row == null ? null : cells(regions.get(region), row);
        if (cells != null) {
          served.add(region);
          for (int cell = 0; cell < left.length; cell++) {
            left[cell] -= cells[cell];
          }
        }
      }
      for (long cell : left) {
        assertThat(cell)
            .as("%s: overall minus %s", factor.get("factor").asText(), served)
            .matches(count -> count < 1 || count >= K, "not 1 to 10");
      }
    }
    // the planner sees R01's small cell, so the test data does tempt
    JsonNode plannerR01 =
        JSON.readTree(
            server.get(PREFIX + "/root-causes?problem=child_labour&region=R01", planner).body());
    assertThat(factorRow(plannerR01, "out_of_school").get("exposedCases").asLong()).isEqualTo(4);
  }

  @Test
  void aWithheldRowServesNoRatioToInvert() throws Exception {
    for (String query : List.of("", "&region=R01", "&region=R02", "&region=R03")) {
      JsonNode answer = get(PREFIX + "/root-causes?problem=child_labour" + query);
      for (JsonNode factor : answer.get("factors")) {
        if (!factor.get("exposedCases").isNull()) {
          continue;
        }
        for (String estimate :
            List.of("relativeRisk", "oddsRatio", "adjustedOddsRatio", "attributableFraction")) {
          for (String part : List.of("estimate", "low", "high")) {
            assertThat(factor.get(estimate).get(part).isNull())
                .as("%s.%s of withheld %s%s", estimate, part, factor.get("factor"), query)
                .isTrue();
          }
        }
        assertThat(factor.get("pValue").isNull()).isTrue();
        assertThat(factor.get("qValue").isNull()).isTrue();
      }
    }
  }

  @Test
  void twoConsecutiveBaselinesGiveNoHiddenMonthAway() throws Exception {
    JsonNode hotspots = get(PREFIX + "/hotspots?all=true&limit=1000").get("hotspots");
    Map<String, JsonNode> byMonth = new HashMap<>();
    for (JsonNode hotspot : hotspots) {
      byMonth.put(hotspot.get("period").asText(), hotspot);
    }
    int recovered = 0;
    for (JsonNode hotspot : hotspots) {
      YearMonth month = YearMonth.parse(hotspot.get("period").asText());
      JsonNode next = byMonth.get(month.plusMonths(1).toString());
      if (next == null || hotspot.get("expected").isNull() || next.get("expected").isNull()) {
        continue;
      }
      // baseline(t+1) - baseline(t) = (count(t-2) - count(t-9)) / 7: one month known gives the
      // other, whether it is withheld or was never assessed (and so served nowhere)
      double seventhOfDifference =
          7 * (next.get("expected").asDouble() - hotspot.get("expected").asDouble());
      Long in = observed(byMonth.get(month.minusMonths(2).toString()));
      Long out = observed(byMonth.get(month.minusMonths(9).toString()));
      if (in != null && out != null) {
        assertThat(Math.round(seventhOfDifference + out)).isEqualTo(in);
        recovered++;
      } else if (in != null || out != null) {
        long derived =
            in == null
                ? Math.round(seventhOfDifference + out)
                : Math.round(in - seventhOfDifference);
        assertThat(derived)
            .as("the month %s or %s", month.minusMonths(2), month.minusMonths(9))
            .matches(count -> count < 1 || count >= K, "not 1 to 10");
      }
    }
    assertThat(recovered).as("the attack works on months that are served").isPositive();
    JsonNode hidden = byMonth.get("2024-12");
    assertThat(hidden.get("observed").isNull()).isTrue();
    assertThat(hidden.get("expected").isNull()).isTrue();
    assertThat(hidden.get("score").isNull()).isTrue();
  }

  @Test
  void aSmallProgrammeAndAnOutcomeOnAHandfulOfChildrenShowNoNumbers() throws Exception {
    JsonNode programs = get(PREFIX + "/programs").get("programs");
    JsonNode small =
        Stream.of(programs.get(0), programs.get(1))
            .filter(p -> p.get("id").asText().equals("PRG04"))
            .findFirst()
            .orElseThrow();
    assertThat(small.get("participants").isNull()).isTrue();
    JsonNode outcome = get(PREFIX + "/programs/PRG01/impact").get("outcomes").get(0);
    assertThat(outcome.get("treated").isNull()).isTrue();
    assertThat(outcome.get("estimate").get("estimate").isNull()).isTrue();
    assertThat(outcome.get("naiveDifference").isNull()).isTrue();
    assertThat(outcome.get("balance")).isEmpty();
    for (JsonNode method : outcome.get("methods")) {
      assertThat(method.get("estimate").get("estimate").isNull()).isTrue();
    }
    String csv = server.get(PREFIX + "/programs/PRG01/impact", researcher, "text/csv").body();
    assertThat(csv).doesNotContain("0.15").doesNotContain(",8,");
  }

  /** A month's served count; null when withheld or not in the table. */
  private static Long observed(JsonNode month) {
    return month == null || month.get("observed").isNull() ? null : month.get("observed").asLong();
  }

  private static JsonNode get(String path) throws Exception {
    var response = server.get(path, researcher);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static long[] totals(JsonNode answer) {
    if (answer.get("population").isNull() || answer.get("cases").isNull()) {
      return null;
    }
    long cases = answer.get("cases").asLong();
    return new long[] {cases, answer.get("population").asLong() - cases};
  }

  private static JsonNode factorRow(JsonNode answer, String factor) {
    for (JsonNode row : answer.get("factors")) {
      if (row.get("factor").asText().equals(factor)) {
        return row;
      }
    }
    return null;
  }

  /** The six cells a caller can work out of a served row, or null when any is withheld. */
  private static long[] cells(JsonNode answer, JsonNode row) {
    long[] totals = totals(answer);
    if (totals == null) {
      return null;
    }
    for (String field :
        List.of("exposedCases", "exposedTotal", "unexposedCases", "unexposedTotal")) {
      if (row.get(field).isNull()) {
        return null;
      }
    }
    long exposedCases = row.get("exposedCases").asLong();
    long exposedTotal = row.get("exposedTotal").asLong();
    long unexposedCases = row.get("unexposedCases").asLong();
    long unexposedTotal = row.get("unexposedTotal").asLong();
    long missingCases = totals[0] - exposedCases - unexposedCases;
    long missingTotal = totals[0] + totals[1] - exposedTotal - unexposedTotal;
    return new long[] {
      exposedCases,
      exposedTotal - exposedCases,
      unexposedCases,
      unexposedTotal - unexposedCases,
      missingCases,
      missingTotal - missingCases
    };
  }

  /**
   * The run's tempting tables. Root causes of child_labour in three regions (everyone has one):
   * out_of_school has 4 exposed cases in R01; parent_illiterate has 5 unanswered cases and 5
   * unanswered non-cases in R03 only. The monthly malnutrition series of R01 has 20 cases a month
   * but 5 in 2024-12; PRG04 has 6 participants; PRG01's outcome was measured on 8 enrolled.
   */
  private static void writeAttackTables(Path run) {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      StringBuilder rows = new StringBuilder();
      // region, factor, exposed cases, exposed total, unexposed cases, unexposed total,
      // population, cases
      Object[][] factors = {
        {"R01", "out_of_school", 4, 20, 10, 40, 60, 14},
        {"R02", "out_of_school", 12, 60, 18, 140, 200, 30},
        {"R03", "out_of_school", 25, 120, 35, 280, 400, 60},
        {null, "out_of_school", 41, 200, 63, 460, 660, 104},
        {"R01", "parent_illiterate", 14, 30, 0, 30, 60, 14},
        {"R02", "parent_illiterate", 15, 70, 15, 130, 200, 30},
        {"R03", "parent_illiterate", 20, 100, 35, 290, 400, 60},
        {null, "parent_illiterate", 49, 200, 50, 450, 660, 104}
      };
      for (Object[] f : factors) {
        long missing = (int) f[6] - (int) f[3] - (int) f[5];
        rows.append(rows.length() == 0 ? "" : ",")
            .append(
                String.format(
                    "('child_labour',%s,'%s',%d::BIGINT,%d::BIGINT,%d::BIGINT,%d::BIGINT,"
                        + "%d::BIGINT,1.5,1.1,2.0,1.6,1.1,2.2,1.4,1.0,1.9,0.12,0.01,0.2,0.01,"
                        + "0.02,100.0,'moderate',%d::BIGINT,%d::BIGINT)",
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
              + " median_lead_days, evidence, population, cases)");
      // EARS C2 as analyze publishes it: a month is assessed once 9 months precede it; its
      // expected count is the mean of the months 3 to 9 before it
      YearMonth first = YearMonth.of(2023, 6);
      long[] counts = new long[24];
      java.util.Arrays.fill(counts, 20);
      counts[(int) first.until(YearMonth.of(2024, 12), java.time.temporal.ChronoUnit.MONTHS)] = 5;
      StringBuilder months = new StringBuilder();
      for (int t = 9; t < counts.length; t++) {
        double expected = 0;
        for (int back = 3; back <= 9; back++) {
          expected += counts[t - back] / 7.0;
        }
        months
            .append(months.length() == 0 ? "" : ",")
            .append(
                String.format(
                    java.util.Locale.ROOT,
                    "('R01','malnutrition','%s',%d::BIGINT,%.17g::DOUBLE,%.17g::DOUBLE,false)",
                    first.plusMonths(t),
                    counts[t],
                    expected,
                    counts[t] - expected));
      }
      copy(
          statement,
          run,
          "hotspots",
          "SELECT * FROM (VALUES "
              + months
              + ") AS t(region, problem, period, observed, expected, score, flagged)");
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
              + "0.02,0.08,0.05,8::BIGINT,7000::BIGINT,40::BIGINT,900.0,562.5,2250.0))"
              + " AS t(program_id, outcome, outcome_type, method, primary_method, estimate, low,"
              + " high, naive_difference, treated, controls, trimmed_controls, cost_per_outcome,"
              + " cost_per_outcome_low, cost_per_outcome_high)");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void copy(Statement statement, Path run, String table, String select)
      throws SQLException {
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
