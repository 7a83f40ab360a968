package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  private static final Pattern LISTENING =
      Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");
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

    Set<Request> acknowledged = ConcurrentHashMap.newKeySet();
    Process server = start();
    int port = port(server);
    AtomicBoolean killed = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int t = 0; t < 4; t++) {
        int thread = t;
        pool.submit(
            () -> {
              for (int i = thread; i < requests.size() && !killed.get(); i += 4) {
                Request request = requests.get(i);
                RawHttp.Response response;
                try {
                  response = post(port, keys.get(request.volunteer()), request);
                } catch (RuntimeException e) {
                  return; // the server died under this request: its answer never came
                }
                if (response.status() == 201) {
                  acknowledged.add(request);
                }
              }
            });
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (acknowledged.size() < requests.size() / 3 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      server.destroyForcibly(); // SIGKILL: no shutdown hook, no close, mid-request
      killed.set(true);
      server.waitFor(10, TimeUnit.SECONDS);
    } finally {
      pool.shutdown();
      pool.awaitTermination(30, TimeUnit.SECONDS);
      server.destroyForcibly();
    }
    assertThat(acknowledged).isNotEmpty().hasSizeLessThan(requests.size());

    // every acknowledged interest survived the kill, once; none was recorded twice
    Map<Request, Long> afterKill = counts(InterestLog.read(layout.interestLog()));
    assertThat(afterKill.keySet()).containsAll(acknowledged);
    assertThat(afterKill.values()).containsOnly(1L);

    // restarted, every request is retried with its key: each is recorded exactly once
    Process restarted = start();
    try {
      int again = port(restarted);
      for (Request request : requests) {
        RawHttp.Response response = post(again, keys.get(request.volunteer()), request);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        boolean replayed = "true".equals(response.header("Idempotent-Replayed"));
        assertThat(replayed).as("%s replayed", request).isEqualTo(afterKill.containsKey(request));
      }
    } finally {
      restarted.destroyForcibly();
      restarted.waitFor(10, TimeUnit.SECONDS);
    }
    Map<Request, Long> finalCounts = counts(InterestLog.read(layout.interestLog()));
    assertThat(finalCounts.keySet()).containsExactlyInAnyOrderElementsOf(requests);
    assertThat(finalCounts.values()).containsOnly(1L);
  }

  private static Map<Request, Long> counts(List<Interest> interests) {
    return interests.stream()
        .collect(
            Collectors.groupingBy(
                i -> new Request(i.volunteerId(), i.programId(), i.idempotencyKey()),
                Collectors.counting()));
  }

  private static RawHttp.Response post(int port, String key, Request request) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + key);
    headers.put("Idempotency-Key", request.idempotencyKey());
    return RawHttp.send(
        port, "POST", "/api/v1/programs/" + request.program() + "/interest", headers);
  }

  /** {@code rishe serve} on a free port in a JVM of its own, on this test's class path. */
  private Process start() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            ServeCommand.class.getName(),
            "--port",
            "0",
            "--warehouse",
            warehouse.toString())
        .redirectErrorStream(true)
        .start();
  }

  /** The port the child server says it listens on; its further output is drained. */
  private static int port(Process server) throws Exception {
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    List<String> seen = new ArrayList<>();
    String line;
    while ((line = lines.readLine()) != null) {
      seen.add(line);
      Matcher matcher = LISTENING.matcher(line);
      if (matcher.find()) {
        Thread drain =
            new Thread(
                () -> {
                  try {
                    while (lines.readLine() != null) {
                      // the child's log, not needed
                    }
                  } catch (java.io.IOException e) {
                    // the child was killed
                  }
                });
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(matcher.group(1));
      }
    }
    throw new AssertionError("the server did not start: " + String.join("\n", seen));
  }
}
