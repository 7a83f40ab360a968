package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rishe.api.auth.Role;

/**
 * No served need lets anyone single out a child. The attacker reads every answer of the needs board
 * (every filter, every page, every single need) with a donor's key and every researcher aggregate
 * over region × sex × age band, and tries to narrow a need down to fewer than k = 11 people by
 * joining the two. The truth is the fixture's design ({@link NeedsFixture}), written out here by
 * hand: who stands behind each (region, kind, age band, sex).
 */
class NeedsDisclosureAttackTest extends OneServerPerClass {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int K = 11;

  /** People with a need on the board per region, kind, age band and sex, counted by hand. */
  private static final Map<String, Integer> PEOPLE_BEHIND =
      Map.of(
          "R01|school_fees|6-11|female", 11,
          "R01|school_fees|6-11|male", 10,
          "R02|food|6-11|female", 1,
          "R02|medical|6-11|female", 11);

  private static JsonNode get(String path, Role role) throws Exception {
    var response = server.get(path, role);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** Every need of every page of one board answer. */
  private static List<JsonNode> board(String query) throws Exception {
    List<JsonNode> needs = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          get(
              "/api/v1/needs?limit=5" + query + (cursor == null ? "" : "&cursor=" + cursor),
              Role.DONOR);
      page.get("needs").forEach(needs::add);
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
    } while (cursor != null);
    return needs;
  }

  private static String shown(JsonNode need) {
    return need.get("ageBand").isNull() && need.get("sex").isNull()
        ? null
        : need.get("ageBand").asText() + "|" + need.get("sex").asText();
  }

  /** Every way the attacker can ask the board, the single-need route included. */
  private static Map<String, List<String>> everyAnswer() throws Exception {
    List<String> queries = new ArrayList<>(List.of("", "&lang=fa"));
    for (String kind : List.of("school_fees", "food", "medical", "rent")) {
      queries.add("&kind=" + kind);
      for (String region : List.of("R01", "R02", "R03")) {
        queries.add("&kind=" + kind + "&region=" + region);
      }
    }
    for (String region : List.of("R01", "R02", "R03")) {
      queries.add("&region=" + region);
    }
    for (String program : List.of("PRG01", "PRG03", "PRG04")) {
      queries.add("&program=" + program);
    }
    queries.addAll(
        List.of(
            "&currency=IRR",
            "&currency=USD",
            "&minAmount=1900000&maxAmount=2100000",
            "&maxAmount=1000000",
            "&minAmount=3000000",
            "&minAmount=4000000&maxAmount=4000000&region=R02"));
    Map<String, List<String>> seen = new HashMap<>();
    for (String query : queries) {
      for (JsonNode need : board(query)) {
        seen.computeIfAbsent(need.get("needRef").asText(), ref -> new ArrayList<>())
            .add(shown(need));
      }
    }
    for (String ref : List.copyOf(seen.keySet())) {
      seen.get(ref).add(shown(get("/api/v1/needs/" + ref, Role.DONOR)));
    }
    return seen;
  }

  @Test
  void everyNeedIsShownTheSameWayWhateverTheFilterAndNoGroupBelowKIsShown() throws Exception {
    Map<String, List<String>> seen = everyAnswer();
    Map<String, JsonNode> byRef = new HashMap<>();
    board("").forEach(need -> byRef.put(need.get("needRef").asText(), need));

    assertThat(seen).hasSize(NeedsFixture.NEEDS.size());
    for (NeedsFixture.Need need : NeedsFixture.NEEDS) {
      List<String> answers = seen.get(need.ref());
      // one way, in every answer: no filter, page or route reveals what another hides
      assertThat(answers).as(need.needId()).hasSizeGreaterThan(2).containsOnly(answers.get(0));
      String group = need.region() + "|" + need.kind() + "|" + need.ageBand() + "|" + need.sex();
      if (answers.get(0) != null) {
        assertThat(PEOPLE_BEHIND.get(group)).as(group).isGreaterThanOrEqualTo(K);
      } else if (PEOPLE_BEHIND.containsKey(group)) {
        assertThat(PEOPLE_BEHIND.get(group)).as(group).isLessThan(K);
      }
    }
    // the served groups, as the attacker counts them from the answers: the 11 girls of R01 and of
    // R02, never the 10 boys nor the one girl with a food need
    Map<String, Integer> servedGroups = new HashMap<>();
    byRef.values().stream()
        .filter(need -> shown(need) != null)
        .forEach(
            need ->
                servedGroups.merge(
                    need.get("region").asText()
                        + "|"
                        + need.get("kind").asText()
                        + "|"
                        + shown(need),
                    1,
                    Integer::sum));
    assertThat(servedGroups.keySet())
        .containsExactlyInAnyOrder("R01|school_fees|6-11|female", "R02|medical|6-11|female");
  }

  @Test
  void joiningTheBoardWithTheResearcherAggregatesNarrowsNoNeedBelowK() throws Exception {
    // the researcher cannot read the board at all
    assertThat(server.get("/api/v1/needs", Role.RESEARCHER).statusCode()).isEqualTo(403);
    Map<String, JsonNode> people = new HashMap<>();
    String body = "{\"measure\":\"people\",\"dimensions\":[\"region\",\"sex\",\"ageBand\"]}";
    RawHttp.Response response = server.postJson("/api/v1/query?limit=1000", body, Role.RESEARCHER);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    for (JsonNode cell : JSON.readTree(response.body()).get("rows")) {
      // no researcher cell of 1 to k - 1 is served
      if (!cell.get("value").isNull()) {
        assertThat(cell.get("value").asLong())
            .as(cell.toString())
            .satisfiesAnyOf(
                value -> assertThat(value).isZero(),
                value -> assertThat(value).isGreaterThanOrEqualTo(K));
      }
      people.put(
          cell.get("region").asText()
              + "|"
              + cell.get("ageBand").asText()
              + "|"
              + cell.get("sex").asText(),
          cell);
    }
    for (JsonNode need : board("")) {
      if (shown(need) == null) {
        continue;
      }
      String group =
          need.get("region").asText() + "|" + need.get("kind").asText() + "|" + shown(need);
      // the need is one of the people behind its group on the board: at least k of them
      assertThat(PEOPLE_BEHIND.get(group)).as(group).isGreaterThanOrEqualTo(K);
      // and the researcher's matching cell, if served, holds at least as many: it narrows nothing
      JsonNode cell = people.get(need.get("region").asText() + "|" + shown(need));
      assertThat(cell).as(group).isNotNull();
      if (!cell.get("suppressed").asBoolean()) {
        assertThat(cell.get("value").asLong()).as(group).isGreaterThanOrEqualTo(K);
      }
    }
  }
}
