package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.api.auth.ApiKeyStore;
import org.rishe.api.auth.Role;
import org.rishe.api.limits.ExpensiveLimit;
import org.rishe.api.limits.Limits;
import org.rishe.api.limits.RateLimit;
import org.rishe.common.cli.Arguments;
import org.rishe.common.warehouse.WarehouseLayout;

/** The options of {@code rishe serve} that bench/api uses: the hello baseline and the limit. */
class ServeOptionsTest {
  private static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream());

  @TempDir Path warehouse;

  @Test
  void helloIsServedOnlyWhenAskedFor() throws Exception {
    WarehouseLayout layout = new WarehouseLayout(warehouse.toString());
    Javalin with = ServeCommand.start(layout, ServeSettings.local(0, 11).withHello(true), QUIET);
    Javalin without = ServeCommand.start(layout, ServeSettings.local(0, 11), QUIET);
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
        ServeCommand.start(
            layout,
            ServeSettings.local(0, 11)
                .withLimits(Limits.DEFAULT.withPerKey(new RateLimit(1000, 4000))),
            QUIET);
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
  void theLimitOptionsSetTheRateTheExpensiveCapAndWhereTheClientAddressIsRead() {
    Limits defaults = ServeCommand.limits(parse());
    Limits chosen =
        ServeCommand.limits(parse("--rate-limit", "100", "--max-expensive", "2", "--behind-proxy"));

    assertThat(defaults).isEqualTo(Limits.DEFAULT);
    assertThat(defaults.expensive().permits()).isEqualTo(4);
    assertThat(defaults.behindProxy()).isFalse();
    assertThat(chosen.perKey()).isEqualTo(new RateLimit(100, 400));
    assertThat(chosen.expensive()).isEqualTo(new ExpensiveLimit(2, Duration.ofSeconds(2)));
    assertThat(chosen.behindProxy()).isTrue();
    assertThatThrownBy(() -> ServeCommand.limits(parse("--max-expensive", "0")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ServeCommand.USAGE).contains("--max-expensive N", "X-Forwarded-For");
  }

  private static Arguments parse(String... args) {
    return Arguments.parse(args, ServeCommand.OPTIONS, ServeCommand.FLAGS);
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

  @Test
  void settingsRefuseAPortOutOfRangeAThresholdBelowTwoAndNoRefresh() {
    assertThatThrownBy(() -> ServeSettings.local(65536, 11))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("port");
    assertThatThrownBy(() -> ServeSettings.local(0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("k must be at least 2");
    assertThatThrownBy(() -> ServeSettings.local(0, 11).withResultsRefresh(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    ServeSettings settings = ServeSettings.local(8080, 11).withHost("::1").withHello(true);
    assertThat(settings.host()).isEqualTo("::1");
    assertThat(settings.port()).isEqualTo(8080);
    assertThat(settings.hello()).isTrue();
    assertThat(settings.tls()).isNull();
    assertThat(settings.resultsRefresh()).isEqualTo(ServeCommand.RESULTS_REFRESH);
  }
}
