package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.api.auth.ApiKeyStore;
import org.rishe.api.auth.Role;
import org.rishe.common.warehouse.WarehouseLayout;

class ApiHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path warehouse;
  private Javalin app;
  private ApiKeyStore keys;

  @BeforeEach
  void start() {
    WarehouseLayout layout = new WarehouseLayout(warehouse.toString());
    keys = new ApiKeyStore(layout.apiKeys());
    app =
        ServeCommand.start(
            layout, "127.0.0.1", 0, 11, new PrintStream(PrintStream.nullOutputStream()));
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  private HttpResponse<String> get(String path, String key)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .timeout(Duration.ofSeconds(10));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
    HttpResponse<String> response = get("/api/v1/health", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("status").asText()).isEqualTo("no_results");
  }

  @Test
  void problemsWithoutKeyIsUnauthorisedProblemJson() throws Exception {
    HttpResponse<String> response = get("/api/v1/problems", null);

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
    String donor = keys.create(Role.DONOR, "d1");

    assertThat(get("/api/v1/problems", donor + "x").statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/problems", "rk_nonsense").statusCode()).isEqualTo(401);
    HttpResponse<String> forbidden = get("/api/v1/problems", donor);
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
  }

  @Test
  void problemsBeforeAnyRunIsServiceUnavailable() throws Exception {
    HttpResponse<String> response = get("/api/v1/problems", keys.create(Role.PLANNER, null));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("rishe analyze");
  }

  @Test
  void plannerSeesEveryCountAndResearcherSeesSmallCellsSuppressed() throws Exception {
    publishTwoProblems(warehouse, "run-1");
    awaitRun("run-1");

    JsonNode planner =
        JSON.readTree(get("/api/v1/problems", keys.create(Role.PLANNER, null)).body());
    JsonNode researcher =
        JSON.readTree(get("/api/v1/problems?lang=fa", keys.create(Role.RESEARCHER, null)).body());

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
    awaitRun("run-1");

    publishTwoProblems(warehouse, "run-2");

    awaitRun("run-2");
    assertThat(JSON.readTree(get("/api/v1/health", null).body()).get("run").asText())
        .isEqualTo("run-2");
  }

  @Test
  void unknownRouteAndBadParameterAreProblemJson() throws Exception {
    HttpResponse<String> unknown = get("/api/v1/no-such-thing", null);
    publishTwoProblems(warehouse, "run-1");
    awaitRun("run-1");
    HttpResponse<String> badLanguage =
        get("/api/v1/problems?lang=xx", keys.create(Role.LEADERSHIP, null));

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(badLanguage.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badLanguage.body()).get("detail").asText())
        .isEqualTo("lang must be en or fa");
  }

  private void awaitRun(String runId) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode health = JSON.readTree(get("/api/v1/health", null).body());
      if (runId.equals(health.path("run").asText(null))) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the API did not pick up run " + runId + " within 20 s");
  }
}
