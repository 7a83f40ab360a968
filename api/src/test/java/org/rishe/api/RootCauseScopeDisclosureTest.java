package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.api.auth.Role;

/**
 * A researcher subtracting the root causes from {@code POST /query}, over HTTP. The root causes
 * count children of the run's age range (0-17 here, from run.json), people without a birth date
 * left out, where the cases lattice counts every case record. The fixture's child labour ({@link
 * PublishedRunFixture}: 120 children with it, 19 in R01) gets case records of people of unknown
 * age: in run {@code few}, 3 in R01 (a cell the lattice withholds, k = 11); in run {@code many}, 11
 * in R02. Subtracting a served root-cause total from the query's served cell, less any age band the
 * query serves, must never leave 1 to 10.
 */
class RootCauseScopeDisclosureTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int K = 11;

  @TempDir static Path few;
  @TempDir static Path many;
  private static ServedWarehouse fewServer;
  private static ServedWarehouse manyServer;

  @BeforeAll
  static void serveBothRuns() throws Exception {
    fewServer = publishAndServe(few, "R01", 3);
    manyServer = publishAndServe(many, "R02", 11);
  }

  @AfterAll
  static void stop() {
    fewServer.close();
    manyServer.close();
  }

  @Test
  void threeCasesWithoutABirthDateAreNotGivenBackByTheRootCauses() throws Exception {
    String researcher = fewServer.keys.create(Role.RESEARCHER, null);
    attack(fewServer, researcher);
    // R01's 19 children beside the query's 22, and overall 120 beside 123: both withheld, and
    // every row with them (a factor everyone answers adds up to the population)
    JsonNode r01 = rootCauses(fewServer, researcher, "R01");
    assertThat(r01.get("cases").isNull()).isTrue();
    assertThat(r01.get("factors").get(0).get("exposedCases").isNull()).isTrue();
    assertThat(rootCauses(fewServer, researcher, null).get("cases").isNull()).isTrue();
    // staff see them
    String planner = fewServer.keys.create(Role.PLANNER, null);
    assertThat(rootCauses(fewServer, planner, "R01").get("cases").asLong()).isEqualTo(19);
  }

  @Test
  void elevenCasesWithoutABirthDateLeaveTheTotalsServed() throws Exception {
    String researcher = manyServer.keys.create(Role.RESEARCHER, null);
    attack(manyServer, researcher);
    // the query serves 131 and its 11 of unknown age overall: 120 children follow, nothing more
    JsonNode overall = rootCauses(manyServer, researcher, null);
    assertThat(overall.get("cases").asLong()).isEqualTo(120);
    assertThat(overall.get("population").asLong()).isEqualTo(1240);
    assertThat(rootCauses(manyServer, researcher, "R01").get("cases").asLong()).isEqualTo(19);
    // out_of_school's overall cells are all 11 or more: served with its counts
    JsonNode school = overall.get("factors").get(0);
    assertThat(school.get("factor").asText()).isEqualTo("out_of_school");
    assertThat(school.get("exposedCases").asLong()).isEqualTo(50);
  }

  /**
   * The attack: each served root-cause total (overall and R01, the regions the fixture's root
   * causes have) against the query's cell and its served bands.
   */
  private static void attack(ServedWarehouse server, String researcher) throws Exception {
    JsonNode answer =
        JSON.readTree(
            server
                .post(
                    "/api/v1/query",
                    researcher,
                    "{\"measure\":\"cases\",\"dimensions\":[\"region\",\"ageBand\"],"
                        + "\"filters\":{\"problem\":[\"child_labour\"]},\"totals\":true}")
                .body());
    for (String region : Arrays.asList(null, "R01")) {
      JsonNode rootCauses = rootCauses(server, researcher, region);
      if (rootCauses.get("cases").isNull()) {
        continue;
      }
      long children = rootCauses.get("cases").asLong();
      Long cell = null;
      List<Long> bands = new ArrayList<>();
      for (JsonNode row : rows(answer, region)) {
        if (row.get("suppressed").asBoolean()) {
          continue;
        }
        if (row.path("ageBand").isMissingNode() || row.get("ageBand").isNull()) {
          cell = row.get("value").asLong();
        } else if (List.of("18+", "unknown").contains(row.get("ageBand").asText())) {
          bands.add(row.get("value").asLong());
        }
      }
      if (cell == null) {
        continue;
      }
      for (int subset = 0; subset < 1 << bands.size(); subset++) {
        long left = cell - children;
        for (int i = 0; i < bands.size(); i++) {
          left -= (subset & 1 << i) != 0 ? bands.get(i) : 0;
        }
        assertThat(Math.abs(left))
            .as("%s: the query's cases less the root causes' %d", region, children)
            .matches(count -> count < 1 || count >= K, "not 1 to 10");
      }
    }
  }

  /** The query's rows and margins of one region (null: over regions). */
  private static List<JsonNode> rows(JsonNode answer, String region) {
    List<JsonNode> rows = new ArrayList<>();
    List<JsonNode> all = new ArrayList<>();
    answer.get("rows").forEach(all::add);
    answer.get("totals").forEach(margin -> margin.get("rows").forEach(all::add));
    for (JsonNode row : all) {
      JsonNode value = row.path("region");
      boolean overRegions = value.isMissingNode() || value.isNull();
      if (region == null ? overRegions : !overRegions && value.asText().equals(region)) {
        rows.add(row);
      }
    }
    return rows;
  }

  private static JsonNode rootCauses(ServedWarehouse server, String key, String region)
      throws Exception {
    String path =
        "/api/v1/root-causes?problem=child_labour" + (region == null ? "" : "&region=" + region);
    var response = server.get(path, key);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /**
   * The fixture's run with {@code unknownAge} more child-labour case records in {@code region} of
   * people of unknown age, and run.json naming the age range 0-17.
   */
  private static ServedWarehouse publishAndServe(Path warehouse, String region, int unknownAge)
      throws Exception {
    String runId = "run-" + unknownAge;
    PublishedRunFixture.writeRootCauses(warehouse, runId);
    PublishedRunFixture.writeCubes(warehouse, runId);
    PublishedRunFixture.publish(
        warehouse, runId, PublishedRunFixture.childLabour(120 + unknownAge));
    Path run = warehouse.resolve("results").resolve(runId);
    StringBuilder cells = new StringBuilder();
    for (Object[] row : PublishedRunFixture.CASES) {
      cells.append(
          String.format(
              "('%s','%s','%s','12-14','2025-01',%d::BIGINT),", row[0], row[1], row[2], row[3]));
    }
    cells.append(
        String.format(
            "('%s','child_labour','female','unknown','2025-01',%d::BIGINT)", region, unknownAge));
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      AttackRunFixture.copy(
          statement,
          run,
          "cube_cases",
          "SELECT * FROM (VALUES "
              + cells
              + ") AS t(region, problem, sex, age_band, month, cases)");
    }
    Files.writeString(
        run.resolve("run.json"),
        "{\"runId\":\""
            + runId
            + "\",\"publishedAt\":\"2026-12-06T00:00:00Z\","
            + "\"parameters\":{\"minimumAge\":0,\"maximumAge\":17}}");
    ServedWarehouse server = new ServedWarehouse(warehouse);
    server.awaitRun(runId);
    return server;
  }
}
