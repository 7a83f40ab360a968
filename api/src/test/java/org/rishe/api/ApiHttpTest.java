package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.api.auth.Role;

class ApiHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path warehouse;
  private ServedWarehouse server;

  @BeforeEach
  void start() {
    server = new ServedWarehouse(warehouse);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static void publishTwoProblems(Path warehouse, String runId) {
    PublishedRunFixture.publish(
        warehouse,
        runId,
        List.of(
            new PublishedRunFixture.Problem("child_labour", "Child labour", "کار کودک", 120, 95),
            new PublishedRunFixture.Problem(
                "child_marriage", "Child marriage", "ازدواج کودک", 7, 7)));
  }

  @Test
  void healthIsPublicAndSaysNoResultsBeforeAnyRun() throws Exception {
    HttpResponse<String> response = server.get("/api/v1/health", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("status").asText()).isEqualTo("no_results");
  }

  @Test
  void meSaysTheRoleOfEachKeyAndNothingElseAndNeedsAKey() throws Exception {
    for (Role role : Role.values()) {
      String key = server.keys.create(role, TestServer.subject(role));
      HttpResponse<String> response = server.get("/api/v1/me", key);

      assertThat(response.statusCode()).as(role.code()).isEqualTo(200);
      JsonNode body = JSON.readTree(response.body());
      assertThat(body.get("role").asText()).isEqualTo(role.code());
      // no key id, donor or dates: the role is all the page needs
      assertThat(body.size()).as(response.body()).isEqualTo(1);
    }
    assertThat(server.get("/api/v1/me", null).statusCode()).isEqualTo(401);
  }

  @Test
  void problemsWithoutKeyIsUnauthorisedProblemJson() throws Exception {
    HttpResponse<String> response = server.get("/api/v1/problems", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(401);
    assertThat(problem.get("detail").asText()).contains("Authorization: Bearer");
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void invalidKeyIsUnauthorisedAndWrongRoleIsForbidden() throws Exception {
    String donor = server.keys.create(Role.DONOR, "d1");

    assertThat(server.get("/api/v1/problems", donor + "x").statusCode()).isEqualTo(401);
    assertThat(server.get("/api/v1/problems", "rk_nonsense").statusCode()).isEqualTo(401);
    HttpResponse<String> forbidden = server.get("/api/v1/problems", donor);
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
  }

  @Test
  void problemsBeforeAnyRunIsServiceUnavailable() throws Exception {
    HttpResponse<String> response =
        server.get("/api/v1/problems", server.keys.create(Role.PLANNER, null));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("rishe analyze");
  }

  @Test
  void plannerSeesEveryCountAndResearcherSeesSmallCellsSuppressed() throws Exception {
    publishTwoProblems(warehouse, "run-1");
    server.awaitRun("run-1");

    JsonNode planner =
        JSON.readTree(
            server.get("/api/v1/problems", server.keys.create(Role.PLANNER, null)).body());
    JsonNode researcher =
        JSON.readTree(
            server
                .get("/api/v1/problems?lang=fa", server.keys.create(Role.RESEARCHER, null))
                .body());

    assertThat(planner.get("run").asText()).isEqualTo("run-1");
    assertThat(planner.get("problems")).hasSize(2);
    assertThat(planner.get("problems").get(0).get("code").asText()).isEqualTo("child_labour");
    assertThat(planner.get("problems").get(0).get("label").asText()).isEqualTo("Child labour");
    assertThat(planner.get("problems").get(0).get("cases").asLong()).isEqualTo(120);
    assertThat(planner.get("problems").get(1).get("people").asLong()).isEqualTo(7);
    assertThat(researcher.get("problems").get(0).get("label").asText()).isEqualTo("کار کودک");
    assertThat(researcher.get("problems").get(0).get("people").asLong()).isEqualTo(95);
    assertThat(researcher.get("problems").get(1).get("cases").isNull()).isTrue();
    assertThat(researcher.get("problems").get(1).get("people").isNull()).isTrue();
  }

  @Test
  void aNewerPublishedRunIsServedWithoutRestart() throws Exception {
    publishTwoProblems(warehouse, "run-1");
    server.awaitRun("run-1");

    publishTwoProblems(warehouse, "run-2");

    server.awaitRun("run-2");
    assertThat(JSON.readTree(server.get("/api/v1/health", null).body()).get("run").asText())
        .isEqualTo("run-2");
  }

  @Test
  void unknownRouteAndBadParameterAreProblemJson() throws Exception {
    HttpResponse<String> unknown = server.get("/api/v1/no-such-thing", null);
    publishTwoProblems(warehouse, "run-1");
    server.awaitRun("run-1");
    HttpResponse<String> badLanguage =
        server.get("/api/v1/problems?lang=xx", server.keys.create(Role.LEADERSHIP, null));

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(badLanguage.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badLanguage.body()).get("detail").asText())
        .isEqualTo("lang must be en or fa");
  }
}
