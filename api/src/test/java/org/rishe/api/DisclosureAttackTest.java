package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
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
 * Plays a researcher against a served run built to tempt ({@link AttackRunFixture}): a region with
 * a handful of exposed cases beside larger regions and the overall row, a factor whose only small
 * cell is its missing answers, a monthly series with one small month among large ones, a programme
 * of six people and an outcome measured on eight, and a cases cube for {@code POST /query} holding
 * the same cases. Each attack is what a researcher could do with the answers: invert a ratio;
 * difference across levels (the overall row minus the regions), across routes (a query's margin
 * minus the months {@code /hotspots} serves), across queries (a region's total minus its months)
 * and across two moving-window baselines; page or ask for CSV; ask after a planner was answered the
 * same. None may give back a count of 1 to 10 (k = 11). Across runs: {@link
 * DisclosureAcrossRunsTest}.
 */
class DisclosureAttackTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int K = 11;
  private static final String PREFIX = "/api/v1";
  private static final List<String> REGIONS = AttackRunFixture.REGIONS;

  @TempDir static Path warehouse;
  private static ServedWarehouse server;
  private static String researcher;
  private static String planner;

  @BeforeAll
  static void serveTheRun() throws Exception {
    AttackRunFixture.publish(warehouse, "attack", false);
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
    answers.add(get(PREFIX + "/problems"));
    answers.add(get(PREFIX + "/hotspots?all=true&limit=1000"));
    answers.add(get(PREFIX + "/programs"));
    answers.add(get(PREFIX + "/programs/PRG01/impact"));
    answers.add(get(PREFIX + "/programs/PRG04/impact"));
    for (JsonNode answer : answers) {
      AttackRunFixture.assertNoCountFrom1To10(answer);
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
    int servedWhole = 0;
    for (String query : List.of("", "&region=R01", "&region=R02", "&region=R03")) {
      JsonNode answer = get(PREFIX + "/root-causes?problem=child_labour" + query);
      for (JsonNode factor : answer.get("factors")) {
        if (!factor.get("exposedCases").isNull() && !factor.get("unansweredMerged").asBoolean()) {
          // served whole, the total effect comes with its test: the table does tempt
          assertThat(factor.get("totalEffect").get("p").asDouble()).isEqualTo(0.015);
          assertThat(factor.get("totalEffect").get("q").asDouble()).isEqualTo(0.03);
          servedWhole++;
          continue;
        }
        // withheld or merged, the total effect goes with its p and q
        assertThat(factor.get("totalEffect").isNull())
            .as("totalEffect of withheld %s%s", factor.get("factor"), query)
            .isTrue();
        // merged, the adjusted odds ratio stays (a regression over every factor); the rest goes
        boolean merged = factor.get("unansweredMerged").asBoolean();
        for (String estimate :
            merged
                ? List.of("relativeRisk", "oddsRatio", "attributableFraction")
                : List.of(
                    "relativeRisk", "oddsRatio", "adjustedOddsRatio", "attributableFraction")) {
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
    assertThat(servedWhole).isPositive();
  }

  @Test
  void aRowSmallOnlyInItsUnansweredIsServedMergedSoNoFewerRegionRowsAreServed() throws Exception {
    // R03's parent_illiterate: 5 unanswered cases and 5 unanswered non-cases; merged, its
    // unexposed counts hold them (35 + 5 of 290 + 10) and no ratio of the split is served
    JsonNode r03 =
        factorRow(
            get(PREFIX + "/root-causes?problem=child_labour&region=R03"), "parent_illiterate");
    assertThat(r03.get("unansweredMerged").asBoolean()).isTrue();
    assertThat(r03.get("exposedCases").asLong()).isEqualTo(20);
    assertThat(r03.get("unexposedCases").asLong()).isEqualTo(40);
    assertThat(r03.get("unexposedTotal").asLong()).isEqualTo(300);
    for (String ratio : List.of("relativeRisk", "oddsRatio", "attributableFraction")) {
      assertThat(r03.get(ratio).get("estimate").isNull()).as(ratio).isTrue();
    }
    assertThat(r03.get("pValue").isNull()).isTrue();
    assertThat(r03.get("totalEffect").isNull()).isTrue();
    assertThat(r03.get("adjustedOddsRatio").get("estimate").asDouble()).isEqualTo(1.4);
    // the overall row minus R01 and R02 would split R03's: it is served merged too
    JsonNode overall =
        factorRow(get(PREFIX + "/root-causes?problem=child_labour"), "parent_illiterate");
    assertThat(overall.get("unansweredMerged").asBoolean()).isTrue();
    assertThat(overall.get("unexposedCases").asLong()).isEqualTo(55);
    // region rows served with their counts: row by row, withholding any row with a small cell of
    // six (the rule before the merge), 4 would be: out_of_school in R02 and R03, parent_illiterate
    // in R01 and R02; now out_of_school's R02 goes with R01 (their difference from the overall
    // row) but parent_illiterate's R03 is served merged
    int served = 0;
    for (String region : REGIONS) {
      for (JsonNode row :
          get(PREFIX + "/root-causes?problem=child_labour&region=" + region).get("factors")) {
        if (!row.get("exposedCases").isNull()) {
          served++;
        }
      }
    }
    assertThat(served).isGreaterThanOrEqualTo(4);
  }

  @Test
  void twoConsecutiveBaselinesGiveNoHiddenMonthAway() throws Exception {
    JsonNode hotspots = get(PREFIX + "/hotspots?all=true&region=R01&limit=1000").get("hotspots");
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
    JsonNode outcome =
        outcome(get(PREFIX + "/programs/PRG01/impact"), "outcomes", "school_enrolled");
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

  @Test
  void noRouteServesACellTheQueryWithholdsSoNoMarginMinusThemGivesOneBack() throws Exception {
    JsonNode answer =
        query(
            "{\"measure\":\"cases\",\"dimensions\":[\"region\",\"month\"],"
                + "\"filters\":{\"problem\":[\"malnutrition\"]},\"totals\":true}");
    Map<String, Long> cells = new HashMap<>();
    List<String> withheld = new ArrayList<>();
    for (JsonNode row : answer.get("rows")) {
      String key = row.get("region").asText() + " " + row.get("month").asText();
      if (row.get("suppressed").asBoolean()) {
        withheld.add(key);
      } else {
        cells.put(key, row.get("value").asLong());
      }
    }
    assertThat(withheld).as("the query withholds R01's small month").contains("R01 2024-12");
    // every month /hotspots serves is a cell the query serves, with the same count
    JsonNode hotspots = get(PREFIX + "/hotspots?all=true&limit=1000").get("hotspots");
    for (JsonNode hotspot : hotspots) {
      String key = hotspot.get("region").asText() + " " + hotspot.get("period").asText();
      if (!hotspot.get("observed").isNull()) {
        assertThat(cells.get(key)).as(key).isEqualTo(hotspot.get("observed").asLong());
      }
      cells.putIfAbsent(key, observed(hotspot));
    }
    cells.values().removeIf(java.util.Objects::isNull);
    // the attack: each month's total over regions minus the regions known from either route
    JsonNode byMonth = margin(answer, "month", "problem");
    for (JsonNode total : byMonth.get("rows")) {
      if (total.get("suppressed").asBoolean()) {
        continue;
      }
      String month = total.get("month").asText();
      long left = total.get("value").asLong();
      List<String> unknown = new ArrayList<>();
      for (String region : List.of("R01", "R02")) {
        Long known = cells.get(region + " " + month);
        if (known == null) {
          unknown.add(region);
        } else {
          left -= known;
        }
      }
      if (unknown.size() == 1) {
        assertThat(left)
            .as("%s %s: the month's total minus the region served", unknown, month)
            .matches(count -> count < 1 || count >= K, "not 1 to 10");
      }
    }
    // the small month's total is served: the attack had what it needed but the other region
    assertThat(byMonth.get("rows"))
        .anyMatch(
            total ->
                total.get("month").asText().equals(AttackRunFixture.SMALL_MONTH)
                    && total.get("value").asLong() == 5 + 30);
    // the planner's hotspots would complete the attack: R02's month is there for staff
    JsonNode plannerR02 =
        JSON.readTree(
            server
                .get(PREFIX + "/hotspots?all=true&region=R02&from=2024-12&to=2024-12", planner)
                .body());
    assertThat(plannerR02.get("hotspots").get(0).get("observed").asLong()).isEqualTo(30);
    assertThat(
            get(PREFIX + "/hotspots?all=true&region=R02&from=2024-12&to=2024-12")
                .get("hotspots")
                .get(0)
                .get("observed")
                .isNull())
        .isTrue();
  }

  @Test
  void allParticipantsMinusTheProgrammesServedGivesNoSmallProgrammeBack() throws Exception {
    JsonNode answer =
        query("{\"measure\":\"participants\",\"dimensions\":[\"program\"],\"totals\":true}");
    JsonNode grand = margin(answer).get("rows").get(0);
    assertThat(grand.get("value").asLong()).as("everyone enrolled anywhere").isEqualTo(1506);
    long left = grand.get("value").asLong();
    for (JsonNode program : get(PREFIX + "/programs").get("programs")) {
      if (!program.get("participants").isNull()) {
        left -= program.get("participants").asLong();
      }
    }
    assertThat(left)
        .as("all participants minus the programmes /programs serves")
        .matches(count -> count < 1 || count >= K, "not 1 to 10");
    // nor does why PRG01's reading score has no estimate give its 1,500 enrolled back, in
    // either language (its text words it "a withheld number")
    for (String lang : List.of("en", "fa")) {
      JsonNode gap =
          outcome(
              get(PREFIX + "/programs/PRG01/impact?lang=" + lang), "notEstimated", "reading_score");
      assertThat(gap.get("enrolled").isNull()).as(lang).isTrue();
      assertThat(gap.get("inScope").isNull()).as(lang).isTrue();
      assertThat(gap.get("text").asText())
          .as(lang)
          .doesNotContain("1,500", "1500", "۱٬۵۰۰", "۱۵۰۰")
          .startsWith(lang.equals("en") ? "a withheld number enrolled" : "شماری ناگفته");
    }
    // the planner's PRG01 would complete the attack
    assertThat(
            JSON.readTree(server.get(PREFIX + "/programs", planner).body())
                .get("programs")
                .get(0)
                .get("participants")
                .asLong())
        .isEqualTo(1500);
  }

  @Test
  void aProgrammeWithheldAsAComplementGivesNoCountOfItsParticipantsAwayInItsImpact()
      throws Exception {
    // PRG01's 1,500 participants are withheld as PRG04's complement (see above); its wellbeing
    // score was measured on all 1,500, so a served treated count would be the withheld cell
    JsonNode impact = get(PREFIX + "/programs/PRG01/impact");
    JsonNode wellbeing = outcome(impact, "outcomes", "wellbeing_score");
    assertThat(wellbeing.get("treated").isNull()).isTrue();
    assertThat(wellbeing.get("controls").asLong()).isEqualTo(7000);
    assertThat(wellbeing.get("estimate").get("estimate").asDouble()).isEqualTo(2.0);
    // the indicator's difference of shares over 1,500 and 7,000 would give R02's 10 comparison
    // children back; age's difference of means gives no count
    JsonNode region = wellbeing.get("balance").get(1);
    assertThat(region.get("covariate").asText()).isEqualTo("region_R02");
    assertThat(region.get("before").isNull()).isTrue();
    assertThat(region.get("after").isNull()).isTrue();
    // how many propensity strata are still unbalanced counts strata and test results, not people:
    // no count follows from it, so it stays
    assertThat(region.get("strata").asInt()).isEqualTo(5);
    assertThat(region.get("unbalancedStrata").asInt()).isEqualTo(1);
    JsonNode age = wellbeing.get("balance").get(0);
    assertThat(age.get("covariate").asText()).isEqualTo("age");
    assertThat(age.get("before").asDouble()).isEqualTo(0.3);
    // and why attendance has no estimate does not give the 1,500 with it either, in either language
    for (String lang : List.of("en", "fa")) {
      JsonNode gap =
          outcome(
              get(PREFIX + "/programs/PRG01/impact?lang=" + lang), "notEstimated", "attendance");
      assertThat(gap.get("treatedWithOutcome").isNull()).as(lang).isTrue();
      assertThat(gap.get("comparisonWithOutcome").asLong()).as(lang).isEqualTo(6400);
      assertThat(gap.get("text").asText())
          .as(lang)
          .doesNotContain("1,500", "1500", "۱٬۵۰۰", "۱۵۰۰")
          .contains(lang.equals("en") ? "a withheld number with the outcome" : "شماری ناگفته");
    }
    String csv = server.get(PREFIX + "/programs/PRG01/impact", researcher, "text/csv").body();
    assertThat(csv).doesNotContain("1500").doesNotContain("-0.1");
    // the planner sees them all
    JsonNode planned = plannersOutcome("wellbeing_score");
    assertThat(planned.get("treated").asLong()).isEqualTo(1500);
    assertThat(planned.get("balance").get(1).get("before").asDouble()).isEqualTo(-0.1);
  }

  @Test
  void aResearchersEstimatesAreRoundedSoNoDifferenceOfSharesGivesItsDenominatorAway()
      throws Exception {
    // 1,001/1,500 - 4,000/7,000 = 1,007/10,500: with the 7,000 served, that fraction names the
    // withheld 1,500; to three significant digits, 0.0959, it fits every group size the query's
    // 1,506 enrolled allow
    JsonNode attendance =
        outcome(get(PREFIX + "/programs/PRG01/impact"), "outcomes", "attendance_rate");
    assertThat(attendance.get("treated").isNull()).isTrue();
    assertThat(attendance.get("naiveDifference").asDouble()).isEqualTo(0.0959);
    assertThat(attendance.get("estimate").get("estimate").asDouble()).isEqualTo(0.0959);
    assertThat(attendance.get("estimate").get("low").asDouble()).isEqualTo(0.0612);
    assertThat(attendance.get("estimate").get("high").asDouble()).isEqualTo(0.130);
    double served = attendance.get("naiveDifference").asDouble();
    int fitting = 0;
    for (int treated = 11; treated <= 1506; treated++) {
      for (int controlsWith = 0; controlsWith <= 7000; controlsWith++) {
        double controlShare = controlsWith / 7000.0;
        long with = Math.round((served + controlShare) * treated);
        if (with >= 0
            && with <= treated
            && Math.abs((double) with / treated - controlShare - served) <= 0.00005) {
          fitting++;
          break;
        }
      }
    }
    assertThat(fitting).as("group sizes the rounded difference fits").isEqualTo(1506 - 10);
    // the planner gets the figures as computed
    JsonNode planned = plannersOutcome("attendance_rate");
    assertThat(planned.get("naiveDifference").asDouble()).isEqualTo(0.09590476190476194);
  }

  /** PRG01's {@code outcome} as the planner gets it. */
  private static JsonNode plannersOutcome(String outcome) throws Exception {
    return outcome(
        JSON.readTree(server.get(PREFIX + "/programs/PRG01/impact", planner).body()),
        "outcomes",
        outcome);
  }

  /** The entry of {@code list} in an impact answer whose outcome is {@code outcome}. */
  private static JsonNode outcome(JsonNode impact, String list, String outcome) {
    for (JsonNode entry : impact.get(list)) {
      if (outcome.equals(entry.get("outcome").asText())) {
        return entry;
      }
    }
    throw new AssertionError("no " + outcome + " in " + list + " of " + impact);
  }

  @Test
  void aRegionsTotalMinusItsMonthsAcrossTwoQueriesGivesNoMonthBack() throws Exception {
    JsonNode byRegion =
        query(
            "{\"measure\":\"cases\",\"dimensions\":[\"region\"],"
                + "\"filters\":{\"problem\":[\"malnutrition\"]}}");
    JsonNode byMonth =
        query(
            "{\"measure\":\"cases\",\"dimensions\":[\"month\"],"
                + "\"filters\":{\"problem\":[\"malnutrition\"],\"region\":[\"R01\"]}}");
    long total = -1;
    for (JsonNode row : byRegion.get("rows")) {
      if (row.get("region").asText().equals("R01")) {
        total = row.get("value").asLong();
      }
    }
    // R01's months: 20 cases each but one of 5
    assertThat(total).isEqualTo((AttackRunFixture.MONTHS - 1) * 20 + 5);
    List<String> unknown = new ArrayList<>();
    long left = total;
    for (JsonNode row : byMonth.get("rows")) {
      if (row.get("suppressed").asBoolean()) {
        unknown.add(row.get("month").asText());
      } else {
        left -= row.get("value").asLong();
      }
    }
    assertThat(unknown).contains(AttackRunFixture.SMALL_MONTH).hasSizeGreaterThan(1);
    assertThat(left).as("the months withheld together").isGreaterThanOrEqualTo(K);
  }

  @Test
  void pagingAndCsvServeWhatOnePageOfJsonServes() throws Exception {
    String path = PREFIX + "/hotspots?all=true&region=R01";
    JsonNode whole = get(path + "&limit=1000").get("hotspots");
    // JSON one row a page
    List<JsonNode> paged = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page = get(path + "&limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
      page.get("hotspots").forEach(paged::add);
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
    } while (cursor != null);
    assertThat(paged).hasSize(whole.size());
    for (int i = 0; i < paged.size(); i++) {
      assertThat(paged.get(i)).isEqualTo(whole.get(i));
    }
    // CSV, whole and two rows a page: the same months with the same cells withheld
    List<String[]> csv = csvRows(server.get(path + "&limit=1000", researcher, "text/csv").body());
    List<String[]> csvPaged = new ArrayList<>();
    cursor = null;
    do {
      var response =
          server.get(
              path + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
              researcher,
              "text/csv");
      csvPaged.addAll(csvRows(response.body()));
      cursor = response.headers().firstValue("Next-Cursor").orElse(null);
    } while (cursor != null);
    assertThat(csv).hasSize(whole.size());
    assertThat(csvPaged).hasSize(whole.size());
    for (int i = 0; i < csv.size(); i++) {
      JsonNode row = whole.get(i);
      for (String[] line : List.of(csv.get(i), csvPaged.get(i))) {
        assertThat(line[2]).isEqualTo(row.get("period").asText());
        assertThat(line[3])
            .isEqualTo(row.get("observed").isNull() ? "" : row.get("observed").asText());
        assertThat(line[4].isEmpty()).isEqualTo(row.get("expected").isNull());
        if (!line[3].isEmpty()) {
          assertThat(Long.parseLong(line[3])).matches(count -> count < 1 || count >= K);
        }
      }
    }
    // a withheld root-cause row in CSV: its counts and ratios are empty cells
    String rootCauses =
        server
            .get(PREFIX + "/root-causes?problem=child_labour&region=R01", researcher, "text/csv")
            .body();
    String outOfSchool =
        rootCauses
            .lines()
            .filter(line -> line.startsWith("out_of_school,"))
            .findFirst()
            .orElseThrow();
    assertThat(outOfSchool)
        .doesNotContain(",4,")
        .doesNotContain("1.5")
        .doesNotContain("0.12")
        .doesNotContain("0.015");
  }

  @Test
  void anAnswerCachedForAPlannerIsNeverServedToAResearcher() throws Exception {
    for (String accept : java.util.Arrays.asList(null, "text/csv")) {
      String path = PREFIX + "/root-causes?problem=child_labour&region=R01&lang=en";
      String plannerAnswer = server.get(path, planner, accept).body();
      assertThat(plannerAnswer).contains("4");
      for (String asked :
          List.of(path, PREFIX + "/root-causes?region=R01&lang=en&problem=child_labour")) {
        String answer = server.get(asked, researcher, accept).body();
        assertThat(answer).as(asked).isNotEqualTo(plannerAnswer);
        if (accept == null) {
          JsonNode row = factorRow(JSON.readTree(answer), "out_of_school");
          assertThat(row.get("exposedCases").isNull()).isTrue();
          assertThat(row.get("attributableFraction").get("estimate").isNull()).isTrue();
        } else {
          assertThat(answer.lines().filter(line -> line.startsWith("out_of_school,")))
              .allMatch(line -> !line.contains(",4,"));
        }
      }
      // and the researcher's answer, now cached, is what the researcher gets again
      assertThat(server.get(path, researcher, accept).body())
          .isEqualTo(server.get(path, researcher, accept).body());
    }
  }

  /** A month's served count; null when withheld or not in the table. */
  private static Long observed(JsonNode month) {
    return month == null || month.get("observed").isNull() ? null : month.get("observed").asLong();
  }

  /** A margin of a query answer: the totals table over exactly {@code dimensions}. */
  private static JsonNode margin(JsonNode answer, String... dimensions) {
    for (JsonNode total : answer.get("totals")) {
      List<String> names = new ArrayList<>();
      total.get("dimensions").forEach(name -> names.add(name.asText()));
      if (names.equals(List.of(dimensions))) {
        return total;
      }
    }
    throw new AssertionError("no margin " + List.of(dimensions) + " in " + answer);
  }

  private static JsonNode query(String body) throws Exception {
    var response = server.post(PREFIX + "/query", researcher, body);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** The rows of a CSV answer without its header; cells are plain here (no quotes needed). */
  private static List<String[]> csvRows(String csv) {
    return csv.lines().skip(1).map(line -> line.split(",", -1)).toList();
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
}
