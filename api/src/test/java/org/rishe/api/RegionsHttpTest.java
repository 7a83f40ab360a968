package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.api.auth.Role;
import org.rishe.api.results.ResultsStore;

/** {@code GET /regions} over real HTTP, on {@link RegionFixture}'s catalogue. */
class RegionsHttpTest extends OneServerPerClass {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path warehouse;

  private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  @Test
  void everyRegionIsListedByCodeWithBothNamesItsParentAndItsOutline() throws Exception {
    JsonNode body = json(server.get("/api/v1/regions", Role.PLANNER), 200);
    JsonNode regions = body.get("regions");

    assertThat(body.get("run").asText()).isEqualTo("run-1");
    assertThat(regions).hasSize(4);
    JsonNode r01 = regions.get(0);
    assertThat(r01.get("code").asText()).isEqualTo("R01");
    assertThat(r01.get("nameEn").asText()).isEqualTo("Capital District");
    assertThat(r01.get("nameFa").asText()).isEqualTo("ناحیه پایتخت");
    assertThat(r01.get("parent").asText()).isEqualTo("Z1");
    // the outline is served as a GeoJSON object, not as text
    assertThat(r01.get("geometry")).isEqualTo(JSON.readTree(RegionFixture.R01_OUTLINE));
    JsonNode r03 = regions.get(2);
    assertThat(r03.get("code").asText()).isEqualTo("R03");
    assertThat(r03.get("parent").isNull()).isTrue();
    assertThat(r03.get("geometry").isNull()).isTrue();
    assertThat(regions.get(3).get("code").asText()).isEqualTo("Z1");
  }

  @Test
  void staffAreToldWhichRegionsHaveCasesOfTheirOwn() throws Exception {
    JsonNode regions = json(server.get("/api/v1/regions", Role.PLANNER), 200).get("regions");

    // the fixture's cases cube (PublishedRunFixture.CASES): R01 10+9+3+40 = 62, R02 20+22+35+18 =
    // 95, R03 30+29+12+14 = 85; the zone Z1 holds R01 and R02 but no case of its own
    assertThat(regions)
        .extracting(r -> r.get("code").asText() + "=" + r.get("hasData").asText())
        .containsExactly("R01=true", "R02=true", "R03=true", "Z1=false");
  }

  @Test
  void aResearcherIsToldWhetherARegionHasCasesOnlyWhereTheQueryServesItsTotal() throws Exception {
    JsonNode regions = json(server.get("/api/v1/regions", Role.RESEARCHER), 200).get("regions");
    JsonNode totals =
        JSON.readTree(
                server
                    .postJson(
                        "/api/v1/query",
                        "{\"measure\":\"cases\",\"dimensions\":[\"region\"]}",
                        Role.RESEARCHER)
                    .body())
            .get("rows");
    java.util.Map<String, JsonNode> served = new java.util.HashMap<>();
    totals.forEach(row -> served.put(row.get("region").asText(), row.get("value")));

    assertThat(served).containsOnlyKeys("R01", "R02", "R03");
    // not vacuous: the fixture's region totals (62, 95, 85) are large enough to be served
    assertThat(regions).anyMatch(region -> region.get("hasData").asBoolean(false));
    for (JsonNode region : regions) {
      String code = region.get("code").asText();
      JsonNode total = served.get(code);
      JsonNode hasData = region.get("hasData");
      if (total == null) {
        // a region the cases never name has nobody in it
        assertThat(hasData.asBoolean(true)).as(code).isFalse();
      } else if (total.isNull()) {
        assertThat(hasData.isNull()).as(code).isTrue();
      } else {
        assertThat(hasData.asBoolean()).as(code).isEqualTo(total.asLong() > 0);
      }
    }
  }

  @Test
  void theDashboardRolesAndResearchersMayReadItButNotDonorsOrVolunteers() throws Exception {
    for (Role role : new Role[] {Role.LEADERSHIP, Role.RESEARCHER, Role.ADMIN}) {
      assertThat(server.get("/api/v1/regions", role).statusCode()).as(role.code()).isEqualTo(200);
    }
    for (Role role : new Role[] {Role.DONOR, Role.VOLUNTEER}) {
      assertThat(server.get("/api/v1/regions", role).statusCode()).as(role.code()).isEqualTo(403);
    }
    assertThat(server.getPublic("/api/v1/regions").statusCode()).isEqualTo(401);
  }

  @Test
  void aRunPublishedBeforeTheCatalogueExistedHasNoRegions() {
    ResultsStore store = PublishedRunFixture.storeOfRunWithout(warehouse, "regions");

    assertThat(store.current().orElseThrow().regions()).isEmpty();
  }
}
