package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rishe.api.auth.Role;
import org.rishe.api.query.ExactRank;

/**
 * {@code POST /api/v1/query} over real HTTP on the fixture's cases cube (see {@link
 * PublishedRunFixture#writeCubes}), k = 11: R01 has 3 female dropout cases, which no response may
 * reveal, alone or combined with any other response.
 */
class QueryHttpTest extends OneServerPerClass {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String QUERY = "/api/v1/query";

  private static RawHttp.Response post(String target, String body, Role role, String accept) {
    Map<String, String> headers = new LinkedHashMap<>(server.bearer(role));
    headers.put("Content-Type", "application/json");
    if (accept != null) {
      headers.put("Accept", accept);
    }
    return RawHttp.send(
        server.port(), "POST", target, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode query(String body) throws Exception {
    RawHttp.Response response = post(QUERY, body, Role.RESEARCHER, null);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** The fixture's true count of a cell: dimensions absent from the row are summed. */
  private static long truth(JsonNode row) {
    long sum = 0;
    for (Object[] cell : PublishedRunFixture.CASES) {
      if (matches(row, cell)) {
        sum += (int) cell[3];
      }
    }
    return sum;
  }

  private static boolean matches(JsonNode row, Object[] cell) {
    String[] names = {"region", "problem", "sex"};
    for (int i = 0; i < names.length; i++) {
      if (row.has(names[i]) && !row.get(names[i]).asText().equals(cell[i])) {
        return false;
      }
    }
    return true;
  }

  private static List<JsonNode> allRows(JsonNode response) {
    List<JsonNode> rows = new ArrayList<>();
    response.get("rows").forEach(rows::add);
    response.get("totals").forEach(margin -> margin.get("rows").forEach(rows::add));
    return rows;
  }

  @Test
  void aBreakdownWithAFilterServesTrueCountsOrNullAndNeverASmallOne() throws Exception {
    JsonNode response =
        query(
            "{\"measure\":\"cases\",\"dimensions\":[\"region\",\"sex\"],"
                + "\"filters\":{\"problem\":[\"dropout\"]},\"totals\":true}");

    assertThat(response.get("runId").asText()).isEqualTo("run-1");
    assertThat(response.get("minCell").asInt()).isEqualTo(11);
    assertThat(response.get("dimensions"))
        .extracting(JsonNode::asText)
        .containsExactly("region", "sex", "problem");
    assertThat(response.get("rows")).hasSize(6);
    JsonNode first = response.get("rows").get(0);
    assertThat(first.get("region").asText()).isEqualTo("R01");
    assertThat(first.get("sex").asText()).isEqualTo("female");
    assertThat(first.get("problem").asText()).isEqualTo("dropout");
    assertThat(first.get("value").isNull()).isTrue();
    assertThat(first.get("suppressed").asBoolean()).isTrue();
    assertThat(response.get("suppressedCells").asInt()).isGreaterThanOrEqualTo(2);
    // margins: sex x problem (region dropped), region x problem (sex dropped), problem alone
    assertThat(response.get("totals")).hasSize(3);
    JsonNode grand = response.get("totals").get(2);
    assertThat(grand.get("dimensions")).extracting(JsonNode::asText).containsExactly("problem");
    assertThat(grand.get("rows").get(0).get("value").asLong()).isEqualTo(122);
    for (JsonNode row : allRows(response)) {
      if (row.get("suppressed").asBoolean()) {
        assertThat(row.get("value").isNull()).isTrue();
      } else {
        assertThat(row.get("value").asLong()).as(row.toString()).isEqualTo(truth(row));
        long value = row.get("value").asLong();
        assertThat(value == 0 || value >= 11).as(row.toString()).isTrue();
      }
    }
  }

  @Test
  void theClassicDifferencingAttackGetsNothingAndNoCombinationOfResponsesRecoversACell()
      throws Exception {
    // A: dropout by region; B: dropout by region and sex. R01 total minus R01 male would give
    // R01 female (3) if both were served.
    JsonNode byRegion =
        query(
            "{\"measure\":\"cases\",\"dimensions\":[\"region\"],"
                + "\"filters\":{\"problem\":[\"dropout\"]}}");
    JsonNode byRegionAndSex =
        query(
            "{\"measure\":\"cases\",\"dimensions\":[\"region\",\"sex\"],"
                + "\"filters\":{\"problem\":[\"dropout\"]}}");
    JsonNode r01 = byRegion.get("rows").get(0);
    assertThat(r01.get("region").asText()).isEqualTo("R01");
    assertThat(r01.get("value").asLong()).isEqualTo(43);
    assertThat(byRegionAndSex.get("rows").get(1).get("sex").asText()).isEqualTo("male");
    assertThat(byRegionAndSex.get("rows").get(1).get("value").isNull()).isTrue();

    // every served number of many queries, as equations over the 12 finest cells
    List<JsonNode> responses = new ArrayList<>(List.of(byRegion, byRegionAndSex));
    for (String dimensions :
        List.of(
            "[]",
            "[\"region\"]",
            "[\"sex\"]",
            "[\"problem\"]",
            "[\"region\",\"sex\"]",
            "[\"region\",\"problem\"]",
            "[\"sex\",\"problem\"]",
            "[\"region\",\"problem\",\"sex\",\"ageBand\",\"month\"]")) {
      responses.add(
          query("{\"measure\":\"cases\",\"dimensions\":" + dimensions + ",\"totals\":true}"));
    }
    ExactRank served = new ExactRank(PublishedRunFixture.CASES.size());
    List<JsonNode> suppressed = new ArrayList<>();
    for (JsonNode response : responses) {
      for (JsonNode row : allRows(response)) {
        if (row.get("suppressed").asBoolean()) {
          suppressed.add(row);
        } else {
          assertThat(row.get("value").asLong()).as(row.toString()).isEqualTo(truth(row));
          served.add(equation(row));
        }
      }
    }
    assertThat(suppressed).isNotEmpty();
    for (JsonNode row : suppressed) {
      assertThat(served.inSpan(equation(row))).as("recoverable: %s", row).isFalse();
    }
  }

  private static int[] equation(JsonNode row) {
    int[] equation = new int[PublishedRunFixture.CASES.size()];
    for (int i = 0; i < equation.length; i++) {
      equation[i] = matches(row, PublishedRunFixture.CASES.get(i)) ? 1 : 0;
    }
    return equation;
  }

  @Test
  void unknownMeasuresDimensionsValuesAndFieldsAreBadRequestsListingTheValidOnes()
      throws Exception {
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("{\"measure\":\"salaries\"}", "validMeasures");
    bodies.put("{\"measure\":\"cases\",\"dimensions\":[\"name\"]}", "validDimensions");
    bodies.put("{\"measure\":\"cases\",\"filters\":{\"region\":[\"R99\"]}}", "validValues");
    bodies.put("{\"measure\":\"cases\",\"filters\":{\"region\":[]}}", "validValues");
    bodies.put("{\"measure\":\"cases\",\"where\":\"1=1\"}", "validFields");
    bodies.put("{\"measure\":\"cases\",\"dimensions\":[\"region\",\"region\"]}", "twice");
    // the last would win: a query for people sent as one for cases
    bodies.put("{\"measure\":\"cases\",\"measure\":\"people\"}", "'measure' is given twice");
    bodies.put("{\"measure\":\"cases\",\"dimensions\":\"region\"}", "not a query");
    bodies.put("{\"measure\":\"cases\",\"totals\":\"yes\"}", "not a query");
    bodies.put("{\"measure\":[\"cases\"]}", "not a query");
    bodies.put("[1,2]", "not a query");
    bodies.put("{\"measure\":", "not valid JSON");
    bodies.put("{\"measure\":\"cases\"} trailing", "JSON");
    bodies.put("null", "null");
    bodies.put("{}", "no measure");
    for (Map.Entry<String, String> body : bodies.entrySet()) {
      RawHttp.Response response = post(QUERY, body.getKey(), Role.RESEARCHER, null);
      assertThat(response.status()).as(body.getKey()).isEqualTo(400);
      assertThat(response.isProblemJson()).as(body.getKey()).isTrue();
      assertThat(response.body()).as(body.getKey()).contains(body.getValue());
    }
    JsonNode problem =
        JSON.readTree(post(QUERY, "{\"measure\":\"salaries\"}", Role.RESEARCHER, null).body());
    assertThat(problem.get("validMeasures"))
        .extracting(JsonNode::asText)
        .containsExactly("cases", "participants", "people");
  }

  @Test
  void rowsArePagedAndServedAsCsvOnAsk() throws Exception {
    String body = "{\"measure\":\"cases\",\"dimensions\":[\"region\",\"problem\"]}";
    JsonNode first = JSON.readTree(post(QUERY + "?limit=4", body, Role.PLANNER, null).body());
    JsonNode second =
        JSON.readTree(
            post(
                    QUERY + "?limit=4&cursor=" + first.get("nextCursor").asText(),
                    body,
                    Role.PLANNER,
                    null)
                .body());
    RawHttp.Response csv = post(QUERY + "?limit=2", body, Role.LEADERSHIP, "text/csv");

    assertThat(first.get("rows")).hasSize(4);
    assertThat(second.get("rows")).hasSize(2);
    assertThat(second.get("nextCursor").isNull()).isTrue();
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("content-type")).startsWith("text/csv");
    assertThat(csv.header("next-cursor")).isNotBlank();
    assertThat(csv.body()).startsWith("region,problem,value,suppressed\r\nR01,child_labour,");
    assertThat(csv.body().split("\r\n")).hasSize(3);
  }

  @Test
  void theCubesRouteListsEachMeasureWithItsDimensionsAndValues() throws Exception {
    RawHttp.Response response =
        RawHttp.send(server.port(), "GET", QUERY + "/cubes", server.bearer(Role.RESEARCHER));
    JsonNode cubes = JSON.readTree(response.body());

    assertThat(response.status()).isEqualTo(200);
    assertThat(cubes.get("minCell").asInt()).isEqualTo(11);
    assertThat(cubes.get("cubes"))
        .extracting(c -> c.get("measure").asText())
        .containsExactly("cases", "participants", "people");
    JsonNode people = cubes.get("cubes").get(2);
    assertThat(people.get("dimensions"))
        .extracting(d -> d.get("name").asText())
        .containsExactly("region", "sex", "ageBand");
    assertThat(people.get("dimensions").get(1).get("values"))
        .extracting(JsonNode::asText)
        .containsExactly("female", "male", "unknown");
  }

  @Test
  void everyQueryIsAuditedWithTheRequestItAsked() throws Exception {
    query("{\"measure\":\"people\",\"dimensions\":[\"sex\"],\"totals\":false}");

    List<String> lines = java.nio.file.Files.readAllLines(server.layout.auditLog());
    JsonNode last = JSON.readTree(lines.get(lines.size() - 1));
    assertThat(last.get("method").asText()).isEqualTo("POST");
    assertThat(last.get("route").asText()).isEqualTo(QUERY);
    assertThat(last.get("role").asText()).isEqualTo("researcher");
    assertThat(JSON.readTree(last.get("request").asText()))
        .isEqualTo(
            JSON.readTree(
                "{\"measure\":\"people\",\"dimensions\":[\"sex\"],\"filters\":null,"
                    + "\"totals\":false}"));
  }

  @Test
  void aDonorKeyIsRefusedAndABodyOverTheCapIsRefusedEvenWhenChunked() {
    RawHttp.Response donor = post(QUERY, "{\"measure\":\"cases\"}", Role.DONOR, null);
    byte[] huge =
        ("{\"measure\":\"cases\",\"dimensions\":[" + "\"region\",".repeat(10_000) + "\"sex\"]}")
            .getBytes(StandardCharsets.UTF_8);
    RawHttp.Response chunked =
        RawHttp.sendChunked(
            server.port(),
            "POST",
            QUERY,
            Map.of(
                "Authorization",
                "Bearer " + server.keys.get(Role.RESEARCHER),
                "Content-Type",
                "application/json"),
            huge);

    assertThat(donor.status()).isEqualTo(403);
    assertThat(huge.length).isGreaterThan((int) ApiDependencies.MAX_REQUEST_BYTES);
    assertThat(chunked.status()).isEqualTo(413);
    assertThat(chunked.isProblemJson()).isTrue();
  }
}
