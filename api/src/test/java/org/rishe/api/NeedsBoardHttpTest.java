package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.api.auth.Role;

/** {@code GET /needs} and {@code GET /needs/{ref}} over real HTTP, on {@link NeedsFixture}. */
class NeedsBoardHttpTest extends OneServerPerClass {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  private static JsonNode needs(String query, Role role) throws Exception {
    return json(server.get("/api/v1/needs?limit=1000" + query, role), 200).get("needs");
  }

  private static List<String> refs(JsonNode needs) {
    List<String> refs = new ArrayList<>();
    needs.forEach(need -> refs.add(need.get("needRef").asText()));
    return refs;
  }

  private static String ref(String needId) {
    return NeedsFixture.REFS.ref(needId);
  }

  @Test
  void theBoardListsEveryOpenAndPledgedNeedLongestOpenFirstWithoutItsIdOrSubject()
      throws Exception {
    HttpResponse<String> response = server.get("/api/v1/needs?limit=1000", Role.DONOR);
    JsonNode body = json(response, 200);
    JsonNode needs = body.get("needs");

    assertThat(needs).hasSize(36);
    assertThat(body.get("minGroupSize").asInt()).isEqualTo(11);
    // F1 200 days, S1 100, then the ten boys at 40
    assertThat(refs(needs).subList(0, 2)).containsExactly(ref("need-F1"), ref("need-S1"));
    assertThat(response.body()).doesNotContain("need-", "needId", "subject", "person:", "family:");
    JsonNode g3 = needs.get(refs(needs).indexOf(ref("need-G3")));
    assertThat(g3.get("kind").asText()).isEqualTo("school_fees");
    assertThat(g3.get("kindLabel").asText()).isEqualTo("School fees");
    assertThat(g3.get("amount").asDouble()).isEqualTo(3_000_000.0);
    assertThat(g3.get("currency").asText()).isEqualTo("IRR");
    assertThat(g3.get("region").asText()).isEqualTo("R01");
    assertThat(g3.get("program").asText()).isEqualTo("PRG01");
    assertThat(g3.get("programName").asText()).isEqualTo("Back to School");
    assertThat(g3.get("daysOpen").asInt()).isEqualTo(13);
    assertThat(g3.get("status").asText()).isEqualTo("open");
    // eleven girls: shown; ten boys (k - 1): hidden; a family: none
    assertThat(g3.get("ageBand").asText()).isEqualTo("6-11");
    assertThat(g3.get("sex").asText()).isEqualTo("female");
    JsonNode b1 = needs.get(refs(needs).indexOf(ref("need-B1")));
    assertThat(b1.get("ageBand").isNull()).isTrue();
    assertThat(b1.get("sex").isNull()).isTrue();
    JsonNode f1 = needs.get(refs(needs).indexOf(ref("need-F1")));
    assertThat(f1.get("amount").isNull()).isTrue();
    assertThat(f1.get("currency").isNull()).isTrue();
    assertThat(f1.get("programName").isNull()).isTrue();
    assertThat(f1.get("ageBand").isNull()).isTrue();
  }

  @Test
  void filtersByKindRegionProgrammeCurrencyAndAmountWithPersianLabels() throws Exception {
    assertThat(needs("&kind=school_fees", Role.DONOR)).hasSize(22);
    assertThat(needs("&region=R02", Role.DONOR)).hasSize(12);
    assertThat(refs(needs("&program=PRG03", Role.DONOR)))
        .hasSize(11)
        .contains(ref("need-M1"), ref("need-M11"));
    assertThat(needs("&program=PRG04", Role.DONOR)).isEmpty();
    assertThat(refs(needs("&currency=USD", Role.DONOR))).containsExactly(ref("need-F2"));
    // 3,000,000 to 4,000,000: G3, G4, S1 and the eleven M
    assertThat(refs(needs("&minAmount=3000000&maxAmount=4000000", Role.DONOR)))
        .hasSize(14)
        .contains(ref("need-G3"), ref("need-G4"), ref("need-S1"))
        .doesNotContain(ref("need-F1"), ref("need-G5"));
    assertThat(needs("&maxAmount=100", Role.DONOR)).hasSize(1);
    JsonNode medical = needs("&kind=medical&region=R02&lang=fa", Role.LEADERSHIP);
    assertThat(medical).hasSize(11);
    assertThat(medical.get(0).get("kindLabel").asText()).isEqualTo("درمان");
  }

  @Test
  void unknownFilterValuesAreRefusedListingTheValidOnes() throws Exception {
    HttpResponse<String> kind = server.get("/api/v1/needs?kind=tuition", Role.DONOR);
    assertThat(kind.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(json(kind, 400).get("validKinds").toString()).contains("school_fees", "clothing");
    assertThat(
            json(server.get("/api/v1/needs?region=R09", Role.DONOR), 400)
                .get("validRegions")
                .toString())
        .isEqualTo("[\"R01\",\"R02\",\"R03\"]");
    assertThat(
            json(server.get("/api/v1/needs?program=PRG99", Role.DONOR), 400)
                .get("validPrograms")
                .toString())
        .isEqualTo("[\"PRG01\",\"PRG03\",\"PRG04\"]");
    json(server.get("/api/v1/needs?currency=EUR", Role.DONOR), 400);
    for (String amount :
        List.of(
            "minAmount=abc", "minAmount=-1", "maxAmount=NaN", "minAmount=1e999", "minAmount=")) {
      json(server.get("/api/v1/needs?" + amount, Role.DONOR), 400);
    }
    assertThat(
            json(server.get("/api/v1/needs?minAmount=5&maxAmount=4", Role.DONOR), 400)
                .get("detail")
                .asText())
        .contains("above maxAmount");
    json(server.get("/api/v1/needs?lang=de", Role.DONOR), 400);
  }

  @Test
  void oneNeedByItsReferenceOr404() throws Exception {
    JsonNode g1 = json(server.get("/api/v1/needs/" + ref("need-G1") + "?lang=fa", Role.DONOR), 200);
    assertThat(g1.get("needRef").asText()).isEqualTo(ref("need-G1"));
    assertThat(g1.get("kindLabel").asText()).isEqualTo("شهریه مدرسه");
    assertThat(g1.get("ageBand").asText()).isEqualTo("6-11");
    assertThat(g1.has("needId")).isFalse();
    JsonNode b1 = json(server.get("/api/v1/needs/" + ref("need-B1"), Role.ADMIN), 200);
    assertThat(b1.get("sex").isNull()).isTrue();

    HttpResponse<String> missing = server.get("/api/v1/needs/NAAAAAAAAAAAA", Role.DONOR);
    assertThat(missing.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    json(missing, 404);
    // the need id is no reference
    json(server.get("/api/v1/needs/need-G1", Role.DONOR), 404);
  }

  @Test
  void donorsLeadershipPlannersAndAdminsMaySeeTheBoardResearchersAndVolunteersMayNot()
      throws Exception {
    for (Role role : List.of(Role.DONOR, Role.LEADERSHIP, Role.PLANNER, Role.ADMIN)) {
      assertThat(server.get("/api/v1/needs", role).statusCode()).as(role.name()).isEqualTo(200);
    }
    String one = "/api/v1/needs/" + ref("need-G1");
    for (Role role : List.of(Role.RESEARCHER, Role.VOLUNTEER)) {
      assertThat(server.get("/api/v1/needs", role).statusCode()).isEqualTo(403);
      assertThat(server.get(one, role).statusCode()).isEqualTo(403);
    }
    assertThat(server.getPublic("/api/v1/needs").statusCode()).isEqualTo(401);
    assertThat(server.getPublic(one).statusCode()).isEqualTo(401);
  }

  @Test
  void aDonationGivenForANeedNamesItByItsReferenceNeverByItsId() throws Exception {
    String donor = server.dependencies.keys().create(Role.DONOR, "donorA");
    JsonNode onBoard =
        json(HttpGet.send(server.port(), "/api/v1/donations/D3/journey", donor), 200);
    assertThat(onBoard.get("designation").asText()).isEqualTo("need:" + ref("need-G1"));
    // a need no longer on the board (met) is named by its kind of designation alone
    HttpResponse<String> met = server.get("/api/v1/donations/D4/journey", Role.LEADERSHIP);
    assertThat(json(met, 200).get("designation").asText()).isEqualTo("need");
    assertThat(met.body()).doesNotContain("need-met");
  }

  @Test
  void csvAndPagesCarryTheSameNeeds() throws Exception {
    HttpResponse<String> csv =
        server.get("/api/v1/needs?limit=1000&kind=medical", Role.DONOR, "text/csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "needRef,kind,kindLabel,amount,currency,region,program,programName,ageBand,sex,"
                + "daysOpen,status");
    assertThat(lines).hasSize(12);
    assertThat(lines.get(1)).endsWith(",R02,PRG03,,6-11,female,20,open");
    assertThat(csv.body()).doesNotContain("need-");

    List<String> paged = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          json(
              server.get(
                  "/api/v1/needs?limit=7" + (cursor == null ? "" : "&cursor=" + cursor),
                  Role.DONOR),
              200);
      paged.addAll(refs(page.get("needs")));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
    } while (cursor != null);
    assertThat(paged).containsExactlyElementsOf(refs(needs("", Role.DONOR)));
  }

  @Test
  void aRunPublishedBeforeTheBoardExistedIsServedWithNoNeeds(@TempDir Path warehouse)
      throws Exception {
    assertThat(
            PublishedRunFixture.storeOfRunWithout(warehouse, "needs_board")
                .current()
                .orElseThrow()
                .needsBoard())
        .isEmpty();
  }
}
