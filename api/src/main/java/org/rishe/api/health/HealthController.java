package org.rishe.api.health;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import org.rishe.api.results.PublishedRun;
import org.rishe.api.results.ResultsStore;
import org.rishe.api.routing.Endpoint;

/** {@code GET /health}: whether the API serves a run, and which. */
public final class HealthController {
  private final ResultsStore results;

  public final Endpoint health =
      Endpoint.of("whether a run is served, and which", this::health).returns(Health.class);

  public HealthController(ResultsStore results) {
    this.results = requireNonNull(results, "results is null");
  }

  /** The health response. */
  public record Health(String status, String run, String publishedAt) {}

  private void health(Context ctx) {
    PublishedRun run = results.current().orElse(null);
    ctx.json(
        run == null
            ? new Health("no_results", null, null)
            : new Health("ok", run.runId(), run.publishedAt()));
  }
}
