package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.api.auth.Role;

/** {@code GET /occasions} over real HTTP, on {@link OccasionFixture}'s table. */
class OccasionsHttpTest extends OneServerPerClass {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  @Test
  void everyWindowIsListedByStartDateWithItsRatioAndInterval() throws Exception {
    JsonNode body = json(server.get("/api/v1/occasions", Role.LEADERSHIP), 200);
    JsonNode rows = body.get("occasions");

    assertThat(body.get("run").asText()).isEqualTo("run-1");
    assertThat(body.get("method").asText()).contains("clustered by donor");
    assertThat(rows).hasSize(8);
    assertThat(rows.get(0).get("occasion").asText()).isEqualTo("yalda");
    assertThat(rows.get(0).get("year").asInt()).isEqualTo(2023);
    assertThat(rows.get(1).get("occasion").asText()).isEqualTo("ramadan");
    assertThat(rows.get(1).get("overlaps").get(0).asText()).isEqualTo("nowruz");
    // the same window: amount, then donations, per currency, then sign-ups
    JsonNode yaldaDonations = rows.get(5);
    assertThat(yaldaDonations.get("name").asText()).isEqualTo("Yalda night");
    assertThat(yaldaDonations.get("measure").asText()).isEqualTo("donations");
    assertThat(yaldaDonations.get("currency").asText()).isEqualTo("IRR");
    assertThat(yaldaDonations.get("startDate").asText()).isEqualTo("2024-12-14");
    assertThat(yaldaDonations.get("occasionYear").asInt()).isEqualTo(1403);
    assertThat(yaldaDonations.get("comparisonDays").asInt()).isEqualTo(112);
    assertThat(yaldaDonations.get("rateRatio").get("estimate").asDouble()).isEqualTo(6.4);
    assertThat(yaldaDonations.get("rateRatio").get("low").asDouble()).isEqualTo(0.609443);
    assertThat(yaldaDonations.get("occasionEvents").asLong()).isEqualTo(2);
    assertThat(yaldaDonations.get("comparisonEvents").asLong()).isEqualTo(5);
    // one donor is one cluster: no interval; volunteers have no currency and no donors
    JsonNode usdAmount = rows.get(4);
    assertThat(usdAmount.get("measure").asText()).isEqualTo("amount");
    assertThat(usdAmount.get("rateRatio").get("low").isNull()).isTrue();
    JsonNode volunteers = rows.get(7);
    assertThat(volunteers.get("measure").asText()).isEqualTo("volunteer_sign_ups");
    assertThat(volunteers.get("currency").isNull()).isTrue();
    assertThat(volunteers.get("donors").isNull()).isTrue();
  }

  @Test
  void filtersByYearOccasionAndMeasureWithPersianNames() throws Exception {
    JsonNode rows =
        json(
                server.get(
                    "/api/v1/occasions?year=2024&occasion=yalda&measure=donations&lang=fa",
                    Role.PLANNER),
                200)
            .get("occasions");

    assertThat(rows).hasSize(2);
    assertThat(rows)
        .allSatisfy(
            row -> {
              assertThat(row.get("name").asText()).isEqualTo("شب یلدا");
              assertThat(row.get("year").asInt()).isEqualTo(2024);
              assertThat(row.get("measure").asText()).isEqualTo("donations");
            });
    assertThat(
            json(server.get("/api/v1/occasions?occasion=ramadan", Role.ADMIN), 200)
                .get("occasions"))
        .hasSize(1);
  }

  @Test
  void unknownFiltersAreRefusedWithTheValidValues() throws Exception {
    HttpResponse<String> year = server.get("/api/v1/occasions?year=1999", Role.LEADERSHIP);
    assertThat(year.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(json(year, 400).get("validYears").toString()).isEqualTo("[2023,2024]");
    assertThat(
            json(server.get("/api/v1/occasions?occasion=christmas", Role.LEADERSHIP), 400)
                .get("validOccasions")
                .toString())
        .contains("nowruz", "muharram");
    assertThat(
            json(server.get("/api/v1/occasions?measure=smiles", Role.LEADERSHIP), 400).toString())
        .contains("pledges", "pledged_amount");
    // the pledge measures are known, though this run has no pledge rows
    json(server.get("/api/v1/occasions?measure=pledges", Role.LEADERSHIP), 200);
    json(server.get("/api/v1/occasions?lang=de", Role.LEADERSHIP), 400);
  }

  @Test
  void aRunPublishedBeforeTheTableExistedIsServedWithNoOccasions(@TempDir Path warehouse)
      throws Exception {
    assertThat(
            PublishedRunFixture.storeOfRunWithout(warehouse, "occasion_giving")
                .current()
                .orElseThrow()
                .occasionGiving())
        .isEmpty();
  }

  @Test
  void onlyLeadershipPlannersAndAdminsMayAsk() throws Exception {
    assertThat(server.get("/api/v1/occasions", Role.RESEARCHER).statusCode()).isEqualTo(403);
    assertThat(server.get("/api/v1/occasions", Role.DONOR).statusCode()).isEqualTo(403);
    assertThat(server.getPublic("/api/v1/occasions").statusCode()).isEqualTo(401);
  }

  @Test
  void csvSpreadsTheRatioOverItsColumns() throws Exception {
    HttpResponse<String> csv =
        server.get("/api/v1/occasions?occasion=ramadan", Role.LEADERSHIP, "text/csv");

    assertThat(csv.statusCode()).isEqualTo(200);
    String header = csv.body().lines().findFirst().orElseThrow();
    assertThat(header).contains("rateRatio.estimate", "rateRatio.low", "rateRatio.high");
  }
}
