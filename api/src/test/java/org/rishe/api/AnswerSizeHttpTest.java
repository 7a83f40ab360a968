package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.api.auth.Role;

/**
 * The caps on how much one answer holds, over HTTP: a trend's span in months and a query's cells
 * (breakdown and margins). Over a cap is a 400 problem+json naming the cap and what was asked,
 * decided before the answer is computed, never a 500 or a long wait.
 */
class AnswerSizeHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path warehouse;

  private static JsonNode problem(RawHttp.Response response) throws Exception {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.isProblemJson()).isTrue();
    return JSON.readTree(response.body());
  }

  @Test
  void aTrendOfMoreThan240MonthsIsA400NamingTheCapAndTheSpanAndAtMostThatIsServed()
      throws Exception {
    try (TestServer server = TestServer.unlimited(warehouse)) {
      String trends = "/api/v1/dashboard/trends?metric=casesOpened";

      JsonNode tooLong = problem(server.rawGet(trends + "&from=2000-01&to=2024-12", Role.PLANNER));
      JsonNode wholeCalendar =
          problem(server.rawGet(trends + "&from=0000-01&to=9999-12", Role.PLANNER));
      RawHttp.Response atTheCap =
          server.rawGet(trends + "&from=2005-01&to=2024-12&limit=1000", Role.PLANNER);

      assertThat(tooLong.get("maximumPeriods").asInt()).isEqualTo(240);
      assertThat(tooLong.get("requestedPeriods").asInt()).isEqualTo(300);
      assertThat(tooLong.get("detail").asText())
          .isEqualTo(
              "the trend from 2000-01 to 2024-12 has 300 monthly points, more than the 240 one"
                  + " trend may have; pass from and to at most 240 months apart, e.g."
                  + " from=2005-01&to=2024-12");
      assertThat(wholeCalendar.get("requestedPeriods").asInt()).isEqualTo(120_000);
      assertThat(atTheCap.status()).as(atTheCap.body()).isEqualTo(200);
      assertThat(JSON.readTree(atTheCap.body()).get("points")).hasSize(240);
    }
  }

  @Test
  void theDefaultSpanIsCappedTooAndTheAnswerSaysFromAndToDefaultedToTheData() throws Exception {
    try (TestServer server =
        new TestServer(warehouse, TestServer.GENEROUS.withMaxTrendPeriods(1), List.of())) {
      // the fixture's Gregorian months run from 2024-01 to 2024-02
      JsonNode response =
          problem(server.rawGet("/api/v1/dashboard/trends?metric=casesOpened", Role.LEADERSHIP));

      assertThat(response.get("maximumPeriods").asInt()).isEqualTo(1);
      assertThat(response.get("requestedPeriods").asInt()).isEqualTo(2);
      assertThat(response.get("from").asText()).isEqualTo("2024-01");
      assertThat(response.get("to").asText()).isEqualTo("2024-02");
      assertThat(response.get("detail").asText())
          .contains("(an absent from or to is the data's first or last month)")
          .endsWith("e.g. from=2024-02&to=2024-02");
    }
  }

  @Test
  void aQueryOverTheCellCapIsA400NamingTheCountAndTheCapAndMarginsCount() throws Exception {
    // the fixture's cases cube: 3 regions × 2 problems × 2 sexes = 12 cells; its margins 17 more
    try (TestServer server =
        new TestServer(warehouse, TestServer.GENEROUS.withMaxQueryCells(20), List.of())) {
      String breakdown = "\"measure\":\"cases\",\"dimensions\":[\"region\",\"problem\",\"sex\"]";

      RawHttp.Response withoutTotals =
          server.postJson("/api/v1/query", "{" + breakdown + "}", Role.RESEARCHER);
      JsonNode withTotals =
          problem(
              server.postJson(
                  "/api/v1/query", "{" + breakdown + ",\"totals\":true}", Role.RESEARCHER));
      JsonNode filtered =
          JSON.readTree(
              server
                  .postJson(
                      "/api/v1/query",
                      "{" + breakdown + ",\"filters\":{\"region\":[\"R01\"]},\"totals\":true}",
                      Role.RESEARCHER)
                  .body());

      assertThat(withoutTotals.status()).as(withoutTotals.body()).isEqualTo(200);
      assertThat(JSON.readTree(withoutTotals.body()).get("rows")).hasSize(12);
      assertThat(withTotals.get("maximumCells").asLong()).isEqualTo(20);
      assertThat(withTotals.get("requestedCells").asLong()).isEqualTo(29);
      assertThat(withTotals.get("detail").asText())
          .isEqualTo(
              "a breakdown by region, problem, sex has 12 cells and its margins 17 more, more than"
                  + " the 20 one answer may hold: leave a dimension out or filter one to the"
                  + " values you need, or leave totals out");
      // R01 only: 4 cells, margins by sex and by problem (2 each) and R01's total: 9 in all
      assertThat(filtered.get("rows")).hasSize(4);
      assertThat(filtered.get("totals")).hasSize(3);
    }
  }
}
