package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.api.auth.Role;

class MetricsTest {
  @TempDir Path warehouse;

  @Test
  void metricsArePublicPrometheusTextWithRequestsLatenciesAndRunAge() {
    try (TestServer server = TestServer.unlimited(warehouse)) {
      RawHttp.send(server.port(), "GET", "/api/v1/problems", server.bearer(Role.ADMIN));
      RawHttp.send(server.port(), "GET", "/api/v1/problems", Map.of());
      RawHttp.send(server.port(), "GET", "/api/v1/no-such-route?secret=1", Map.of());

      RawHttp.Response metrics = RawHttp.send(server.port(), "GET", "/metrics", Map.of());

      assertThat(metrics.status()).isEqualTo(200);
      assertThat(metrics.header("content-type")).startsWith("text/plain; version=0.0.4");
      assertThat(metrics.body())
          .contains(
              "rishe_http_requests_total{method=\"GET\",route=\"/api/v1/problems\",status=\"200\"} 1")
          .contains(
              "rishe_http_requests_total{method=\"GET\",route=\"/api/v1/problems\",status=\"401\"} 1")
          .contains("route=\"unmatched\",status=\"404\"")
          .contains("# TYPE rishe_http_request_duration_seconds histogram")
          .contains(
              "rishe_http_request_duration_seconds_count{method=\"GET\",route=\"/api/v1/problems\"} 2")
          .doesNotContain("no-such-route");
      Matcher age =
          Pattern.compile("(?m)^rishe_results_run_age_seconds (\\S+)$").matcher(metrics.body());
      assertThat(age.find()).isTrue();
      // the fixture's run says it was published at 2026-11-29T00:00:00Z
      assertThat(Double.parseDouble(age.group(1))).isGreaterThan(0);
    }
  }
}
