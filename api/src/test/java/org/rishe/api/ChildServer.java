package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code rishe serve} over a warehouse in a child JVM, for the tests that kill it with SIGKILL
 * mid-request ({@link Process#destroyForcibly}) and start it again.
 */
final class ChildServer {
  private static final Pattern LISTENING =
      Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");

  private ChildServer() {}

  /**
   * Sends {@code requests} to {@code server} from four threads and kills it with SIGKILL (no
   * shutdown hook, no close, mid-request) once a third of them were answered 201, or after 30 s.
   * Returns the requests answered 201: those the server acknowledged before it died.
   */
  static <R> Set<R> killWhileSending(
      Process server, List<R> requests, Function<R, RawHttp.Response> send) throws Exception {
    Set<R> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicBoolean killed = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int t = 0; t < 4; t++) {
        int thread = t;
        pool.submit(
            () -> {
              for (int i = thread; i < requests.size() && !killed.get(); i += 4) {
                R request = requests.get(i);
                RawHttp.Response response;
                try {
                  response = send.apply(request);
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
      server.destroyForcibly();
      killed.set(true);
      server.waitFor(10, TimeUnit.SECONDS);
    } finally {
      pool.shutdown();
      pool.awaitTermination(30, TimeUnit.SECONDS);
      server.destroyForcibly();
    }
    return acknowledged;
  }

  /**
   * Starts {@code rishe serve} on the warehouse again and sends every request once more: each is
   * answered 201, marked {@code Idempotent-Replayed} exactly when {@code recorded} holds it (the
   * log kept it through the kill).
   */
  static <R> void restartAndRetry(
      Path warehouse,
      List<R> requests,
      Set<R> recorded,
      BiFunction<Integer, R, RawHttp.Response> send)
      throws Exception {
    Process restarted = start(warehouse);
    try {
      int port = port(restarted);
      for (R request : requests) {
        RawHttp.Response response = send.apply(port, request);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        boolean replayed = "true".equals(response.header("Idempotent-Replayed"));
        assertThat(replayed).as("%s replayed", request).isEqualTo(recorded.contains(request));
      }
    } finally {
      restarted.destroyForcibly();
      restarted.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** {@code rishe serve} on a free port in a JVM of its own, on this test's class path. */
  static Process start(Path warehouse) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-Xmx256m",
            // a server that answers a few requests for seconds: the first compiler alone, with the
            // tiered code cache (C1 alone would reserve 48 MB), as JavaProcess.SHORT_RUN_JIT in
            // the Spark modules, which this one may not depend on
            "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=240m",
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
  static int port(Process server) throws Exception {
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
