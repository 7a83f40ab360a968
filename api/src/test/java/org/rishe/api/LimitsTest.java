package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.api.auth.Role;
import org.rishe.api.limits.RateLimit;

class LimitsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path warehouse;

  @Test
  void aKeyOverItsRateLimitGets429ProblemJsonWithRetryAfterAndOtherKeysAreUnaffected()
      throws Exception {
    try (TestServer server = new TestServer(warehouse, new RateLimit(1, 3))) {
      List<Integer> statuses = new ArrayList<>();
      RawHttp.Response limited = null;
      for (int i = 0; i < 6 && limited == null; i++) {
        RawHttp.Response response =
            RawHttp.send(server.port(), "GET", "/api/v1/problems", server.bearer(Role.PLANNER));
        statuses.add(response.status());
        if (response.status() == 429) {
          limited = response;
        }
      }
      RawHttp.Response otherKey =
          RawHttp.send(server.port(), "GET", "/api/v1/problems", server.bearer(Role.ADMIN));

      assertThat(statuses.subList(0, 3)).containsOnly(200);
      assertThat(limited).isNotNull();
      assertThat(limited.isProblemJson()).isTrue();
      assertThat(Integer.parseInt(limited.header("retry-after"))).isBetween(1, 2);
      assertThat(JSON.readTree(limited.body()).get("status").asInt()).isEqualTo(429);
      assertThat(otherKey.status()).isEqualTo(200);
    }
  }

  @Test
  void aBodyOverTheCapIsRefusedWith413ProblemJson() {
    try (TestServer server = TestServer.unlimited(warehouse)) {
      byte[] body = new byte[(int) ApiDependencies.MAX_REQUEST_BYTES + 1];

      RawHttp.Response response =
          RawHttp.send(server.port(), "POST", "/api/v1/problems", server.bearer(Role.ADMIN), body);

      assertThat(response.status()).isEqualTo(413);
      assertThat(response.isProblemJson()).isTrue();
      assertThat(response.body()).contains("smaller body");
    }
  }

  @Test
  void aListIsPagedWithLimitAndAnOpaqueCursorUntilTheLastPage() throws Exception {
    try (TestServer server = TestServer.unlimited(warehouse)) {
      JsonNode first =
          JSON.readTree(
              RawHttp.send(
                      server.port(), "GET", "/api/v1/problems?limit=2", server.bearer(Role.ADMIN))
                  .body());
      String cursor = first.get("nextCursor").asText();
      JsonNode second =
          JSON.readTree(
              RawHttp.send(
                      server.port(),
                      "GET",
                      "/api/v1/problems?limit=2&cursor=" + cursor,
                      server.bearer(Role.ADMIN))
                  .body());

      assertThat(first.get("problems")).hasSize(2);
      assertThat(first.get("problems").get(0).get("code").asText()).isEqualTo("child_labour");
      assertThat(second.get("problems")).hasSize(1);
      assertThat(second.get("problems").get(0).get("code").asText()).isEqualTo("dropout");
      assertThat(second.get("nextCursor").isNull()).isTrue();
    }
  }

  @Test
  void badLimitsAndCursorsAreBadRequests() {
    try (TestServer server = TestServer.unlimited(warehouse)) {
      for (String query :
          List.of("limit=0", "limit=1001", "limit=abc", "cursor=!!!", "cursor=b3RoZXJ8MQ")) {
        RawHttp.Response response =
            RawHttp.send(
                server.port(), "GET", "/api/v1/problems?" + query, server.bearer(Role.ADMIN));
        assertThat(response.status()).as(query).isEqualTo(400);
        assertThat(response.isProblemJson()).as(query).isTrue();
      }
    }
  }

  @Test
  void acceptTextCsvGivesRfc4180CsvOfThePageWithTheNextCursorInAHeader() {
    try (TestServer server = TestServer.unlimited(warehouse)) {
      Map<String, String> headers =
          Map.of(
              "Authorization", "Bearer " + server.keys.get(Role.RESEARCHER), "Accept", "text/csv");

      RawHttp.Response page =
          RawHttp.send(server.port(), "GET", "/api/v1/problems?limit=2", headers);

      assertThat(page.status()).isEqualTo(200);
      assertThat(page.header("content-type")).startsWith("text/csv");
      assertThat(page.header("next-cursor")).isNotBlank();
      assertThat(page.body())
          .isEqualTo(
              "code,label,cases,people\r\n"
                  + "child_labour,Child labour,120,120\r\n"
                  + "child_marriage,Child marriage,,\r\n");
    }
  }

  @Test
  void requestsJettyRefusesBeforeTheAppSeesThemAreProblemJsonToo() {
    try (TestServer server = TestServer.unlimited(warehouse)) {
      RawHttp.Response longUri =
          RawHttp.send(server.port(), "GET", "/api/v1/health?x=" + "a".repeat(20_000), Map.of());
      RawHttp.Response bigHeader =
          RawHttp.send(server.port(), "GET", "/api/v1/health", Map.of("X-Big", "b".repeat(20_000)));

      assertThat(longUri.status()).isBetween(400, 499);
      assertThat(longUri.isProblemJson()).isTrue();
      assertThat(bigHeader.status()).isBetween(400, 499);
      assertThat(bigHeader.isProblemJson()).isTrue();
    }
  }
}
