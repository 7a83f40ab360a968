package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.api.auth.ApiKeyStore;
import org.rishe.api.auth.Role;
import org.rishe.api.volunteers.Interest;
import org.rishe.api.volunteers.InterestLog;

/**
 * A volunteer's own matches and registered interests over real HTTP, on DashboardFixture's matches
 * (volunteer V1: PRG01 then PRG04) and the programmes PRG01 and PRG04 of the test server's run.
 */
class VolunteerHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path warehouse;
  private TestServer server;

  @BeforeEach
  void start() {
    server = TestServer.unlimited(warehouse);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aVolunteerSeesOwnMatchesWithTheirReasonsAndNobodyElses() throws Exception {
    String other = server.dependencies.keys().create(Role.VOLUNTEER, "V2");

    JsonNode own = json(server.get("/api/v1/me/matches", Role.VOLUNTEER), 200);
    // the same path with another volunteer's key: their (no) matches, never V1's cached answer
    JsonNode others = json(HttpGet.send(server.port(), "/api/v1/me/matches", other), 200);

    assertThat(own.get("volunteerId").asText()).isEqualTo("V1");
    assertThat(own.get("matches")).hasSize(2);
    JsonNode first = own.get("matches").get(0);
    assertThat(first.get("programId").asText()).isEqualTo("PRG01");
    assertThat(first.get("rank").asInt()).isEqualTo(1);
    assertThat(first.get("reasons").get(0).asText()).isEqualTo("interested in education_support");
    assertThat(own.get("matches").get(1).get("programId").asText()).isEqualTo("PRG04");
    // the same content as the coordinators' route for that volunteer
    JsonNode coordinators = json(server.get("/api/v1/volunteers/V1/matches", Role.PLANNER), 200);
    assertThat(own.get("matches")).isEqualTo(coordinators.get("matches"));
    assertThat(others.get("volunteerId").asText()).isEqualTo("V2");
    assertThat(others.get("matches")).isEmpty();
    // a volunteer cannot name another volunteer, and only volunteers have matches of their own
    assertThat(server.get("/api/v1/volunteers/V2/matches", Role.VOLUNTEER).statusCode())
        .isEqualTo(403);
    assertThat(server.get("/api/v1/me/matches", Role.PLANNER).statusCode()).isEqualTo(403);
    assertThat(server.get("/api/v1/me/matches", Role.ADMIN).statusCode()).isEqualTo(403);
    // an id unknown to the run: a coordinator who typed the charity's own id is told the route
    // takes the pseudonym; one who gave a pseudonym is not
    HttpResponse<String> raw = server.get("/api/v1/volunteers/VOL-01/matches", Role.PLANNER);
    assertThat(raw.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(raw.body()).get("detail").asText())
        .contains("the volunteer's pseudonym as the warehouse stores it");
    HttpResponse<String> pseudonym =
        server.get("/api/v1/volunteers/" + "0123456789abcdef".repeat(2) + "/matches", Role.PLANNER);
    assertThat(pseudonym.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(pseudonym.body()).get("detail").asText()).doesNotContain("pseudonym");
  }

  @Test
  void interestIsRecordedOnceAndARetryWithItsIdempotencyKeyGetsTheFirstAnswer() throws Exception {
    RawHttp.Response created = interest("PRG01", Role.VOLUNTEER, "k-1");
    RawHttp.Response retried = interest("PRG01", Role.VOLUNTEER, "k-1");
    RawHttp.Response again = interest("PRG01", Role.VOLUNTEER, null);
    RawHttp.Response reused = interest("PRG04", Role.VOLUNTEER, "k-1");

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode record = JSON.readTree(created.body());
    assertThat(record.get("programId").asText()).isEqualTo("PRG01");
    assertThat(record.get("idempotencyKey").asText()).isEqualTo("k-1");
    assertThat(record.get("registeredAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(record.has("volunteerId")).isFalse();
    assertThat(retried.status()).isEqualTo(201);
    assertThat(retried.body()).isEqualTo(created.body());
    assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(created.header("Idempotent-Replayed")).isNull();
    // the same volunteer and programme without the key: the first record, not a second one
    assertThat(again.status()).isEqualTo(200);
    JsonNode first = JSON.readTree(again.body());
    assertThat(first.get("programId").asText()).isEqualTo("PRG01");
    assertThat(first.get("registeredAt")).isEqualTo(record.get("registeredAt"));
    // the log keeps the key's hash only: an answer to another request names no key
    assertThat(first.get("idempotencyKey").isNull()).isTrue();
    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.isProblemJson()).isTrue();
    assertThat(JSON.readTree(reused.body()).get("detail").asText())
        .contains("already used to register interest in programme PRG01");
    List<Interest> stored = InterestLog.read(server.layout.interestLog());
    assertThat(stored)
        .containsExactly(
            new Interest(
                "V1",
                "PRG01",
                record.get("registeredAt").asText(),
                null,
                ApiKeyStore.sha256("k-1")));
    assertThat(Files.readString(server.layout.interestLog()).lines()).hasSize(1);
    assertThat(Files.readString(server.layout.interestLog())).doesNotContain("k-1");
  }

  @Test
  void aVolunteerListsOwnRegisteredInterestsAndNobodyElses() throws Exception {
    String other = server.dependencies.keys().create(Role.VOLUNTEER, "V2");
    JsonNode before = json(server.get("/api/v1/me/interests", Role.VOLUNTEER), 200);
    RawHttp.Response prg04 = interest("PRG04", Role.VOLUNTEER, "k-4");
    RawHttp.Response prg01 = interest("PRG01", Role.VOLUNTEER, null);
    interest("PRG04", Role.VOLUNTEER, null); // registered before: no second record
    RawHttp.Response others = post("PRG01", other, "k-4");

    // read at each request: the answer before the registrations is not served again after them
    JsonNode own = json(server.get("/api/v1/me/interests", Role.VOLUNTEER), 200);
    JsonNode theirs = json(HttpGet.send(server.port(), "/api/v1/me/interests", other), 200);

    assertThat(before.get("interests")).isEmpty();
    assertThat(own.get("interests")).hasSize(2);
    JsonNode first = own.get("interests").get(0);
    assertThat(first.get("programId").asText()).isEqualTo("PRG04");
    assertThat(first.get("registeredAt").asText())
        .isEqualTo(JSON.readTree(prg04.body()).get("registeredAt").asText());
    assertThat(own.get("interests").get(1).get("programId").asText()).isEqualTo("PRG01");
    assertThat(own.get("interests").get(1).get("registeredAt").asText())
        .isEqualTo(JSON.readTree(prg01.body()).get("registeredAt").asText());
    // nothing but the programme and the time: no volunteer id, no Idempotency-Key
    assertThat(first.size()).isEqualTo(2);
    assertThat(own.size()).isEqualTo(1);
    assertThat(own.toString()).doesNotContain("V1").doesNotContain("k-4");
    assertThat(others.status()).isEqualTo(201);
    assertThat(theirs.get("interests")).hasSize(1);
    assertThat(theirs.get("interests").get(0).get("programId").asText()).isEqualTo("PRG01");
    // only a volunteer has interests of their own
    for (Role role : List.of(Role.PLANNER, Role.ADMIN, Role.DONOR, Role.LEADERSHIP)) {
      assertThat(server.get("/api/v1/me/interests", role).statusCode())
          .as(role.code())
          .isEqualTo(403);
    }
    assertThat(HttpGet.send(server.port(), "/api/v1/me/interests", null).statusCode())
        .isEqualTo(401);
  }

  @Test
  void anUnknownProgrammeIsNotFoundAndOnlyAVolunteerMayRegister() throws Exception {
    RawHttp.Response unknown = interest("PRG99", Role.VOLUNTEER, null);
    RawHttp.Response badKey = interest("PRG01", Role.VOLUNTEER, "has space");
    RawHttp.Response longKey = interest("PRG01", Role.VOLUNTEER, "k".repeat(201));

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.isProblemJson()).isTrue();
    assertThat(JSON.readTree(unknown.body()).get("validCodes").toString())
        .isEqualTo("[\"PRG01\",\"PRG04\"]");
    assertThat(badKey.status()).isEqualTo(400);
    assertThat(JSON.readTree(badKey.body()).get("detail").asText())
        .startsWith("the Idempotency-Key header must be 1 to 200 printable ASCII characters");
    assertThat(longKey.status()).isEqualTo(400);
    for (Role role : List.of(Role.PLANNER, Role.ADMIN, Role.DONOR, Role.LEADERSHIP)) {
      RawHttp.Response refused = interest("PRG01", role, null);
      assertThat(refused.status()).as(role.code()).isEqualTo(403);
      assertThat(refused.isProblemJson()).isTrue();
    }
    assertThat(server.layout.interestLog()).doesNotExist();
  }

  @Test
  void concurrentRequestsRecordEachVolunteerAndIdempotencyKeyExactlyOnce() throws Exception {
    List<String> volunteers = List.of("V1", "V2", "V3", "V4");
    Map<String, String> keys = new LinkedHashMap<>();
    for (String volunteer : volunteers) {
      keys.put(volunteer, server.dependencies.keys().create(Role.VOLUNTEER, volunteer));
    }
    List<Callable<RawHttp.Response>> requests = new ArrayList<>();
    for (int round = 0; round < 6; round++) {
      for (String volunteer : volunteers) {
        // on PRG01 each volunteer's retries share one key; on PRG04 every request has its own
        requests.add(() -> post("PRG01", keys.get(volunteer), "same-" + volunteer));
        String fresh = "fresh-" + volunteer + "-" + round;
        requests.add(() -> post("PRG04", keys.get(volunteer), fresh));
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<RawHttp.Response> responses = new ArrayList<>();
    try {
      for (Future<RawHttp.Response> response : pool.invokeAll(requests)) {
        responses.add(response.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(200, 201));
    // one new record per volunteer and programme, whoever won the race
    assertThat(
            responses.stream()
                .filter(r -> r.header("Idempotent-Replayed") == null)
                .filter(r -> r.status() == 201)
                .count())
        .isEqualTo(8);
    List<Interest> stored = InterestLog.read(server.layout.interestLog());
    assertThat(stored).hasSize(8);
    Map<String, Long> perPair =
        stored.stream()
            .collect(
                Collectors.groupingBy(
                    i -> i.volunteerId() + "/" + i.programId(), Collectors.counting()));
    assertThat(perPair).hasSize(8).allSatisfy((pair, count) -> assertThat(count).isEqualTo(1));
    // every PRG01 answer of one volunteer is that volunteer's one record
    for (String volunteer : volunteers) {
      assertThat(
              stored.stream()
                  .filter(i -> i.volunteerId().equals(volunteer) && i.programId().equals("PRG01"))
                  .map(Interest::idempotencyKeySha256))
          .containsExactly(ApiKeyStore.sha256("same-" + volunteer));
    }
    // whole lines only: every line reads as one record
    assertThat(Files.readString(server.layout.interestLog()).lines()).hasSize(8);
  }

  private RawHttp.Response interest(String program, Role role, String idempotencyKey) {
    return post(program, server.keys.get(role), idempotencyKey);
  }

  private RawHttp.Response post(String program, String key, String idempotencyKey) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + key);
    if (idempotencyKey != null) {
      headers.put("Idempotency-Key", idempotencyKey);
    }
    return RawHttp.send(
        server.port(), "POST", "/api/v1/programs/" + program + "/interest", headers);
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }
}
