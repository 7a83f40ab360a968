package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.api.auth.ApiKeyStore;
import org.rishe.api.auth.Role;
import org.rishe.api.pledges.Pledge;
import org.rishe.api.pledges.PledgeLog;
import org.rishe.common.warehouse.WarehouseLayout;

/**
 * {@code rishe serve} in a child JVM, killed with SIGKILL while donors pledge from several threads,
 * then started again: every pledge it acknowledged is in the log exactly once, every other one at
 * most once, and the retries of every request, with their Idempotency-Keys, leave each pledge
 * recorded exactly once and no need pledged beyond its amount (60 donors pledge 10 IRR to each of
 * NeedsFixture's need-G1 and need-B1, of 1,000,000 and 2,000,000 IRR).
 */
class PledgeCrashTest {
  private static final String G1 = NeedsFixture.REFS.ref("need-G1");
  private static final String B1 = NeedsFixture.REFS.ref("need-B1");
  private static final List<String> NEEDS = List.of(G1, B1);
  private static final int DONORS = 60;

  @TempDir Path warehouse;

  /** One pledge request: who, to which need, with which key. */
  private record Request(String donor, String need, String idempotencyKey) {}

  @Test
  void pledgesAcknowledgedBeforeAKillAreKeptOnceAndRetriesAfterItRecordNothingTwice()
      throws Exception {
    PublishedRunFixture.publish(
        warehouse,
        "run-1",
        List.of(new PublishedRunFixture.Problem("dropout", "School dropout", "ترک تحصیل", 40, 31)));
    WarehouseLayout layout = new WarehouseLayout(warehouse.toString());
    ApiKeyStore store = new ApiKeyStore(layout.apiKeys());
    Map<String, String> keys = new LinkedHashMap<>();
    List<Request> requests = new ArrayList<>();
    for (int i = 0; i < DONORS; i++) {
      String donor = "donor-" + i;
      keys.put(donor, store.create(Role.DONOR, donor));
      for (String need : NEEDS) {
        requests.add(new Request(donor, need, donor + "-" + need));
      }
    }

    Process server = ChildServer.start(warehouse);
    int port = ChildServer.port(server);
    Set<Request> acknowledged =
        ChildServer.killWhileSending(
            server, requests, request -> post(port, keys.get(request.donor()), request));
    assertThat(acknowledged).isNotEmpty().hasSizeLessThan(requests.size());

    // every acknowledged pledge survived the kill, once; none was recorded twice
    Map<Request, Long> afterKill = counts(PledgeLog.read(layout.pledgeLog()), requests);
    assertThat(afterKill.keySet()).containsAll(acknowledged);
    assertThat(afterKill.values()).containsOnly(1L);

    // restarted, every request is retried with its key: each is recorded exactly once
    ChildServer.restartAndRetry(
        warehouse,
        requests,
        afterKill.keySet(),
        (again, request) -> post(again, keys.get(request.donor()), request));
    List<Pledge> stored = PledgeLog.read(layout.pledgeLog());
    Map<Request, Long> finalCounts = counts(stored, requests);
    assertThat(finalCounts.keySet()).containsExactlyInAnyOrderElementsOf(requests);
    assertThat(finalCounts.values()).containsOnly(1L);
    // 60 pledges of 10 on each need
    assertThat(
            stored.stream()
                .collect(
                    Collectors.groupingBy(
                        Pledge::needRef, Collectors.summingDouble(Pledge::amount))))
        .containsExactlyInAnyOrderEntriesOf(Map.of(G1, 600.0, B1, 600.0));
  }

  /** How often each request is recorded; the log holds its key's SHA-256, not the key. */
  private static Map<Request, Long> counts(List<Pledge> pledges, List<Request> requests) {
    Map<String, String> keyOfHash =
        requests.stream()
            .map(Request::idempotencyKey)
            .collect(Collectors.toMap(ApiKeyStore::sha256, key -> key));
    return pledges.stream()
        .collect(
            Collectors.groupingBy(
                p -> new Request(p.donorId(), p.needRef(), keyOfHash.get(p.idempotencyKeySha256())),
                Collectors.counting()));
  }

  private static RawHttp.Response post(int port, String key, Request request) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + key);
    headers.put("Idempotency-Key", request.idempotencyKey());
    headers.put("Content-Type", "application/json");
    return RawHttp.send(
        port,
        "POST",
        "/api/v1/needs/" + request.need() + "/pledges",
        headers,
        "{\"amount\": 10, \"currency\": \"IRR\"}".getBytes(StandardCharsets.UTF_8));
  }
}
