package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.api.auth.Role;
import org.rishe.api.limits.ExpensiveLimit;
import org.rishe.api.routing.ApiRoute;

/**
 * The cap on expensive requests answered at once, over HTTP with a cap of one. A probe route marked
 * expensive holds the only turn until the test lets it go (latches, not sleeps), so that the
 * requests sent meanwhile are known to find every turn taken.
 */
class ExpensiveRequestsHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String QUERY = "{\"measure\":\"cases\",\"dimensions\":[\"region\"]}";

  @TempDir Path warehouse;

  private final CountDownLatch holding = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  /** Public and expensive: takes the turn, says so, and keeps it until released. */
  private final ApiRoute hold =
      ApiRoute.get(
              "/test/hold",
              "holds an expensive turn until the test releases it",
              ctx -> {
                holding.countDown();
                ctx.result(release.await(10, TimeUnit.SECONDS) ? "released" : "timed out");
              })
          .undocumented()
          .expensive();

  private TestServer server() {
    return new TestServer(
        warehouse,
        TestServer.GENEROUS.withExpensive(new ExpensiveLimit(1, Duration.ofMillis(200))),
        List.of(hold));
  }

  @Test
  void whileTheOnlyTurnIsHeldQueriesAndTrendsGet503WithRetryAfterAndCheapRoutesDoNot()
      throws Exception {
    try (TestServer server = server()) {
      CompletableFuture<RawHttp.Response> held =
          CompletableFuture.supplyAsync(
              () -> RawHttp.send(server.port(), "GET", "/test/hold", Map.of()));
      assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

      RawHttp.Response query = server.postJson("/api/v1/query", QUERY, Role.RESEARCHER);
      RawHttp.Response trend =
          server.rawGet("/api/v1/dashboard/trends?metric=casesOpened", Role.PLANNER);
      RawHttp.Response cheap = server.rawGet("/api/v1/problems", Role.PLANNER);
      release.countDown();
      RawHttp.Response afterwards = server.postJson("/api/v1/query", QUERY, Role.RESEARCHER);

      for (RawHttp.Response busy : List.of(query, trend)) {
        assertThat(busy.status()).as(busy.body()).isEqualTo(503);
        assertThat(busy.isProblemJson()).isTrue();
        assertThat(busy.header("retry-after")).isEqualTo("1");
        JsonNode problem = JSON.readTree(busy.body());
        assertThat(problem.get("maximumConcurrent").asInt()).isEqualTo(1);
        assertThat(problem.get("detail").asText())
            .isEqualTo(
                "the server answers at most 1 expensive requests (queries, trends) at once and"
                    + " none finished within 200 ms; retry after 1 s (an admin can raise the cap"
                    + " with `rishe serve --max-expensive N`)");
      }
      assertThat(cheap.status()).isEqualTo(200);
      assertThat(held.get(10, TimeUnit.SECONDS).body()).isEqualTo("released");
      assertThat(afterwards.status()).as(afterwards.body()).isEqualTo(200);
    }
  }

  @Test
  void aRefusedTurnIsCountedInTheMetricsAndWrittenToTheAudit() throws Exception {
    try (TestServer server = server()) {
      CompletableFuture<RawHttp.Response> held =
          CompletableFuture.supplyAsync(
              () -> RawHttp.send(server.port(), "GET", "/test/hold", Map.of()));
      assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
      server.postJson("/api/v1/query", QUERY, Role.RESEARCHER);
      release.countDown();
      held.get(10, TimeUnit.SECONDS);

      String metrics = RawHttp.send(server.port(), "GET", "/metrics", Map.of()).body();
      List<String> audit = Files.readAllLines(server.layout.auditLog(), StandardCharsets.UTF_8);

      assertThat(metrics)
          .contains(
              "rishe_http_requests_total{method=\"POST\",route=\"/api/v1/query\",status=\"503\"} 1");
      assertThat(audit).hasSize(1);
      JsonNode entry = JSON.readTree(audit.get(0));
      assertThat(entry.get("route").asText()).isEqualTo("/api/v1/query");
      assertThat(entry.get("status").asInt()).isEqualTo(503);
    }
  }

  @Test
  void aTurnIsGivenBackWhenTheRequestFails() {
    try (TestServer server = server()) {
      RawHttp.Response refused =
          server.postJson("/api/v1/query", "{\"measure\":\"nothing\"}", Role.RESEARCHER);
      RawHttp.Response next = server.postJson("/api/v1/query", QUERY, Role.RESEARCHER);

      assertThat(refused.status()).isEqualTo(400);
      assertThat(next.status()).as(next.body()).isEqualTo(200);
    }
  }
}
