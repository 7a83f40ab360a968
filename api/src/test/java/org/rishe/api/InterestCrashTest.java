package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.rishe.api.volunteers.Interest;
import org.rishe.api.volunteers.InterestLog;
import org.rishe.common.warehouse.WarehouseLayout;

/**
 * {@code rishe serve} in a child JVM, killed with SIGKILL while volunteers register interests from
 * several threads, then started again: every interest it acknowledged is in the log exactly once,
 * every other one at most once, and the retries of every request, with their Idempotency-Keys,
 * leave each volunteer and programme recorded exactly once.
 */
class InterestCrashTest {
  private static final List<String> PROGRAMS = List.of("PRG01", "PRG04");
  private static final int VOLUNTEERS = 60;

  @TempDir Path warehouse;

  /** One registration: who, which programme, with which key. */
  private record Request(String volunteer, String program, String idempotencyKey) {}

  @Test
  void interestsAcknowledgedBeforeAKillAreKeptOnceAndRetriesAfterItRecordNothingTwice()
      throws Exception {
    PublishedRunFixture.writePrograms(warehouse, "run-1");
    PublishedRunFixture.publish(
        warehouse,
        "run-1",
        List.of(new PublishedRunFixture.Problem("dropout", "School dropout", "ترک تحصیل", 40, 31)));
    WarehouseLayout layout = new WarehouseLayout(warehouse.toString());
    ApiKeyStore store = new ApiKeyStore(layout.apiKeys());
    Map<String, String> keys = new LinkedHashMap<>();
    List<Request> requests = new ArrayList<>();
    for (int i = 0; i < VOLUNTEERS; i++) {
      String volunteer = "VOL" + i;
      keys.put(volunteer, store.create(Role.VOLUNTEER, volunteer));
      for (String program : PROGRAMS) {
        requests.add(new Request(volunteer, program, volunteer + "-" + program));
      }
    }

    Process server = ChildServer.start(warehouse);
    int port = ChildServer.port(server);
    Set<Request> acknowledged =
        ChildServer.killWhileSending(
            server, requests, request -> post(port, keys.get(request.volunteer()), request));
    assertThat(acknowledged).isNotEmpty().hasSizeLessThan(requests.size());

    // every acknowledged interest survived the kill, once; none was recorded twice
    Map<Request, Long> afterKill = counts(InterestLog.read(layout.interestLog()), requests);
    assertThat(afterKill.keySet()).containsAll(acknowledged);
    assertThat(afterKill.values()).containsOnly(1L);

    // restarted, every request is retried with its key: each is recorded exactly once
    ChildServer.restartAndRetry(
        warehouse,
        requests,
        afterKill.keySet(),
        (again, request) -> post(again, keys.get(request.volunteer()), request));
    Map<Request, Long> finalCounts = counts(InterestLog.read(layout.interestLog()), requests);
    assertThat(finalCounts.keySet()).containsExactlyInAnyOrderElementsOf(requests);
    assertThat(finalCounts.values()).containsOnly(1L);
  }

  /** How often each request is recorded; the log holds its key's SHA-256, not the key. */
  private static Map<Request, Long> counts(List<Interest> interests, List<Request> requests) {
    Map<String, String> keyOfHash =
        requests.stream()
            .map(Request::idempotencyKey)
            .collect(Collectors.toMap(ApiKeyStore::sha256, key -> key));
    return interests.stream()
        .collect(
            Collectors.groupingBy(
                i ->
                    new Request(
                        i.volunteerId(), i.programId(), keyOfHash.get(i.idempotencyKeySha256())),
                Collectors.counting()));
  }

  private static RawHttp.Response post(int port, String key, Request request) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + key);
    headers.put("Idempotency-Key", request.idempotencyKey());
    return RawHttp.send(
        port, "POST", "/api/v1/programs/" + request.program() + "/interest", headers);
  }
}
