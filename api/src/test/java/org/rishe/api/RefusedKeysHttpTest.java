package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.api.auth.Role;
import org.rishe.api.limits.RefusedKeyLimit;

/**
 * Requests without a valid key, over HTTP, at the documented allowance of 40 at once and 20 a
 * minute per client address (the rate itself is timed in RefusedKeyLimiterTest on a clock the test
 * moves). The client address is the socket's unless the server is behind a proxy.
 */
class RefusedKeysHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROBLEMS = "/api/v1/problems";

  @TempDir Path warehouse;

  private TestServer server(boolean behindProxy) {
    return new TestServer(
        warehouse,
        TestServer.GENEROUS.withRefusedKeys(RefusedKeyLimit.DEFAULT).withBehindProxy(behindProxy),
        List.of());
  }

  @Test
  void after40RefusalsAnAddressGets429WithRetryAfterButAValidKeyIsStillAnswered() throws Exception {
    try (TestServer server = server(false)) {
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        // a new forged X-Forwarded-For each time: without --behind-proxy it changes nothing
        Map<String, String> headers =
            i % 2 == 0
                ? Map.of("X-Forwarded-For", "203.0.113." + i)
                : Map.of("Authorization", "Bearer rk_guess" + i + "_secret");
        statuses.add(RawHttp.send(server.port(), "GET", PROBLEMS, headers).status());
      }
      RawHttp.Response keyless =
          RawHttp.send(server.port(), "GET", PROBLEMS, Map.of("X-Forwarded-For", "198.51.100.7"));
      RawHttp.Response wrongKey =
          RawHttp.send(
              server.port(), "GET", PROBLEMS, Map.of("Authorization", "Bearer rk_guess_again"));
      RawHttp.Response validKey = server.rawGet(PROBLEMS, Role.PLANNER);
      RawHttp.Response publicRoute = RawHttp.send(server.port(), "GET", "/api/v1/health", Map.of());

      assertThat(statuses).hasSize(40).containsOnly(401);
      for (RawHttp.Response throttled : List.of(keyless, wrongKey)) {
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.isProblemJson()).isTrue();
        assertThat(Integer.parseInt(throttled.header("retry-after"))).isBetween(1, 3);
        assertThat(JSON.readTree(throttled.body()).get("detail").asText())
            .startsWith("too many requests without a valid key came from this address");
      }
      assertThat(validKey.status()).isEqualTo(200);
      assertThat(publicRoute.status()).isEqualTo(200);
    }
  }

  @Test
  void behindAProxyEachLastForwardedAddressHasItsOwnAllowance() {
    try (TestServer server = server(true)) {
      for (int i = 0; i < 40; i++) {
        RawHttp.send(server.port(), "GET", PROBLEMS, Map.of("X-Forwarded-For", "203.0.113.9"));
      }

      RawHttp.Response same =
          RawHttp.send(
              server.port(),
              "GET",
              PROBLEMS,
              // what a client forged before the proxy appended the address it saw
              Map.of("X-Forwarded-For", "10.0.0.1, 203.0.113.9"));
      RawHttp.Response other =
          RawHttp.send(server.port(), "GET", PROBLEMS, Map.of("X-Forwarded-For", "203.0.113.10"));

      assertThat(same.status()).isEqualTo(429);
      assertThat(other.status()).isEqualTo(401);
    }
  }
}
