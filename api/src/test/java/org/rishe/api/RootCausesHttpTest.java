package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.rishe.api.auth.Role;

/** {@code /root-causes?problem=P[&region=R]} over real HTTP, on the fixture's root_causes rows. */
class RootCausesHttpTest extends OneServerPerClass {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void factorsAreRankedByAdjustedOddsRatioWithThoseWithoutOneLast() throws Exception {
    HttpResponse<String> response =
        server.get("/api/v1/root-causes?problem=child_labour", Role.PLANNER);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("problem").asText()).isEqualTo("child_labour");
    assertThat(body.get("region").isNull()).isTrue();
    assertThat(body.get("population").asLong()).isEqualTo(1240);
    assertThat(body.get("cases").asLong()).isEqualTo(120);
    JsonNode factors = body.get("factors");
    assertThat(factors).hasSize(3);
    assertThat(factors.get(0).get("factor").asText()).isEqualTo("out_of_school");
    assertThat(factors.get(1).get("factor").asText()).isEqualTo("parent_illiterate");
    assertThat(factors.get(2).get("factor").asText()).isEqualTo("learning_difficulty");
    JsonNode first = factors.get(0);
    assertThat(first.get("exposedCases").asLong()).isEqualTo(50);
    assertThat(first.get("unexposedTotal").asLong()).isEqualTo(1000);
    assertThat(first.get("adjustedOddsRatio").get("estimate").asDouble()).isEqualTo(2.5);
    assertThat(first.get("adjustedOddsRatio").get("low").asDouble()).isEqualTo(1.7);
    assertThat(first.get("relativeRisk").get("high").asDouble()).isEqualTo(4.4);
    assertThat(first.get("attributableFraction").get("estimate").asDouble()).isEqualTo(0.24);
    assertThat(first.get("qValue").asDouble()).isEqualTo(1e-6);
    assertThat(first.get("medianLeadDays").asDouble()).isEqualTo(150.0);
    assertThat(first.get("evidence").asText()).isEqualTo("strong");
    assertThat(factors.get(2).get("adjustedOddsRatio").get("estimate").isNull()).isTrue();
    assertThat(factors.get(2).get("exposedCases").asLong()).isEqualTo(7);
    JsonNode total = first.get("totalEffect");
    assertThat(total.get("riskRatio").get("estimate").asDouble()).isEqualTo(2.1);
    assertThat(total.get("riskRatio").get("low").asDouble()).isEqualTo(1.5);
    assertThat(total.get("riskDifference").get("high").asDouble()).isEqualTo(0.18);
    assertThat(total.get("adjustedFor")).hasSize(1);
    assertThat(total.get("adjustedFor").get(0).asText()).isEqualTo("parent_illiterate");
    assertThat(total.get("p").asDouble()).isEqualTo(1.0e-5);
    assertThat(total.get("q").asDouble()).isEqualTo(4.0e-5);
    assertThat(factors.get(1).get("totalEffect").isNull()).isTrue();
  }

  @Test
  void researchersSeeNoFactorRowWithACellOfOneToTenPeople() throws Exception {
    JsonNode factors =
        JSON.readTree(
                server.get("/api/v1/root-causes?problem=child_labour", Role.RESEARCHER).body())
            .get("factors");

    // learning_difficulty: 7 exposed cases. With 150 exposed, 113 of 1050 unexposed cases, 1240
    // people and 120 cases served, and OR 0.45 with its interval, 7 is one subtraction or one
    // equation away, so the whole row's counts and crude ratios go, not only the 7.
    JsonNode learning = factors.get(2);
    assertThat(learning.get("factor").asText()).isEqualTo("learning_difficulty");
    for (String field : new String[] {"exposedCases", "exposedTotal", "unexposedCases"}) {
      assertThat(learning.get(field).isNull()).as(field).isTrue();
    }
    assertThat(learning.get("unexposedTotal").isNull()).isTrue();
    assertThat(learning.get("oddsRatio").get("estimate").isNull()).isTrue();
    assertThat(learning.get("relativeRisk").get("low").isNull()).isTrue();
    assertThat(learning.get("pValue").isNull()).isTrue();
    assertThat(learning.get("evidence").asText()).isEqualTo("insufficient data");
    // out_of_school: cells 50, 150, 70, 930 and 40 missing without the problem: all 11 or more
    JsonNode school = factors.get(0);
    assertThat(school.get("exposedCases").asLong()).isEqualTo(50);
    assertThat(school.get("oddsRatio").get("estimate").asDouble()).isEqualTo(3.9);
    assertThat(school.get("adjustedOddsRatio").get("estimate").asDouble()).isEqualTo(2.5);
  }

  @Test
  void aRepeatedRequestIsAnsweredAlikeButNeverWithAnotherRolesAnswer() throws Exception {
    String path = "/api/v1/root-causes?problem=child_labour&region=R01";
    String planner = server.get(path, Role.PLANNER).body();
    String researcher = server.get(path, Role.RESEARCHER).body();

    assertThat(server.get(path, Role.PLANNER).body()).isEqualTo(planner);
    assertThat(server.get(path, Role.RESEARCHER).body()).isEqualTo(researcher);
    assertThat(JSON.readTree(planner).get("factors").get(0).get("exposedCases").asLong())
        .isEqualTo(9);
    assertThat(JSON.readTree(researcher).get("factors").get(0).get("exposedCases").isNull())
        .isTrue();
  }

  @Test
  void factorsComeAsCsvAndInPages() throws Exception {
    HttpResponse<String> csv =
        server.get("/api/v1/root-causes?problem=child_labour&limit=2", Role.PLANNER, "text/csv");

    assertThat(csv.statusCode()).isEqualTo(200);
    String[] lines = csv.body().split("\r\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0])
        .startsWith(
            "factor,label,exposedCases,exposedTotal,unexposedCases,unexposedTotal,"
                + "relativeRisk.estimate,relativeRisk.low,relativeRisk.high,");
    // the fixture's catalogue names only problems, so a factor's label is its code
    assertThat(lines[1]).startsWith("out_of_school,out_of_school,50,200,70,1000,3.2,2.3,4.4,");
    String next = csv.headers().firstValue("Next-Cursor").orElseThrow();
    JsonNode last =
        JSON.readTree(
            server
                .get(
                    "/api/v1/root-causes?problem=child_labour&limit=2&cursor=" + next, Role.PLANNER)
                .body());
    assertThat(last.get("factors")).hasSize(1);
    assertThat(last.get("factors").get(0).get("factor").asText()).isEqualTo("learning_difficulty");
    assertThat(last.get("nextCursor").isNull()).isTrue();
  }

  @Test
  void aRegionGivesThatRegionsRowsWithItsOwnPopulation() throws Exception {
    JsonNode body =
        JSON.readTree(
            server
                .get("/api/v1/root-causes?problem=child_labour&region=R01", Role.RESEARCHER)
                .body());

    assertThat(body.get("region").asText()).isEqualTo("R01");
    assertThat(body.get("population").asLong()).isEqualTo(150);
    assertThat(body.get("factors")).hasSize(1);
    JsonNode factor = body.get("factors").get(0);
    assertThat(factor.get("exposedCases").isNull()).isTrue();
    assertThat(factor.get("unexposedCases").isNull()).isTrue();
    assertThat(factor.get("exposedTotal").isNull()).isTrue();
    // its total effect is adjusted for nothing, so it is the crude risk ratio: withheld too, and
    // its test's p and q (0.0175 and 0.035 in the table) with it
    assertThat(factor.get("totalEffect").isNull()).isTrue();
    assertThat(body.toString()).doesNotContain("0.0175").doesNotContain("0.035");
    // the adjusted odds ratio and attributable fraction go with the counts: AF = p(aOR-1)/aOR
    // gives the exposed share of cases p, and with the cases served the small cell follows
    assertThat(factor.get("adjustedOddsRatio").get("estimate").isNull()).isTrue();
    assertThat(factor.get("attributableFraction").get("estimate").isNull()).isTrue();
  }

  @Test
  void unknownProblemOrRegionIsA404ListingTheValidCodes() throws Exception {
    HttpResponse<String> problem =
        server.get("/api/v1/root-causes?problem=unicorns", Role.LEADERSHIP);
    HttpResponse<String> region =
        server.get("/api/v1/root-causes?problem=child_labour&region=R99", Role.LEADERSHIP);

    assertThat(problem.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(problem.body()).get("validCodes").toString())
        .isEqualTo("[\"child_labour\",\"child_marriage\",\"dropout\"]");
    assertThat(region.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(region.body()).get("validCodes").toString()).isEqualTo("[\"R01\"]");
  }

  @Test
  void aMissingProblemIsA400ThatSaysHowToAskAndListsTheCodes() throws Exception {
    HttpResponse<String> response = server.get("/api/v1/root-causes", Role.ADMIN);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("detail").asText())
        .isEqualTo(
            "the problem parameter is required: add ?problem=CODE with a code from validCodes");
    assertThat(body.get("validCodes")).hasSize(3);
  }
}
