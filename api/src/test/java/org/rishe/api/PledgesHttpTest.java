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
import org.rishe.api.auth.Role;
import org.rishe.api.pledges.Pledge;
import org.rishe.api.pledges.PledgeLog;

/**
 * Donors' pledges to needs over real HTTP, on NeedsBoardFixture's board: need-a1 (1,000 IRR, open),
 * need-b2 (no amount, open), need-c3 (300 IRR, pledged) and need-d4 (1,000 IRR, open). The test
 * donor's key holds donor-1.
 */
class PledgesHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();

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
    RawHttp.Response first = pledge("need-a1", "{\"amount\": 400, \"currency\": \"IRR\"}", null);
    RawHttp.Response tooMuch = pledge("need-a1", "{\"amount\": 700, \"currency\": \"IRR\"}", null);
    RawHttp.Response rest = pledge("need-a1", "{\"amount\": 600, \"currency\": \"IRR\"}", null);
    RawHttp.Response full = pledge("need-a1", "{\"amount\": 1, \"currency\": \"IRR\"}", null);

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    JsonNode record = JSON.readTree(first.body());
    assertThat(record.get("needRef").asText()).isEqualTo("need-a1");
    assertThat(record.get("amount").asDouble()).isEqualTo(400.0);
    assertThat(record.get("currency").asText()).isEqualTo("IRR");
    assertThat(record.get("pledgedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(record.get("pledgeId").asText()).matches("[0-9a-f-]{36}");
    // neither the caller's donor id nor the internal need id is served
    assertThat(record.has("donorId")).isFalse();
    assertThat(record.has("needId")).isFalse();
    assertThat(first.body()).doesNotContain("N1").doesNotContain("donor-1");
    // 1,000 - 400 = 600 remain: 700 is refused, naming them; 600 fills the need
    assertThat(tooMuch.status()).isEqualTo(409);
    assertThat(tooMuch.isProblemJson()).isTrue();
    assertThat(JSON.readTree(tooMuch.body()).get("remaining").asDouble()).isEqualTo(600.0);
    assertThat(JSON.readTree(tooMuch.body()).get("currency").asText()).isEqualTo("IRR");
    assertThat(rest.status()).as(rest.body()).isEqualTo(201);
    assertThat(full.status()).isEqualTo(409);
    assertThat(JSON.readTree(full.body()).get("remaining").asDouble()).isEqualTo(0.0);
    List<Pledge> stored = PledgeLog.read(server.layout.pledgeLog());
    assertThat(stored).extracting(Pledge::amount).containsExactly(400.0, 600.0);
    assertThat(stored.get(0))
        .isEqualTo(
            new Pledge(
                record.get("pledgeId").asText(),
                "need-a1",
                "N1",
                "donor-1",
                400.0,
                "IRR",
                record.get("pledgedAt").asText(),
                null));
  }

  @Test
  void aNeedWithoutAmountIsPledgedWholeOnceAndANeedNotOpenTakesNone() throws Exception {
    RawHttp.Response withAmount =
        pledge("need-b2", "{\"amount\": 10, \"currency\": \"IRR\"}", null);
    RawHttp.Response whole = pledge("need-b2", "{}", null);
    RawHttp.Response again = pledge("need-b2", "", null);
    RawHttp.Response pledged = pledge("need-c3", "{\"amount\": 10, \"currency\": \"IRR\"}", null);

    assertThat(withAmount.status()).isEqualTo(400);
    assertThat(whole.status()).as(whole.body()).isEqualTo(201);
    assertThat(JSON.readTree(whole.body()).get("amount").isNull()).isTrue();
    assertThat(again.status()).isEqualTo(409);
    assertThat(JSON.readTree(again.body()).get("detail").asText()).contains("pledged it whole");
    assertThat(pledged.status()).isEqualTo(409);
    assertThat(JSON.readTree(pledged.body()).get("status").asText()).isEqualTo("pledged");
    assertThat(PledgeLog.read(server.layout.pledgeLog()))
        .extracting(Pledge::needRef)
        .containsExactly("need-b2");
  }

  @Test
  void aRetryWithItsIdempotencyKeyGetsTheFirstAnswerAndRecordsNothing() throws Exception {
    String body = "{\"amount\": 250, \"currency\": \"IRR\"}";
    RawHttp.Response created = pledge("need-a1", body, "k-1");
    RawHttp.Response retried = pledge("need-a1", body, "k-1");
    RawHttp.Response reused = pledge("need-d4", body, "k-1");
    // another donor may pick the same key: a pledge of their own
    String other = server.dependencies.keys().create(Role.DONOR, "donor-2");
    RawHttp.Response others = post("need-a1", body, "k-1", other);
    // 1,000 - 250 - 250: the other donor fills the need; the first request, retried, still gets
    // its answer
    RawHttp.Response fills =
        post("need-a1", "{\"amount\": 500, \"currency\": \"IRR\"}", null, other);
    RawHttp.Response afterFull = pledge("need-a1", body, "k-1");

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.header("Idempotent-Replayed")).isNull();
    assertThat(retried.status()).isEqualTo(201);
    assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retried.body()).isEqualTo(created.body());
    assertThat(reused.status()).isEqualTo(422);
    assertThat(JSON.readTree(reused.body()).get("needRef").asText()).isEqualTo("need-a1");
    assertThat(others.status()).isEqualTo(201);
    assertThat(others.header("Idempotent-Replayed")).isNull();
    assertThat(fills.status()).as(fills.body()).isEqualTo(201);
    assertThat(afterFull.status()).isEqualTo(201);
    assertThat(afterFull.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(afterFull.body()).isEqualTo(created.body());
    List<Pledge> stored = PledgeLog.read(server.layout.pledgeLog());
    assertThat(stored).extracting(Pledge::donorId).containsExactly("donor-1", "donor-2", "donor-2");
    assertThat(stored).extracting(Pledge::idempotencyKey).containsExactly("k-1", "k-1", null);
    assertThat(Files.readString(server.layout.pledgeLog()).lines()).hasSize(3);
  }

  @Test
  void badRequestsUnknownNeedsAndOtherRolesAreRefused() throws Exception {
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("{\"currency\": \"IRR\"}", "amount is required");
    bad.put("{\"amount\": 0, \"currency\": \"IRR\"}", "amount is required");
    bad.put("{\"amount\": -5, \"currency\": \"IRR\"}", "amount is required");
    bad.put("{\"amount\": 5}", "currency must be the need's, IRR");
    bad.put("{\"amount\": 5, \"currency\": \"USD\"}", "currency must be the need's, IRR");
    bad.put("{\"amount\": \"5\", \"currency\": \"IRR\"}", "not a pledge");
    bad.put("{\"amount\": 5, \"currency\": \"IRR\", \"donorId\": \"x\"}", "only the fields");
    bad.put("{\"amount\": 5,", "not a pledge");
    bad.put("[5]", "not a pledge");
    bad.put("", "amount is required");
    for (Map.Entry<String, String> request : bad.entrySet()) {
      RawHttp.Response refused = pledge("need-a1", request.getKey(), null);
      assertThat(refused.status()).as(request.getKey()).isEqualTo(400);
      assertThat(refused.isProblemJson()).isTrue();
      assertThat(JSON.readTree(refused.body()).get("detail").asText())
          .as(request.getKey())
          .contains(request.getValue());
    }
    RawHttp.Response unknown = pledge("need-zz", "{\"amount\": 5, \"currency\": \"IRR\"}", null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.isProblemJson()).isTrue();
    RawHttp.Response badKey = pledge("need-a1", "{\"amount\": 5, \"currency\": \"IRR\"}", "a b");
    assertThat(badKey.status()).isEqualTo(400);
    for (Role role : List.of(Role.PLANNER, Role.ADMIN, Role.VOLUNTEER, Role.RESEARCHER)) {
      RawHttp.Response refused =
          post("need-a1", "{\"amount\": 5, \"currency\": \"IRR\"}", null, server.keys.get(role));
      assertThat(refused.status()).as(role.code()).isEqualTo(403);
    }
    assertThat(server.layout.pledgeLog()).doesNotExist();
  }

  @Test
  void eightThreadsRacingOnOneNeedNeverPledgeBeyondItsAmount() throws Exception {
    // 8 threads x 3 pledges of 150 = 3,600 IRR asked of a 1,000 IRR need: six fit (900), and
    // then no pledge of 150 fits in the 100 left
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
                      "need-d4",
                      "{\"amount\": 150, \"currency\": \"IRR\"}",
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
    assertThat(stored.stream().mapToDouble(Pledge::amount).sum()).isEqualTo(900.0);
    // every acknowledged pledge is in the log exactly once, and nothing else is
    assertThat(stored)
        .extracting(Pledge::pledgeId)
        .containsExactlyInAnyOrderElementsOf(acknowledged);
    assertThat(
            answers.stream()
                .filter(a -> a.status() == 409)
                .map(a -> tree(a.body()).get("remaining").asDouble())
                .collect(Collectors.toSet()))
        .containsExactly(100.0);
    assertThat(Files.readString(server.layout.pledgeLog(), StandardCharsets.UTF_8).lines())
        .hasSize(6);
  }

  @Test
  void aPledgeLogHeldByAnotherServerIsA503() throws Exception {
    try (PledgeLog other =
        PledgeLog.open(server.layout.pledgeLog(), Clock.systemUTC(), System.err::println)) {
      other.pledge(
          server.dependencies.results().current().orElseThrow().need("need-d4").orElseThrow(),
          "donor-9",
          5.0,
          null);
      RawHttp.Response refused = pledge("need-a1", "{\"amount\": 5, \"currency\": \"IRR\"}", null);
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
