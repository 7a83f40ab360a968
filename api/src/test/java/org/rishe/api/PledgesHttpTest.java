package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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
import org.rishe.api.pledges.Pledge;
import org.rishe.api.pledges.PledgeLog;

/**
 * Donors' pledges to needs over real HTTP, on NeedsFixture's board: need-G1 (1,000,000 IRR, open),
 * need-F1 (a family's rent, no amount, open), need-G1b (500,000 IRR, pledged) and need-B1
 * (2,000,000 IRR, open), each named by its reference. The test donor's key holds donor-1.
 */
class PledgesHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String G1 = NeedsFixture.REFS.ref("need-G1");
  private static final String F1 = NeedsFixture.REFS.ref("need-F1");
  private static final String G1B = NeedsFixture.REFS.ref("need-G1b");
  private static final String B1 = NeedsFixture.REFS.ref("need-B1");

  @TempDir Path warehouse;
  private TestServer server;

  @BeforeEach
  void start() {
    server = new TestServer(warehouse, Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void pledgesAddUpToTheNeedsAmountAndNoFurther() throws Exception {
    RawHttp.Response first = pledge(G1, "{\"amount\": 400000, \"currency\": \"IRR\"}", null);
    RawHttp.Response tooMuch = pledge(G1, "{\"amount\": 700000, \"currency\": \"IRR\"}", null);
    RawHttp.Response rest = pledge(G1, "{\"amount\": 600000, \"currency\": \"IRR\"}", null);
    RawHttp.Response full = pledge(G1, "{\"amount\": 1, \"currency\": \"IRR\"}", null);

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    JsonNode record = JSON.readTree(first.body());
    assertThat(record.get("needRef").asText()).isEqualTo(G1);
    assertThat(record.get("amount").asDouble()).isEqualTo(400_000.0);
    assertThat(record.get("currency").asText()).isEqualTo("IRR");
    assertThat(record.get("pledgedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(record.get("pledgeId").asText()).matches("[0-9a-f-]{36}");
    // neither the caller's donor id nor the internal need id is served
    assertThat(record.has("donorId")).isFalse();
    assertThat(record.has("needId")).isFalse();
    assertThat(first.body()).doesNotContain("need-G1").doesNotContain("donor-1");
    // 1,000,000 - 400,000 = 600,000 remain: 700,000 is refused, naming them; 600,000 fills the
    // need
    assertThat(tooMuch.status()).isEqualTo(409);
    assertThat(tooMuch.isProblemJson()).isTrue();
    assertThat(JSON.readTree(tooMuch.body()).get("remaining").asDouble()).isEqualTo(600_000.0);
    assertThat(JSON.readTree(tooMuch.body()).get("currency").asText()).isEqualTo("IRR");
    assertThat(rest.status()).as(rest.body()).isEqualTo(201);
    assertThat(full.status()).isEqualTo(409);
    assertThat(JSON.readTree(full.body()).get("remaining").asDouble()).isEqualTo(0.0);
    List<Pledge> stored = PledgeLog.read(server.layout.pledgeLog());
    assertThat(stored).extracting(Pledge::amount).containsExactly(400_000.0, 600_000.0);
    assertThat(stored.get(0))
        .isEqualTo(
            new Pledge(
                record.get("pledgeId").asText(),
                G1,
                "need-G1",
                "donor-1",
                400_000.0,
                "IRR",
                record.get("pledgedAt").asText(),
                null,
                "PRG01",
                "R01",
                null));
  }

  @Test
  void aNeedWithoutAmountIsPledgedWholeOnceAndANeedNotOpenTakesNone() throws Exception {
    RawHttp.Response withAmount = pledge(F1, "{\"amount\": 10, \"currency\": \"IRR\"}", null);
    RawHttp.Response whole = pledge(F1, "{}", null);
    RawHttp.Response again = pledge(F1, "", null);
    RawHttp.Response pledged = pledge(G1B, "{\"amount\": 10, \"currency\": \"IRR\"}", null);

    assertThat(withAmount.status()).isEqualTo(400);
    assertThat(whole.status()).as(whole.body()).isEqualTo(201);
    assertThat(JSON.readTree(whole.body()).get("amount").isNull()).isTrue();
    assertThat(again.status()).isEqualTo(409);
    assertThat(JSON.readTree(again.body()).get("detail").asText()).contains("pledged it whole");
    assertThat(pledged.status()).isEqualTo(409);
    assertThat(JSON.readTree(pledged.body()).get("status").asInt()).isEqualTo(409);
    assertThat(JSON.readTree(pledged.body()).get("needStatus").asText()).isEqualTo("pledged");
    assertThat(PledgeLog.read(server.layout.pledgeLog()))
        .extracting(Pledge::needRef)
        .containsExactly(F1);
  }

  @Test
  void aRetryWithItsIdempotencyKeyGetsTheFirstAnswerAndRecordsNothing() throws Exception {
    String body = "{\"amount\": 250000, \"currency\": \"IRR\"}";
    RawHttp.Response created = pledge(G1, body, "k-1");
    RawHttp.Response retried = pledge(G1, body, "k-1");
    RawHttp.Response reused = pledge(B1, body, "k-1");
    // another donor may pick the same key: a pledge of their own
    String other = server.dependencies.keys().create(Role.DONOR, "donor-2");
    RawHttp.Response others = post(G1, body, "k-1", other);
    // 1,000,000 - 250,000 - 250,000: the other donor fills the need; the first request, retried,
    // still gets
    // its answer
    RawHttp.Response fills = post(G1, "{\"amount\": 500000, \"currency\": \"IRR\"}", null, other);
    RawHttp.Response afterFull = pledge(G1, body, "k-1");

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.header("Idempotent-Replayed")).isNull();
    assertThat(retried.status()).isEqualTo(201);
    assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retried.body()).isEqualTo(created.body());
    assertThat(reused.status()).isEqualTo(422);
    assertThat(JSON.readTree(reused.body()).get("needRef").asText()).isEqualTo(G1);
    assertThat(others.status()).isEqualTo(201);
    assertThat(others.header("Idempotent-Replayed")).isNull();
    assertThat(fills.status()).as(fills.body()).isEqualTo(201);
    assertThat(afterFull.status()).isEqualTo(201);
    assertThat(afterFull.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(afterFull.body()).isEqualTo(created.body());
    List<Pledge> stored = PledgeLog.read(server.layout.pledgeLog());
    assertThat(stored).extracting(Pledge::donorId).containsExactly("donor-1", "donor-2", "donor-2");
    // the log keeps the key's SHA-256, never the key a client sent; the answer echoes the key
    assertThat(JSON.readTree(created.body()).get("idempotencyKey").asText()).isEqualTo("k-1");
    String hash = ApiKeyStore.sha256("k-1");
    assertThat(hash).matches("[0-9a-f]{64}");
    assertThat(stored).extracting(Pledge::idempotencyKeySha256).containsExactly(hash, hash, null);
    assertThat(stored).extracting(Pledge::idempotencyKey).containsOnlyNulls();
    String log = Files.readString(server.layout.pledgeLog());
    assertThat(log).doesNotContain("\"k-1\"");
    assertThat(log.lines()).hasSize(3);
  }

  @Test
  void badRequestsUnknownNeedsAndOtherRolesAreRefused() throws Exception {
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("{\"currency\": \"IRR\"}", "amount is required");
    bad.put("{\"amount\": 0, \"currency\": \"IRR\"}", "amount is required");
    bad.put("{\"amount\": -5, \"currency\": \"IRR\"}", "amount is required");
    // stored as 5.0 it would not be what the donor sent
    bad.put("{\"amount\": 5.00000000000000000001, \"currency\": \"IRR\"}", "more digits");
    bad.put("{\"amount\": 1e400, \"currency\": \"IRR\"}", "more digits");
    bad.put("{\"amount\": 5}", "currency must be the need's, IRR");
    bad.put("{\"amount\": 5, \"currency\": \"USD\"}", "currency must be the need's, IRR");
    bad.put("{\"amount\": \"5\", \"currency\": \"IRR\"}", "not a pledge");
    bad.put("{\"amount\": 5, \"currency\": \"IRR\", \"donorId\": \"x\"}", "only the fields");
    bad.put("{\"amount\": 5,", "not a pledge");
    bad.put("[5]", "not a pledge");
    bad.put("", "amount is required");
    for (Map.Entry<String, String> request : bad.entrySet()) {
      RawHttp.Response refused = pledge(G1, request.getKey(), null);
      assertThat(refused.status()).as(request.getKey()).isEqualTo(400);
      assertThat(refused.isProblemJson()).isTrue();
      assertThat(JSON.readTree(refused.body()).get("detail").asText())
          .as(request.getKey())
          .contains(request.getValue());
    }
    RawHttp.Response unknown = pledge("need-zz", "{\"amount\": 5, \"currency\": \"IRR\"}", null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.isProblemJson()).isTrue();
    RawHttp.Response badKey = pledge(G1, "{\"amount\": 5, \"currency\": \"IRR\"}", "a b");
    assertThat(badKey.status()).isEqualTo(400);
    for (Role role : List.of(Role.PLANNER, Role.ADMIN, Role.VOLUNTEER, Role.RESEARCHER)) {
      RawHttp.Response refused =
          post(G1, "{\"amount\": 5, \"currency\": \"IRR\"}", null, server.keys.get(role));
      assertThat(refused.status()).as(role.code()).isEqualTo(403);
    }
    assertThat(server.layout.pledgeLog()).doesNotExist();
  }

  @Test
  void eightThreadsRacingOnOneNeedNeverPledgeBeyondItsAmount() throws Exception {
    // 8 threads x 3 pledges of 300,000 = 7,200,000 IRR asked of a 2,000,000 IRR need: six fit
    // (1,800,000), and then no pledge of 300,000 fits in the 200,000 left
    CountDownLatch go = new CountDownLatch(1);
    List<Callable<List<RawHttp.Response>>> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      String donor = server.dependencies.keys().create(Role.DONOR, "donor-t" + t);
      int thread = t;
      threads.add(
          () -> {
            go.await();
            List<RawHttp.Response> answers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
              answers.add(
                  post(
                      B1,
                      "{\"amount\": 300000, \"currency\": \"IRR\"}",
                      "race-" + thread + "-" + i,
                      donor));
            }
            return answers;
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<RawHttp.Response> answers = new ArrayList<>();
    try {
      List<Future<List<RawHttp.Response>>> futures = new ArrayList<>();
      for (Callable<List<RawHttp.Response>> thread : threads) {
        futures.add(pool.submit(thread));
      }
      go.countDown();
      for (Future<List<RawHttp.Response>> future : futures) {
        answers.addAll(future.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(201, 409));
    List<String> acknowledged =
        answers.stream()
            .filter(a -> a.status() == 201)
            .map(a -> tree(a.body()).get("pledgeId").asText())
            .toList();
    List<Pledge> stored = PledgeLog.read(server.layout.pledgeLog());
    assertThat(acknowledged).hasSize(6);
    assertThat(stored.stream().mapToDouble(Pledge::amount).sum()).isEqualTo(1_800_000.0);
    // every acknowledged pledge is in the log exactly once, and nothing else is
    assertThat(stored)
        .extracting(Pledge::pledgeId)
        .containsExactlyInAnyOrderElementsOf(acknowledged);
    assertThat(
            answers.stream()
                .filter(a -> a.status() == 409)
                .map(a -> tree(a.body()).get("remaining").asDouble())
                .collect(Collectors.toSet()))
        .containsExactly(200_000.0);
    assertThat(Files.readString(server.layout.pledgeLog(), StandardCharsets.UTF_8).lines())
        .hasSize(6);
  }

  @Test
  void aPledgeLogHeldByAnotherServerIsA503() throws Exception {
    try (PledgeLog other =
        PledgeLog.open(server.layout.pledgeLog(), Clock.systemUTC(), System.err::println)) {
      other.pledge(
          server.dependencies.results().current().orElseThrow().need(B1).orElseThrow(),
          "donor-9",
          5.0,
          null);
      RawHttp.Response refused = pledge(G1, "{\"amount\": 5, \"currency\": \"IRR\"}", null);
      assertThat(refused.status()).isEqualTo(503);
      assertThat(JSON.readTree(refused.body()).get("type").asText()).endsWith("log-held-elsewhere");
    }
  }

  private static JsonNode tree(String body) {
    try {
      return JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private RawHttp.Response pledge(String ref, String body, String idempotencyKey) {
    return post(ref, body, idempotencyKey, server.keys.get(Role.DONOR));
  }

  private RawHttp.Response post(String ref, String body, String idempotencyKey, String key) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + key);
    headers.put("Content-Type", "application/json");
    if (idempotencyKey != null) {
      headers.put("Idempotency-Key", idempotencyKey);
    }
    return RawHttp.send(
        server.port(),
        "POST",
        "/api/v1/needs/" + ref + "/pledges",
        headers,
        body.getBytes(StandardCharsets.UTF_8));
  }
}
