package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.api.auth.ApiKeyStore;
import org.rishe.api.auth.Role;
import org.rishe.api.limits.RateLimit;
import org.rishe.common.warehouse.WarehouseLayout;

/** The options of {@code rishe serve} that bench/api uses: the hello baseline and the limit. */
class ServeOptionsTest {
  private static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream());

  @TempDir Path warehouse;

  @Test
  void helloIsServedOnlyWhenAskedFor() throws Exception {
    WarehouseLayout layout = new WarehouseLayout(warehouse.toString());
    Javalin with = ServeCommand.start(layout, "127.0.0.1", 0, 11, RateLimit.DEFAULT, true, QUIET);
    Javalin without = ServeCommand.start(layout, "127.0.0.1", 0, 11, QUIET);
    try {
      HttpResponse<String> hello = HttpGet.send(with.port(), "/hello", null);
      assertThat(hello.statusCode()).isEqualTo(200);
      assertThat(hello.body()).isEqualTo("hello");
      assertThat(HttpGet.send(without.port(), "/hello", null).statusCode()).isEqualTo(404);
    } finally {
      with.stop();
      without.stop();
    }
  }

  @Test
  void aRaisedRateLimitLetsABurstAboveTheDefaultThrough() throws Exception {
    WarehouseLayout layout = new WarehouseLayout(warehouse.toString());
    String key = new ApiKeyStore(layout.apiKeys()).create(Role.PLANNER, null);
    Javalin app =
        ServeCommand.start(layout, "127.0.0.1", 0, 11, new RateLimit(1000, 4000), false, QUIET);
    try {
      // the default allows a burst of 200; 300 in a row must all pass at 1000/s with 4000
      for (int i = 0; i < 300; i++) {
        assertThat(HttpGet.send(app.port(), "/api/v1/problems", key).statusCode())
            .isNotEqualTo(429);
      }
    } finally {
      app.stop();
    }
  }

  @Test
  void onlyLoopbackAddressesAreServedWithoutAProxyInFront() {
    assertThat(ServeCommand.isLoopback("127.0.0.1")).isTrue();
    assertThat(ServeCommand.isLoopback("127.8.9.10")).isTrue();
    assertThat(ServeCommand.isLoopback("localhost")).isTrue();
    assertThat(ServeCommand.isLoopback("[::1]")).isTrue();
    assertThat(ServeCommand.isLoopback("0.0.0.0")).isFalse();
    assertThat(ServeCommand.isLoopback("192.168.1.5")).isFalse();
    assertThat(ServeCommand.isLoopback("::")).isFalse();
    assertThat(ServeCommand.USAGE).contains("--behind-proxy");
  }
}
