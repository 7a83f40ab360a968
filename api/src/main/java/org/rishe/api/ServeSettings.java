package org.rishe.api;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.rishe.api.limits.Limits;
import org.rishe.api.transport.Tls;

/**
 * How {@link ServeCommand#start} serves: where it listens, the small-cell threshold, the request
 * limits, whether the benchmark route {@code GET /hello} is on, HTTPS or plain HTTP, and how often
 * it looks for a newer published run. {@link #local} gives {@code rishe serve}'s defaults on
 * loopback; the {@code with} methods change one setting each.
 *
 * @param host the address to bind
 * @param port the port, 0 for a free one
 * @param k researchers never see a count from 1 to {@code k − 1}
 * @param limits the per-key and expensive-request limits
 * @param hello whether {@code GET /hello} is served
 * @param tls the certificate to serve HTTPS with, or null for plain HTTP
 * @param resultsRefresh how often to look for a newer published run
 */
public record ServeSettings(
    String host, int port, int k, Limits limits, boolean hello, Tls tls, Duration resultsRefresh) {
  public ServeSettings {
    requireNonNull(host, "host is null");
    requireNonNull(limits, "limits is null");
    requireNonNull(resultsRefresh, "resultsRefresh is null");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
    }
    if (k < 2) {
      throw new IllegalArgumentException("the small-cell threshold k must be at least 2, was " + k);
    }
    if (resultsRefresh.isNegative() || resultsRefresh.isZero()) {
      throw new IllegalArgumentException("resultsRefresh must be positive, was " + resultsRefresh);
    }
  }

  /**
   * 127.0.0.1 on {@code port}: plain HTTP, the default limits, no {@code /hello}, a new run looked
   * for every {@link ServeCommand#RESULTS_REFRESH}, small cells below {@code k}.
   */
  public static ServeSettings local(int port, int k) {
    return new ServeSettings(
        "127.0.0.1", port, k, Limits.DEFAULT, false, null, ServeCommand.RESULTS_REFRESH);
  }

  public ServeSettings withHost(String host) {
    return new ServeSettings(host, port, k, limits, hello, tls, resultsRefresh);
  }

  public ServeSettings withLimits(Limits limits) {
    return new ServeSettings(host, port, k, limits, hello, tls, resultsRefresh);
  }

  public ServeSettings withHello(boolean hello) {
    return new ServeSettings(host, port, k, limits, hello, tls, resultsRefresh);
  }

  /** HTTPS with {@code tls}'s certificate; null for plain HTTP. */
  public ServeSettings withTls(Tls tls) {
    return new ServeSettings(host, port, k, limits, hello, tls, resultsRefresh);
  }

  public ServeSettings withResultsRefresh(Duration resultsRefresh) {
    return new ServeSettings(host, port, k, limits, hello, tls, resultsRefresh);
  }
}
