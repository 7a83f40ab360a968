package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
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
    assertThat(chains.get(1).get("shareMediated").isNull()).isTrue();
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
