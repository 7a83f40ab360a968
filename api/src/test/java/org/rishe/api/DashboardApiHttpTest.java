package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.api.auth.Role;

/**
 * The dashboard, hotspots, journey and matches routes over real HTTP, on DashboardFixture's run.
 */
class DashboardApiHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path warehouse;
  private ServedWarehouse server;
  private String leadership;

  @BeforeEach
  void startWithARun() throws Exception {
    server = new ServedWarehouse(warehouse);
    PublishedRunFixture.publish(
        warehouse,
        "run-1",
        List.of(new PublishedRunFixture.Problem("malnutrition", "Malnutrition", "سوءتغذیه", 9, 9)));
    server.awaitRun("run-1");
    leadership = server.keys.create(Role.LEADERSHIP, null);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void summaryAddsUpThePeriodAndRegionAndTakesExactMedians() throws Exception {
    JsonNode body =
        json(
            server.get("/api/v1/dashboard/summary?from=2024-01&to=2024-02&region=R01", leadership),
            200);
    JsonNode kpis = body.get("kpis");

    assertThat(body.get("calendar").asText()).isEqualTo("gregorian");
    assertThat(kpis.get("peopleReached").asLong()).isEqualTo(6);
    assertThat(kpis.get("familiesReached").asLong()).isEqualTo(2);
    assertThat(kpis.get("casesOpened").asLong()).isEqualTo(6);
    assertThat(kpis.get("casesResolved").asLong()).isEqualTo(3);
    // Resolution days 10, 20 and 40: the median is 20, not the mean of monthly medians.
    assertThat(kpis.get("medianDaysToResolution").asDouble()).isEqualTo(20.0);
    assertThat(kpis.get("programParticipants").asLong()).isEqualTo(3);
    assertThat(kpis.get("completionRate").asDouble()).isEqualTo(2.0 / 3);
    assertThat(kpis.get("costPerParticipant").asDouble()).isEqualTo(70.0);
    assertThat(kpis.get("donationsReceived").asLong()).isEqualTo(3);
    assertThat(kpis.get("shareDelivered").asDouble()).isEqualTo(1.0 / 3);
    assertThat(kpis.get("medianDaysToDelivery").asDouble()).isEqualTo(12.0);
    assertThat(kpis.get("amountsReceived").get(0).get("currency").asText()).isEqualTo("IRR");
    assertThat(kpis.get("amountsReceived").get(0).get("amount").asDouble()).isEqualTo(130.0);
  }

  @Test
  void summaryOverEveryRegionIncludesUnassignedDonationsAndAnEvenMedian() throws Exception {
    JsonNode kpis =
        json(server.get("/api/v1/dashboard/summary?from=2024-02", leadership), 200).get("kpis");
    JsonNode january =
        json(server.get("/api/v1/dashboard/summary?to=2024-01", leadership), 200).get("kpis");

    assertThat(kpis.get("casesOpened").asLong()).isEqualTo(3);
    assertThat(kpis.get("medianDaysToResolution").asDouble()).isEqualTo(30.0);
    assertThat(january.get("donationsReceived").asLong()).isEqualTo(3);
    assertThat(january.get("medianDaysToDelivery").asDouble()).isEqualTo(10.0);
  }

  @Test
  void jalaliSummaryReadsTheJalaliMonths() throws Exception {
    JsonNode body =
        json(server.get("/api/v1/dashboard/summary?calendar=jalali&from=1402-11", leadership), 200);

    assertThat(body.get("calendar").asText()).isEqualTo("jalali");
    assertThat(body.get("kpis").get("casesOpened").asLong()).isEqualTo(4);
    assertThat(body.get("kpis").get("medianDaysToResolution").isNull()).isTrue();
  }

  @Test
  void trendsGiveOnePointPerMonthWithZerosBetween() throws Exception {
    JsonNode body =
        json(
            server.get(
                "/api/v1/dashboard/trends?metric=casesOpened&by=month&from=2023-12&to=2024-03",
                server.keys.create(Role.PLANNER, null)),
            200);

    List<String> points = new ArrayList<>();
    body.get("points")
        .forEach(p -> points.add(p.get("period").asText() + "=" + p.get("value").asText()));
    assertThat(points).containsExactly("2023-12=0", "2024-01=4", "2024-02=3", "2024-03=0");
  }

  @Test
  void anAmountTrendStaysWithinOneCurrencyAndAsksForIt() throws Exception {
    String planner = server.keys.create(Role.PLANNER, null);
    JsonNode body =
        json(
            server.get(
                "/api/v1/dashboard/trends?metric=amountReceived&currency=IRR&from=2024-01"
                    + "&to=2024-02",
                planner),
            200);

    // fixture: IRR 100.0 in January (USD 50.0 the same month is another currency), 30.0 in Feb
    List<String> points = new ArrayList<>();
    body.get("points")
        .forEach(p -> points.add(p.get("period").asText() + "=" + p.get("value").asDouble()));
    assertThat(points).containsExactly("2024-01=100.0", "2024-02=30.0");
    assertThat(body.get("currency").asText()).isEqualTo("IRR");
    JsonNode missing =
        json(server.get("/api/v1/dashboard/trends?metric=amountReceived", planner), 400);
    assertThat(missing.get("validCurrencies").toString()).isEqualTo("[\"IRR\",\"USD\"]");
  }

  @Test
  void badParametersAreProblemJsonSayingHowToFixThem() throws Exception {
    assertThat(detail("/api/v1/dashboard/summary?calendar=julian"))
        .isEqualTo(
            "calendar must be gregorian or jalali, got 'julian'; leave it out for gregorian");
    assertThat(detail("/api/v1/dashboard/summary?from=2024-13"))
        .isEqualTo(
            "from must be a month written YYYY-MM in the gregorian calendar (e.g. 2024-06), got"
                + " '2024-13'");
    assertThat(detail("/api/v1/dashboard/summary?from=2024-06&to=2024-01"))
        .isEqualTo("from (2024-06) is after to (2024-01); pass the earlier month as from");
    assertThat(detail("/api/v1/dashboard/summary?region=R99"))
        .startsWith("region 'R99' has no published data");
    assertThat(detail("/api/v1/dashboard/trends")).startsWith("metric is missing; pass metric=");
    assertThat(detail("/api/v1/dashboard/trends?metric=casesOpened&by=week"))
        .startsWith("by must be month");
    JsonNode region = json(server.get("/api/v1/dashboard/summary?region=R99", leadership), 400);
    assertThat(region.get("validRegions").toString()).contains("R01", "R02", "unassigned");
  }

  @Test
  void hotspotsListFlaggedMonthsToResearchersAndNotToDonors() throws Exception {
    JsonNode flagged =
        json(server.get("/api/v1/hotspots", server.keys.create(Role.RESEARCHER, null)), 200);
    JsonNode all = json(server.get("/api/v1/hotspots?all=true", leadership), 200);

    assertThat(flagged.get("hotspots")).hasSize(1);
    JsonNode hotspot = flagged.get("hotspots").get(0);
    assertThat(hotspot.get("region").asText()).isEqualTo("R01");
    assertThat(hotspot.get("problem").asText()).isEqualTo("malnutrition");
    assertThat(hotspot.get("period").asText()).isEqualTo("2024-06");
    assertThat(hotspot.get("observed").asLong()).isEqualTo(12);
    // the months of its baseline are not served (the fixture has one month per series), so a
    // researcher cannot check the mean against them: it and the score are withheld
    assertThat(hotspot.get("expected").isNull()).isTrue();
    assertThat(hotspot.get("score").isNull()).isTrue();
    assertThat(all.get("hotspots")).hasSize(2);
    assertThat(all.get("hotspots").get(0).get("expected").asDouble()).isEqualTo(3.1);
    assertThat(all.get("hotspots").get(0).get("score").asDouble()).isEqualTo(6.2);
    assertThat(
            server.get("/api/v1/hotspots", server.keys.create(Role.DONOR, "donorA")).statusCode())
        .isEqualTo(403);
    // a filter by a code the run knows narrows the list; a mistyped one is a 400 naming the valid
    assertThat(
            json(
                    server.get(
                        "/api/v1/hotspots?all=true&region=R01&problem=malnutrition", leadership),
                    200)
                .get("hotspots"))
        .isNotEmpty();
    HttpResponse<String> typo = server.get("/api/v1/hotspots?region=R0l", leadership);
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(typo.body()).get("validRegions"))
        .extracting(JsonNode::asText)
        .contains("R01");
    HttpResponse<String> problem = server.get("/api/v1/hotspots?problem=malnutriton", leadership);
    assertThat(problem.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(problem.body()).get("validProblems"))
        .extracting(JsonNode::asText)
        .contains("malnutrition");
  }

  @Test
  void hotspotsArePagedWithACursor() throws Exception {
    JsonNode first = json(server.get("/api/v1/hotspots?all=true&limit=1", leadership), 200);
    JsonNode second =
        json(
            server.get(
                "/api/v1/hotspots?all=true&limit=1&cursor=" + first.get("nextCursor").asText(),
                leadership),
            200);

    assertThat(first.get("hotspots")).hasSize(1);
    assertThat(first.get("hotspots").get(0).get("region").asText()).isEqualTo("R01");
    assertThat(second.get("hotspots").get(0).get("region").asText()).isEqualTo("R02");
    assertThat(second.get("nextCursor").isNull()).isTrue();
    assertThat(detail("/api/v1/hotspots?limit=0"))
        .isEqualTo("limit must be a whole number from 1 to 1000, got '0'");
  }

  @Test
  void aDonorSeesOwnJourneyAndAnyOtherIdAnswersLikeAMissingOne() throws Exception {
    String donor = server.keys.create(Role.DONOR, "donorA");

    JsonNode own = json(server.get("/api/v1/donations/D1/journey", donor), 200);
    HttpResponse<String> other = server.get("/api/v1/donations/D2/journey", donor);
    HttpResponse<String> missing = server.get("/api/v1/donations/D9/journey", donor);

    assertThat(own.get("current").asText()).isEqualTo("delivered");
    assertThat(own.get("designation").asText()).isEqualTo("program:PRG01");
    assertThat(own.get("stages").get(0).get("stage").asText()).isEqualTo("received");
    assertThat(own.get("stages").get(1).get("at").asText()).isEqualTo("2025-01-11T00:00:00Z");
    assertThat(own.get("stageGaps").get(0).get("days").asDouble()).isEqualTo(10.0);
    assertThat(own.get("daysToDelivery").asInt()).isEqualTo(10);
    assertThat(own.get("flags")).isEmpty();
    assertThat(own.has("donorId")).isFalse();
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(other.body().replace("D2", "D9")).isEqualTo(missing.body());
  }

  @Test
  void leadershipSeesEveryJourneyAndPlannersMayNot() throws Exception {
    JsonNode journey = json(server.get("/api/v1/donations/D2/journey", leadership), 200);

    assertThat(journey.get("flags").get(0).asText()).isEqualTo("stalled");
    assertThat(journey.get("deliveredOn").isNull()).isTrue();
    assertThat(
            server
                .get("/api/v1/donations/D2/journey", server.keys.create(Role.PLANNER, null))
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void volunteerMatchesAreRankedWithReasonsAndAnUnknownVolunteerIsNotFound() throws Exception {
    JsonNode body = json(server.get("/api/v1/volunteers/V1/matches", leadership), 200);

    assertThat(body.get("matches")).hasSize(2);
    assertThat(body.get("matches").get(0).get("programId").asText()).isEqualTo("PRG01");
    assertThat(body.get("matches").get(0).get("rank").asInt()).isEqualTo(1);
    assertThat(body.get("matches").get(0).get("reasons").get(0).asText())
        .isEqualTo("interested in education_support");
    assertThat(server.get("/api/v1/volunteers/V404/matches", leadership).statusCode())
        .isEqualTo(404);
  }

  private String detail(String path) throws Exception {
    return json(server.get(path, leadership), 400).get("detail").asText();
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }
}
