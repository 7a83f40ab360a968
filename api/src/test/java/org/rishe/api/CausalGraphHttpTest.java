package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.api.auth.Role;

/** {@code /causal-graph} and {@code /root-causes/{problem}/chains} over real HTTP. */
class CausalGraphHttpTest extends OneServerPerClass {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void causalGraphListsNodesWithKindsAndEdgesWithDirectionAndStability() throws Exception {
    HttpResponse<String> response = server.get("/api/v1/causal-graph", Role.PLANNER);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("run").asText()).isEqualTo("run-1");
    assertThat(body.get("nodes")).hasSize(4);
    JsonNode first = body.get("nodes").get(0);
    assertThat(first.get("id").asText()).isEqualTo("age_band");
    assertThat(first.get("kind").asText()).isEqualTo("demographic");
    assertThat(body.get("edges")).hasSize(3);
    JsonNode edge = body.get("edges").get(1);
    assertThat(edge.get("from").asText()).isEqualTo("out_of_school");
    assertThat(edge.get("to").asText()).isEqualTo("child_labour");
    assertThat(edge.get("directed").asBoolean()).isTrue();
    assertThat(edge.get("stability").asDouble()).isEqualTo(0.8);
    assertThat(body.get("edges").get(0).get("directed").asBoolean()).isFalse();
  }

  @Test
  void persianLabelsAreServedOnAsk() throws Exception {
    JsonNode body =
        JSON.readTree(server.get("/api/v1/causal-graph?lang=fa", Role.LEADERSHIP).body());

    assertThat(body.get("nodes").get(1).get("label").asText()).isEqualTo("کار کودک");
  }

  @Test
  void chainsOfAProblemComeInRankOrderWithPathEffectsAndShareMediated() throws Exception {
    HttpResponse<String> response =
        server.get("/api/v1/root-causes/child_labour/chains", Role.RESEARCHER);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("problem").asText()).isEqualTo("child_labour");
    JsonNode chains = body.get("chains");
    assertThat(chains).hasSize(2);
    JsonNode first = chains.get(0);
    assertThat(first.get("path").toString())
        .isEqualTo("[\"parent_illiterate\",\"out_of_school\",\"child_labour\"]");
    assertThat(first.get("direct").asDouble()).isEqualTo(0.1);
    assertThat(first.get("indirect").asDouble()).isEqualTo(0.3);
    assertThat(first.get("total").asDouble()).isEqualTo(0.4);
    assertThat(first.get("shareMediated").asDouble()).isEqualTo(0.75);
    assertThat(first.get("effectScale").asText()).isEqualTo("risk difference");
    assertThat(first.get("families").asLong()).isEqualTo(5210);
    assertThat(first.get("riskExposed").asDouble()).isEqualTo(0.55);
    assertThat(first.get("riskUnexposed").asDouble()).isEqualTo(0.15);
    assertThat(chains.get(1).get("shareMediated").isNull()).isTrue();
  }

  @Test
  void eachChainSaysWhetherItIsDirectedOnHowManyPeopleAndGivesEachEffectsInterval()
      throws Exception {
    JsonNode chains =
        JSON.readTree(server.get("/api/v1/root-causes/child_labour/chains", Role.PLANNER).body())
            .get("chains");

    JsonNode directed = chains.get(0);
    assertThat(directed.get("directed").isBoolean()).isTrue();
    assertThat(directed.get("directed").asBoolean()).isTrue();
    assertThat(directed.get("people").asLong()).isEqualTo(11620);
    assertThat(directed.get("directLow").asDouble()).isEqualTo(0.02);
    assertThat(directed.get("directHigh").asDouble()).isEqualTo(0.18);
    assertThat(directed.get("indirectLow").asDouble()).isEqualTo(0.21);
    assertThat(directed.get("indirectHigh").asDouble()).isEqualTo(0.39);
    assertThat(directed.get("totalLow").asDouble()).isEqualTo(0.3);
    assertThat(directed.get("totalHigh").asDouble()).isEqualTo(0.5);
    JsonNode possible = chains.get(1);
    assertThat(possible.get("path").toString())
        .isEqualTo("[\"age_band\",\"out_of_school\",\"child_labour\"]");
    assertThat(possible.get("directed").asBoolean()).isFalse();
    assertThat(possible.get("people").asLong()).isEqualTo(9870);
    assertThat(possible.get("total").asDouble()).isEqualTo(0.0);
    assertThat(possible.get("totalLow").asDouble()).isEqualTo(-0.09);
    assertThat(possible.get("totalHigh").asDouble()).isEqualTo(0.1);
    assertThat(possible.get("directLow").asDouble()).isEqualTo(-0.11);
    assertThat(possible.get("indirectHigh").asDouble()).isEqualTo(0.06);
  }

  @Test
  void aResearcherDoesNotSeeASampleSizeOf1ToKMinus1() throws Exception {
    String path = "/api/v1/root-causes/dropout/chains";
    JsonNode planner = JSON.readTree(server.get(path, Role.PLANNER).body()).get("chains").get(0);
    JsonNode researcher =
        JSON.readTree(server.get(path, Role.RESEARCHER).body()).get("chains").get(0);

    assertThat(planner.get("people").asLong()).isEqualTo(7);
    assertThat(researcher.get("people").isNull()).isTrue();
    // effects fitted on a handful of children describe them: they go with the sample size
    assertThat(planner.get("total").asDouble()).isEqualTo(0.6);
    assertThat(researcher.get("total").isNull()).isTrue();
    assertThat(researcher.get("direct").isNull()).isTrue();
    assertThat(researcher.get("families").isNull()).isTrue();
    assertThat(researcher.get("riskExposed").isNull()).isTrue();
    assertThat(researcher.get("effectScale").asText()).isEqualTo("risk difference");
    assertThat(planner.get("families").asLong()).isEqualTo(3);
    assertThat(researcher.get("path")).hasSize(2);
    JsonNode large =
        JSON.readTree(server.get("/api/v1/root-causes/child_labour/chains", Role.RESEARCHER).body())
            .get("chains")
            .get(0);
    assertThat(large.get("people").asLong()).isEqualTo(11620);
  }

  @Test
  void chainsComeAsCsvWithTheFirstColumnsFirstAndTheNewOnesAfter() throws Exception {
    HttpResponse<String> response =
        server.get("/api/v1/root-causes/child_labour/chains", Role.PLANNER, "text/csv");

    assertThat(response.statusCode()).isEqualTo(200);
    String[] lines = response.body().split("\r\n");
    assertThat(lines[0])
        .isEqualTo(
            "rank,path,direct,indirect,total,shareMediated,directed,people,directLow,directHigh,"
                + "indirectLow,indirectHigh,totalLow,totalHigh,effectScale,families,riskExposed,"
                + "riskUnexposed");
    assertThat(lines[2]).startsWith("2,").contains(",false,9870,-0.11,0.12,");
  }

  @Test
  void aRunPublishedBeforeChainsHadIntervalsIsServedWithDirectedChainsAndNoIntervals(
      @TempDir Path warehouse) throws Exception {
    try (TestServer older = TestServer.unlimited(warehouse)) {
      PublishedRunFixture.writeChainsBeforeIntervals(warehouse, "run-2");
      PublishedRunFixture.publish(
          warehouse,
          "run-2",
          List.of(
              new PublishedRunFixture.Problem(
                  "child_labour", "Child labour", "کار کودک", 120, 95)));
      assertThat(older.dependencies.results().refresh()).as("run-2 loads").isTrue();

      HttpResponse<String> response =
          older.get("/api/v1/root-causes/child_labour/chains", Role.RESEARCHER);

      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode body = JSON.readTree(response.body());
      assertThat(body.get("run").asText()).isEqualTo("run-2");
      assertThat(body.get("chains")).hasSize(1);
      JsonNode chain = body.get("chains").get(0);
      assertThat(chain.get("path").toString())
          .isEqualTo("[\"parent_illiterate\",\"out_of_school\",\"child_labour\"]");
      assertThat(chain.get("direct").asDouble()).isEqualTo(0.2);
      assertThat(chain.get("indirect").asDouble()).isEqualTo(0.1);
      assertThat(chain.get("total").asDouble()).isEqualTo(0.3);
      assertThat(chain.get("shareMediated").asDouble()).isCloseTo(1.0 / 3, within(1e-12));
      assertThat(chain.get("directed").asBoolean()).isTrue();
      assertThat(chain.get("effectScale").asText()).isEqualTo("log-odds");
      for (String absent :
          List.of(
              "people",
              "families",
              "riskExposed",
              "riskUnexposed",
              "directLow",
              "directHigh",
              "indirectLow",
              "indirectHigh",
              "totalLow",
              "totalHigh")) {
        assertThat(chain.get(absent)).as(absent).isNotNull();
        assertThat(chain.get(absent).isNull()).as(absent).isTrue();
      }
    }
  }

  @Test
  void aKnownProblemWithoutChainsHasAnEmptyList() throws Exception {
    JsonNode body =
        JSON.readTree(server.get("/api/v1/root-causes/child_marriage/chains", Role.ADMIN).body());

    assertThat(body.get("chains")).isEmpty();
  }

  @Test
  void anUnknownProblemIsA404ProblemListingTheValidCodes() throws Exception {
    HttpResponse<String> response = server.get("/api/v1/root-causes/unicorns/chains", Role.PLANNER);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("detail").asText()).contains("unicorns");
    assertThat(body.get("validCodes").toString())
        .isEqualTo("[\"child_labour\",\"child_marriage\",\"dropout\"]");
  }

  @Test
  void donorsMayNotReadTheGraph() throws Exception {
    assertThat(server.get("/api/v1/causal-graph", Role.DONOR).statusCode()).isEqualTo(403);
    assertThat(server.get("/api/v1/root-causes/child_labour/chains", Role.DONOR).statusCode())
        .isEqualTo(403);
  }
}
