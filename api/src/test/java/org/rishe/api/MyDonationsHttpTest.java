package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.api.auth.Role;

/**
 * A donor's own giving over real HTTP: pledges made through the API on a set clock, then a run
 * whose journeys hold the donor's donations to those needs, linked by hand below.
 *
 * <p>Pledges of donor-1, to NeedsFixture's needs by their references: P1 400,000 IRR to need-G1 at
 * 2025-03-01T10:00Z, P2 100,000 IRR to need-G1 at 11:00Z, P3 to need-F1 (no amount) on
 * 2025-03-02T09:00Z. Donations of donor-1: D12 to need-G1 received 2025-02-20 (before the pledges:
 * linked to none), D10 to need-G1 on 2025-03-05 (the earliest on or after P1: P1's), D11 to need-G1
 * on 2025-03-20 (P2's, D10 being taken), D14 to need-N9 (a need neither on the board nor pledged)
 * on 2025-03-03, D13 to programme PRG01 on 2025-03-02 (no aid events). Read on 2025-03-31T00:00Z.
 */
class MyDonationsHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String G1 = NeedsFixture.REFS.ref("need-G1");
  private static final String F1 = NeedsFixture.REFS.ref("need-F1");

  @TempDir Path warehouse;
  private TestServer server;
  private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));

  @BeforeEach
  void start() {
    server = new TestServer(warehouse, clock);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void leadershipSeesWhetherPledgesAreDeliveredAndNobodyElseDoes() throws Exception {
    pledge(G1, "{\"amount\": 400000, \"currency\": \"IRR\"}");
    clock.set(Instant.parse("2025-03-01T11:00:00Z"));
    pledge(G1, "{\"amount\": 100000, \"currency\": \"IRR\"}");
    clock.set(Instant.parse("2025-03-02T09:00:00Z"));
    pledge(F1, "{}");
    publishJourneys();
    clock.set(Instant.parse("2025-03-31T00:00:00Z"));

    JsonNode rows = json(server.get("/api/v1/trust", Role.LEADERSHIP), 200).get("rows");

    // P1 -> D10, delivered 2025-03-10 (9 days); P2 -> D11, stalled; P3 unfulfilled
    JsonNode all = rows.get(0);
    assertThat(all.get("by").asText()).isEqualTo("all");
    assertThat(all.get("pledges").asInt()).isEqualTo(3);
    assertThat(all.get("donors").asInt()).isEqualTo(1);
    assertThat(all.get("linked").asInt()).isEqualTo(2);
    assertThat(all.get("delivered").asInt()).isEqualTo(1);
    assertThat(all.get("stalled").asInt()).isEqualTo(1);
    // Wilson's 95% interval of 1 in 3, by its formula: 0.0615 to 0.7923
    assertThat(all.get("deliveredShare").get("estimate").asDouble()).isEqualTo(1.0 / 3);
    assertThat(all.get("deliveredShare").get("low").asDouble())
        .isCloseTo(0.06149194472039621, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(all.get("deliveredShare").get("high").asDouble())
        .isCloseTo(0.7923403991979522, org.assertj.core.api.Assertions.within(1e-9));
    // one delivery is too few for a median
    assertThat(all.get("medianDaysToDelivery").isNull()).isTrue();
    // G1 is PRG01's in R01; F1 has no programme and is in R01
    Map<String, JsonNode> byKey = new LinkedHashMap<>();
    rows.forEach(row -> byKey.put(row.get("by").asText() + ":" + row.get("value").asText(), row));
    assertThat(byKey.get("program:PRG01").get("pledges").asInt()).isEqualTo(2);
    assertThat(byKey.get("program:PRG01").get("delivered").asInt()).isEqualTo(1);
    assertThat(byKey.get("program:null").get("pledges").asInt()).isEqualTo(1);
    assertThat(byKey.get("region:R01").get("pledges").asInt()).isEqualTo(3);
    for (Role role : new Role[] {Role.RESEARCHER, Role.DONOR, Role.VOLUNTEER}) {
      assertThat(server.get("/api/v1/trust", role).statusCode()).as(role.code()).isEqualTo(403);
    }
  }

  @Test
  void aDonorSeesOwnDonationsAndPledgesLinkedFromPledgeToConfirmation() throws Exception {
    String p1 = pledgeId(pledge(G1, "{\"amount\": 400000, \"currency\": \"IRR\"}"));
    clock.set(Instant.parse("2025-03-01T11:00:00Z"));
    String p2 = pledgeId(pledge(G1, "{\"amount\": 100000, \"currency\": \"IRR\"}"));
    clock.set(Instant.parse("2025-03-02T09:00:00Z"));
    String p3 = pledgeId(pledge(F1, "{}"));
    publishJourneys();
    clock.set(Instant.parse("2025-03-31T00:00:00Z"));

    JsonNode mine = json(server.get("/api/v1/me/donations", Role.DONOR), 200);

    assertThat(mine.get("run").asText()).isEqualTo("run-2");
    JsonNode donations = mine.get("donations");
    // newest received first
    assertThat(ids(donations, "donationId")).containsExactly("D11", "D10", "D14", "D13", "D12");
    JsonNode d10 = donations.get(1);
    assertThat(d10.get("designation").asText()).isEqualTo("need:" + G1);
    assertThat(d10.get("needRef").asText()).isEqualTo(G1);
    assertThat(d10.get("pledgeId").asText()).isEqualTo(p1);
    assertThat(d10.get("pledgedAt").asText()).isEqualTo("2025-03-01T10:00:00Z");
    assertThat(ids(d10.get("stages"), "stage"))
        .containsExactly("pledged", "received", "allocated", "delivered", "confirmed");
    assertThat(d10.get("stages").get(0).get("at").asText()).isEqualTo("2025-03-01T10:00:00Z");
    assertThat(d10.get("current").asText()).isEqualTo("confirmed");
    // pledged 03-01 10:00 to received 03-05 00:00: 3 days 14 hours = 3.58 days
    assertThat(d10.get("stageGaps").get(0).get("fromStage").asText()).isEqualTo("pledged");
    assertThat(d10.get("stageGaps").get(0).get("days").asDouble()).isEqualTo(3.58);
    assertThat(d10.get("stageGaps")).hasSize(4);
    // confirmed 03-11 12:00, read 03-31 00:00: 19.5 days, 19 whole
    assertThat(d10.get("daysInStage").asLong()).isEqualTo(19);
    assertThat(d10.get("deliveredOn").asText()).isEqualTo("2025-03-10");
    assertThat(d10.get("flags")).isEmpty();
    JsonNode d11 = donations.get(0);
    assertThat(d11.get("pledgeId").asText()).isEqualTo(p2);
    assertThat(ids(d11.get("stages"), "stage")).containsExactly("pledged", "received");
    // pledged 03-01 11:00 to received 03-20 00:00: 18 days 13 hours = 18.54 days
    assertThat(d11.get("stageGaps").get(0).get("days").asDouble()).isEqualTo(18.54);
    assertThat(d11.get("daysInStage").asLong()).isEqualTo(11);
    assertThat(d11.get("flags").get(0).asText()).isEqualTo("stalled");
    JsonNode d14 = donations.get(2);
    assertThat(d14.get("designation").asText()).isEqualTo("need");
    assertThat(d14.get("needRef").isNull()).isTrue();
    JsonNode d13 = donations.get(3);
    assertThat(d13.get("programId").asText()).isEqualTo("PRG01");
    assertThat(d13.get("current").asText()).isEqualTo("received");
    assertThat(d13.get("stages")).isEmpty();
    // no step: from the day received, 03-02, to 03-31
    assertThat(d13.get("daysInStage").asLong()).isEqualTo(29);
    JsonNode d12 = donations.get(4);
    assertThat(d12.get("pledgeId").isNull()).isTrue();
    assertThat(ids(d12.get("stages"), "stage")).containsExactly("received");
    // 02-20 to 03-31 in 2025: 8 + 31 = 39 days
    assertThat(d12.get("daysInStage").asLong()).isEqualTo(39);

    JsonNode pledges = mine.get("pledges");
    assertThat(ids(pledges, "pledgeId")).containsExactly(p3, p2, p1);
    assertThat(pledges.get(0).get("stage").asText()).isEqualTo("pledged");
    assertThat(pledges.get(0).get("needRef").asText()).isEqualTo(F1);
    assertThat(pledges.get(0).get("donationId").isNull()).isTrue();
    // 03-02 09:00 to 03-31 00:00: 28 days 15 hours
    assertThat(pledges.get(0).get("daysInStage").asLong()).isEqualTo(28);
    assertThat(pledges.get(1).get("donationId").asText()).isEqualTo("D11");
    assertThat(pledges.get(1).get("stage").asText()).isEqualTo("received");
    assertThat(pledges.get(2).get("donationId").asText()).isEqualTo("D10");
    assertThat(pledges.get(2).get("stage").asText()).isEqualTo("confirmed");
    assertThat(pledges.get(2).get("amount").asDouble()).isEqualTo(400_000.0);
    // the internal need ids and the donor's own id are never served
    assertThat(mine.toString())
        .doesNotContain("need-G1")
        .doesNotContain("need-N9")
        .doesNotContain("donor");

    // the journey route: the same view, with the pledge, for the donor and for leadership
    JsonNode journey = json(server.get("/api/v1/donations/D10/journey", Role.DONOR), 200);
    assertThat(journey).isEqualTo(d10);
    assertThat(json(server.get("/api/v1/donations/D10/journey", Role.LEADERSHIP), 200))
        .isEqualTo(d10);
  }

  @Test
  void aDonationReceivedEarlierTheDayOfItsPledgeIsLinkedAndFlaggedOutOfOrder() throws Exception {
    // pledged 2025-03-01 10:00; the donation fulfilling it recorded as received at 08:00 that day:
    // linked (by the UTC day), and its journey says its stages are out of order
    String p1 = pledgeId(pledge(G1, "{\"amount\": 400000, \"currency\": \"IRR\"}"));
    publishJourneys(
        "SELECT 'D20' AS donation_id, 'donor-1' AS donor_id, 'need:need-G1' AS designation,"
            + " DATE '2025-03-01' AS received_on,"
            + " [{'stage': 'received', 'at': TIMESTAMPTZ '2025-03-01 08:00:00+00'}] AS stages,"
            + " 'received' AS current_stage, "
            + NO_GAPS
            + " AS stage_gaps, NULL::DATE AS delivered_on, NULL::INTEGER AS days_to_delivery,"
            + " []::VARCHAR[] AS flags");

    JsonNode journey = json(server.get("/api/v1/donations/D20/journey", Role.DONOR), 200);

    assertThat(journey.get("pledgeId").asText()).isEqualTo(p1);
    assertThat(ids(journey.get("stages"), "stage")).containsExactly("pledged", "received");
    // 10:00 to 08:00: -2 hours = -0.08 days
    assertThat(journey.get("stageGaps").get(0).get("days").asDouble()).isEqualTo(-0.08);
    assertThat(journey.get("flags")).hasSize(1);
    assertThat(journey.get("flags").get(0).asText()).isEqualTo("out_of_order");
  }

  @Test
  void nobodyElseSeesADonorsGiving() throws Exception {
    pledge(G1, "{\"amount\": 400000, \"currency\": \"IRR\"}");
    publishJourneys();
    String other = server.dependencies.keys().create(Role.DONOR, "donorA");

    HttpResponse<String> othersJourney =
        HttpGet.send(server.port(), "/api/v1/donations/D10/journey", other);
    HttpResponse<String> missing =
        HttpGet.send(server.port(), "/api/v1/donations/D99/journey", other);
    JsonNode othersGiving = json(HttpGet.send(server.port(), "/api/v1/me/donations", other), 200);

    assertThat(othersJourney.statusCode()).isEqualTo(404);
    // exactly the answer of an id that does not exist
    assertThat(othersJourney.body()).isEqualTo(missing.body().replace("D99", "D10"));
    assertThat(ids(othersGiving.get("donations"), "donationId")).containsExactly("D1");
    assertThat(othersGiving.get("pledges")).isEmpty();
    for (Role role : List.of(Role.RESEARCHER, Role.PLANNER, Role.VOLUNTEER, Role.ADMIN)) {
      assertThat(server.get("/api/v1/me/donations", role).statusCode())
          .as(role.code())
          .isEqualTo(403);
    }
    assertThat(server.get("/api/v1/donations/D10/journey", Role.RESEARCHER).statusCode())
        .isEqualTo(403);
  }

  /**
   * Publishes run-2: run-1 with the journeys of the class comment (and donorA's D1) in place of
   * DashboardFixture's, then serves it.
   */
  private void publishJourneys() throws Exception {
    publishJourneys(
        "SELECT 'D1' AS donation_id, 'donorA' AS donor_id, 'need:need-G1' AS designation,"
            + " DATE '2025-03-06' AS received_on,"
            + " [{'stage': 'received', 'at': TIMESTAMPTZ '2025-03-06 00:00:00+00'}] AS stages,"
            + " 'received' AS current_stage, "
            + NO_GAPS
            + " AS stage_gaps, NULL::DATE AS delivered_on, NULL::INTEGER AS days_to_delivery,"
            + " []::VARCHAR[] AS flags"
            + " UNION ALL SELECT 'D10', 'donor-1', 'need:need-G1', DATE '2025-03-05',"
            + " [{'stage': 'received', 'at': TIMESTAMPTZ '2025-03-05 00:00:00+00'},"
            + " {'stage': 'allocated', 'at': TIMESTAMPTZ '2025-03-06 00:00:00+00'},"
            + " {'stage': 'delivered', 'at': TIMESTAMPTZ '2025-03-10 00:00:00+00'},"
            + " {'stage': 'confirmed', 'at': TIMESTAMPTZ '2025-03-11 12:00:00+00'}],"
            + " 'confirmed',"
            + " [{'from_stage': 'received', 'to_stage': 'allocated', 'days': 1.0},"
            + " {'from_stage': 'allocated', 'to_stage': 'delivered', 'days': 4.0},"
            + " {'from_stage': 'delivered', 'to_stage': 'confirmed', 'days': 1.5}],"
            + " DATE '2025-03-10', 5, []::VARCHAR[]"
            + " UNION ALL SELECT 'D11', 'donor-1', 'need:need-G1', DATE '2025-03-20',"
            + " [{'stage': 'received', 'at': TIMESTAMPTZ '2025-03-20 00:00:00+00'}], 'received', "
            + NO_GAPS
            + ", NULL, NULL, ['stalled']"
            + " UNION ALL SELECT 'D12', 'donor-1', 'need:need-G1', DATE '2025-02-20',"
            + " [{'stage': 'received', 'at': TIMESTAMPTZ '2025-02-20 00:00:00+00'}], 'received', "
            + NO_GAPS
            + ", NULL, NULL, []::VARCHAR[]"
            + " UNION ALL SELECT 'D13', 'donor-1', 'program:PRG01', DATE '2025-03-02',"
            + " []::STRUCT(stage VARCHAR, \"at\" TIMESTAMPTZ)[], NULL, "
            + NO_GAPS
            + ", NULL, NULL, []::VARCHAR[]"
            + " UNION ALL SELECT 'D14', 'donor-1', 'need:need-N9', DATE '2025-03-03',"
            + " [{'stage': 'received', 'at': TIMESTAMPTZ '2025-03-03 00:00:00+00'}], 'received', "
            + NO_GAPS
            + ", NULL, NULL, []::VARCHAR[]");
  }

  private static final String NO_GAPS =
      "[]::STRUCT(from_stage VARCHAR, to_stage VARCHAR, days DOUBLE)[]";

  /** Publishes run-2: run-1 with the journeys {@code select} gives, then serves it. */
  private void publishJourneys(String select) throws Exception {
    Path results = warehouse.resolve("results");
    Path run = results.resolve("run-2");
    PublishedRunFixture.copyFolder(results.resolve("run-1"), run);
    Path journeys = run.resolve("donation_journeys");
    try (Stream<Path> files = Files.list(journeys)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute(
          "COPY (" + select + ") TO '" + journeys.resolve("part-0.parquet") + "' (FORMAT PARQUET)");
    }
    Files.writeString(results.resolve("LATEST"), "run-2\n", StandardCharsets.UTF_8);
    assertThat(server.dependencies.results().refresh()).isTrue();
  }

  private RawHttp.Response pledge(String ref, String body) {
    Map<String, String> headers = new LinkedHashMap<>(server.bearer(Role.DONOR));
    headers.put("Content-Type", "application/json");
    RawHttp.Response response =
        RawHttp.send(
            server.port(),
            "POST",
            "/api/v1/needs/" + ref + "/pledges",
            headers,
            body.getBytes(StandardCharsets.UTF_8));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response;
  }

  private static String pledgeId(RawHttp.Response response) {
    try {
      return JSON.readTree(response.body()).get("pledgeId").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> ids(JsonNode array, String field) {
    List<String> ids = new ArrayList<>();
    array.forEach(node -> ids.add(node.get(field).asText()));
    return ids;
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }
}
