package org.rishe.api.metrics;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import org.rishe.api.results.PublishedRun;
import org.rishe.api.results.ResultsStore;
import org.rishe.api.routing.ApiRoute;
import org.rishe.api.routing.Endpoint;
import org.rishe.api.routing.RequestGate;

/**
 * Request counts, a latency histogram and the age of the served run, in the Prometheus text format
 * (0.0.4), written by hand: three metric families do not justify a client library. Requests are
 * labelled by route pattern, never by raw path, so hostile paths cannot grow the label set.
 */
public final class Metrics {
  static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  private final ResultsStore results;
  private final Clock clock;
  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<String, Histogram> latencies = new ConcurrentHashMap<>();

  /** {@code GET /metrics}: the exposition text. */
  public final Endpoint scrape =
      Endpoint.of(
          "Prometheus metrics",
          ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(scrape()));

  public Metrics(ResultsStore results, Clock clock) {
    this.results = requireNonNull(results, "results is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Called once per request, after the response is complete. */
  public void record(Context ctx, float milliseconds) {
    String route = RequestGate.route(ctx).map(ApiRoute::path).orElse("unmatched");
    String method = ctx.method().name();
    String labels =
        "method=\"" + method + "\",route=\"" + route + "\",status=\"" + ctx.statusCode() + "\"";
    requests.computeIfAbsent(labels, l -> new LongAdder()).increment();
    latencies
        .computeIfAbsent("method=\"" + method + "\",route=\"" + route + "\"", l -> new Histogram())
        .observe(milliseconds / 1000.0);
  }

  /** The exposition text. */
  public String scrape() {
    StringBuilder text = new StringBuilder();
    text.append("# HELP rishe_http_requests_total HTTP requests answered.\n")
        .append("# TYPE rishe_http_requests_total counter\n");
    new TreeMap<>(requests)
        .forEach(
            (labels, count) ->
                text.append("rishe_http_requests_total{")
                    .append(labels)
                    .append("} ")
                    .append(count.sum())
                    .append('\n'));
    text.append("# HELP rishe_http_request_duration_seconds Time to answer a request.\n")
        .append("# TYPE rishe_http_request_duration_seconds histogram\n");
    new TreeMap<>(latencies).forEach((labels, histogram) -> histogram.write(text, labels));
    text.append(
            "# HELP rishe_results_run_age_seconds Seconds since the served run was published.\n")
        .append("# TYPE rishe_results_run_age_seconds gauge\n")
        .append("rishe_results_run_age_seconds ")
        .append(format(runAgeSeconds()))
        .append('\n');
    return text.toString();
  }

  /** NaN when no run is served or its publication time is unknown. */
  double runAgeSeconds() {
    PublishedRun run = results.current().orElse(null);
    if (run == null || run.publishedAt() == null) {
      return Double.NaN;
    }
    try {
      return Duration.between(Instant.parse(run.publishedAt()), clock.instant()).toMillis()
          / 1000.0;
    } catch (DateTimeParseException e) {
      return Double.NaN;
    }
  }

  static String format(double value) {
    return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, "%.3f", value);
  }

  /** Cumulative bucket counts, sum and count of one label set. */
  private static final class Histogram {
    private final LongAdder[] counts = new LongAdder[BUCKETS.length];
    private final LongAdder count = new LongAdder();
    private final DoubleAdder sum = new DoubleAdder();

    Histogram() {
      for (int i = 0; i < counts.length; i++) {
        counts[i] = new LongAdder();
      }
    }

    void observe(double seconds) {
      for (int i = 0; i < BUCKETS.length; i++) {
        if (seconds <= BUCKETS[i]) {
          counts[i].increment();
        }
      }
      count.increment();
      sum.add(seconds);
    }

    void write(StringBuilder text, String labels) {
      String name = "rishe_http_request_duration_seconds";
      for (int i = 0; i < BUCKETS.length; i++) {
        text.append(name)
            .append("_bucket{")
            .append(labels)
            .append(",le=\"")
            .append(BUCKETS[i])
            .append("\"} ")
            .append(counts[i].sum())
            .append('\n');
      }
      text.append(name).append("_bucket{").append(labels).append(",le=\"+Inf\"} ");
      text.append(count.sum()).append('\n');
      text.append(name).append("_sum{").append(labels).append("} ");
      text.append(format(sum.sum())).append('\n');
      text.append(name).append("_count{").append(labels).append("} ");
      text.append(count.sum()).append('\n');
    }
  }
}
