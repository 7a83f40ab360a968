package org.rishe.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.rishe.api.auth.ApiKeyStore;
import org.rishe.common.warehouse.WarehouseLayout;

/**
 * The API as {@code rishe serve} starts it, over a warehouse the test publishes runs into while it
 * serves: unlike {@link TestServer}, which loads its one fixture run before it starts, this shows
 * the server before any run and picking up a newer one without a restart.
 */
final class ServedWarehouse implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  final ApiKeyStore keys;
  private final Javalin app;

  ServedWarehouse(Path warehouse) {
    WarehouseLayout layout = new WarehouseLayout(warehouse.toString());
    keys = new ApiKeyStore(layout.apiKeys());
    app =
        ServeCommand.start(
            layout,
            // as rishe serve does every two seconds, but sooner: a test waits for each new run
            ServeSettings.local(0, 11).withResultsRefresh(Duration.ofMillis(100)),
            new PrintStream(PrintStream.nullOutputStream()));
  }

  /** A GET with {@code key} as the bearer key, or without one when it is null. */
  HttpResponse<String> get(String path, String key) throws IOException, InterruptedException {
    return HttpGet.send(app.port(), path, key);
  }

  HttpResponse<String> get(String path, String key, String accept)
      throws IOException, InterruptedException {
    return HttpGet.send(app.port(), path, key, accept);
  }

  /** A POST of a JSON body with {@code key} as the bearer key. */
  RawHttp.Response post(String path, String key, String body) {
    return RawHttp.send(
        app.port(),
        "POST",
        path,
        Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json"),
        body.getBytes(StandardCharsets.UTF_8));
  }

  /** Waits until the health route names the run: the server polls LATEST, it is not told. */
  void awaitRun(String runId) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      String health = get("/api/v1/health", null).body();
      if (runId.equals(JSON.readTree(health).path("run").asText(null))) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the API did not pick up run " + runId + " within 20 s");
  }

  @Override
  public void close() {
    app.stop();
  }
}
