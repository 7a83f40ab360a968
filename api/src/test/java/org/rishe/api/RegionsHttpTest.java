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
