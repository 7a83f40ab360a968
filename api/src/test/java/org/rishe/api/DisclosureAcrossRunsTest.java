package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.api.auth.Role;

/**
 * Differencing across runs: a researcher saves every answer of one run, then asks the same again of
 * the run a re-analysis publishes after one more family's records arrived (three children in R02,
 * each with child labour; {@link AttackRunFixture}). docs/methods.md ("Across runs") says what is
 * protected and what is not; this test holds the API to exactly that:
 *
 * <ul>
 *   <li>each run on its own serves no count of 1 to 10, by any route, its query included;
 *   <li>every answer names the run it was computed from, and an answer cached for the earlier run
 *       is never served once the later one is served;
 *   <li>not protected: a count served in both runs differs by what the new records add, exactly
 *       (here the new family's 3 cases), so the difference of two runs can be a count of 1 to 10.
 * </ul>
 */
class DisclosureAcrossRunsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PREFIX = "/api/v1";
  private static final String QUERY =
      "{\"measure\":\"cases\",\"dimensions\":[\"region\"],"
          + "\"filters\":{\"problem\":[\"child_labour\"]},\"totals\":true}";

  @TempDir Path warehouse;

  @Test
  void eachRunAloneIsProtectedAndTheirDifferenceIsWhatMethodsMdSaysIsNot() throws Exception {
    AttackRunFixture.publish(warehouse, "before", false);
    try (ServedWarehouse server = new ServedWarehouse(warehouse)) {
      server.awaitRun("before");
      String researcher = server.keys.create(Role.RESEARCHER, null);
      Map<String, JsonNode> before = answers(server, researcher, "before");

      AttackRunFixture.publish(warehouse, "after", true);
      server.awaitRun("after");
      Map<String, JsonNode> after = answers(server, researcher, "after");

      // not protected (docs/methods.md, "Across runs"): the saved answers differenced
      assertThat(
              after.get("/problems").at("/problems/0/cases").asLong()
                  - before.get("/problems").at("/problems/0/cases").asLong())
          .as("child_labour cases, after minus before")
          .isEqualTo(3);
      String r02 = "/root-causes?problem=child_labour&region=R02";
      assertThat(after.get(r02).get("cases").asLong() - before.get(r02).get("cases").asLong())
          .as("R02's cases, after minus before")
          .isEqualTo(3);
    }
  }

  /**
   * Every researcher answer about the run: each must name {@code runId} and serve no count of 1 to
   * 10.
   */
  private static Map<String, JsonNode> answers(
      ServedWarehouse server, String researcher, String runId) throws Exception {
    Map<String, JsonNode> answers = new LinkedHashMap<>();
    List<String> paths = new java.util.ArrayList<>();
    paths.add("/problems");
    paths.add("/root-causes?problem=child_labour");
    for (String region : AttackRunFixture.REGIONS) {
      paths.add("/root-causes?problem=child_labour&region=" + region);
    }
    paths.add("/hotspots?all=true&limit=1000");
    paths.add("/programs");
    paths.add("/programs/PRG01/impact");
    for (String path : paths) {
      var response = server.get(PREFIX + path, researcher);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      JsonNode answer = JSON.readTree(response.body());
      assertThat(answer.get("run").asText()).as(path).isEqualTo(runId);
      AttackRunFixture.assertNoCountFrom1To10(answer);
      answers.put(path, answer);
    }
    RawHttp.Response query = server.post(PREFIX + "/query", researcher, QUERY);
    assertThat(query.status()).as(query.body()).isEqualTo(200);
    JsonNode answer = JSON.readTree(query.body());
    assertThat(answer.get("runId").asText()).isEqualTo(runId);
    AttackRunFixture.assertNoCountFrom1To10(answer);
    answers.put("/query", answer);
    return answers;
  }
}
