package org.rishe.api;

import io.javalin.Javalin;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.rishe.api.audit.AuditLog;
import org.rishe.api.auth.ApiKeyStore;
import org.rishe.api.limits.ExpensiveLimit;
import org.rishe.api.limits.Limits;
import org.rishe.api.limits.RateLimit;
import org.rishe.api.pledges.PledgeLog;
import org.rishe.api.results.ResultsStore;
import org.rishe.api.routing.ApiRoute;
import org.rishe.api.transport.Tls;
import org.rishe.api.volunteers.InterestLog;
import org.rishe.common.cli.Arguments;
import org.rishe.common.warehouse.WarehouseLayout;

/**
 * {@code rishe serve [--port 7070] [--host 127.0.0.1] [--warehouse DIR]}: the API and dashboard.
 */
public final class ServeCommand {
  static final String USAGE =
      """
      Usage: rishe serve [--port 7070] [--host 127.0.0.1] [--warehouse DIR] [--small-cell-k 11]
                         [--rate-limit 50] [--max-expensive 4] [--behind-proxy]
                         [--tls-keystore FILE] [--hello]

      Serves the latest published results run over HTTP: the API under /api/v1 and the
      dashboard at /. A newer run published by `rishe analyze` is picked up within seconds,
      without a restart. Stop with Ctrl-C.

        --port N          port to listen on (default 7070; 0 picks a free one)
        --host H          address to bind (default 127.0.0.1); any other than loopback needs
                          --tls-keystore or --behind-proxy, since keys and children's data
                          must not cross a network in clear text
        --tls-keystore F  serve HTTPS (only) with the key and certificate chain in the PKCS#12
                          file F, its password in $RISHE_TLS_PASSWORD; from PEM files:
                          openssl pkcs12 -export -in fullchain.pem -inkey privkey.pem -out F
        --behind-proxy    a TLS-terminating reverse proxy (nginx, Caddy, a load balancer) is the
                          only way in: allows a non-loopback --host, and the client address (for
                          the limit on requests without a valid key) is then the last address
                          of X-Forwarded-For, the one the proxy added
        --warehouse DIR   the warehouse (default $RISHE_WAREHOUSE or ./warehouse)
        --small-cell-k K  researchers never see a count from 1 to K-1 (default 11)
        --rate-limit N    requests per second each key may make, in bursts of 4N (default 50);
                          over it, 429
        --max-expensive N expensive requests (POST /query, /dashboard/trends) answered at once
                          (default 4); one that gets no turn within 2 s is answered 503
        --hello           adds GET /hello, a public route answering "hello" through the same
                          filters, as the baseline of bench/api (leave it off in production)""";

  static final Set<String> OPTIONS =
      Set.of(
          "--port",
          "--host",
          "--warehouse",
          "--small-cell-k",
          "--rate-limit",
          "--max-expensive",
          "--tls-keystore");
  static final Set<String> FLAGS = Set.of("--hello", "--behind-proxy");

  /** How often {@code rishe serve} looks at LATEST for a newer published run. */
  public static final Duration RESULTS_REFRESH = Duration.ofSeconds(2);

  /** The benchmark baseline: public, no data, through the same gate, metrics and audit filters. */
  static final ApiRoute HELLO =
      ApiRoute.get("/hello", "benchmark baseline", ctx -> ctx.result("hello")).undocumented();

  private ServeCommand() {}

  public static void main(String[] args) {
    Arguments arguments;
    int port;
    int k;
    Limits limits;
    try {
      arguments = Arguments.parse(args, OPTIONS, FLAGS);
      port = (int) arguments.longValue("--port", 7070, 0, 65535);
      k =
          (int)
              arguments.longValue(
                  "--small-cell-k", ApiDependencies.DEFAULT_SMALL_CELL_THRESHOLD, 2, 1000);
      limits = limits(arguments);
    } catch (IllegalArgumentException e) {
      System.err.println("rishe serve: " + e.getMessage() + " (see --help)");
      System.exit(2);
      return;
    }
    if (arguments.help()) {
      System.out.println(USAGE);
      return;
    }
    WarehouseLayout layout = WarehouseLayout.resolve(arguments.value("--warehouse").orElse(null));
    String host = arguments.value("--host").orElse("127.0.0.1");
    Tls tls;
    try {
      tls =
          arguments
              .value("--tls-keystore")
              .map(file -> Tls.fromKeyStore(Path.of(file), System.getenv(Tls.PASSWORD_VARIABLE)))
              .orElse(null);
    } catch (IllegalArgumentException e) {
      System.err.println("rishe serve: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (!isLoopback(host) && !arguments.flag("--behind-proxy") && tls == null) {
      System.err.println(
          "rishe serve: --host "
              + host
              + " would serve API keys and children's data in clear text to the network; give"
              + " a certificate with --tls-keystore, or put a TLS-terminating reverse proxy in"
              + " front and add --behind-proxy, or keep the default 127.0.0.1");
      System.exit(2);
      return;
    }
    try {
      start(
          layout,
          ServeSettings.local(port, k)
              .withHost(host)
              .withLimits(limits)
              .withHello(arguments.flag("--hello"))
              .withTls(tls),
          System.out);
    } catch (RuntimeException e) {
      System.err.println("rishe serve: failed: " + e.getMessage());
      System.exit(1);
    }
  }

  /** The limits the options ask for: --rate-limit, --max-expensive, --behind-proxy. */
  static Limits limits(Arguments arguments) {
    long perSecond =
        arguments.longValue(
            "--rate-limit", RateLimit.DEFAULT.requestsPerSecond(), 1, 1_000_000_000L);
    RateLimit rateLimit =
        perSecond == RateLimit.DEFAULT.requestsPerSecond()
            ? RateLimit.DEFAULT
            : new RateLimit(perSecond, perSecond * 4);
    int maxExpensive =
        (int) arguments.longValue("--max-expensive", ExpensiveLimit.DEFAULT.permits(), 1, 1000);
    return Limits.DEFAULT
        .withPerKey(rateLimit)
        .withExpensive(new ExpensiveLimit(maxExpensive, ExpensiveLimit.DEFAULT.maxWait()))
        .withBehindProxy(arguments.flag("--behind-proxy"));
  }

  /**
   * Runs {@code task} every {@code period} on {@code timer}. An exception escaping a scheduled task
   * would cancel it for good (new runs and revoked keys would then go unnoticed): a failure is
   * reported, {@code what} first, and the next tick tries again.
   */
  private static void repeat(
      ScheduledExecutorService timer, Duration period, Runnable task, String what) {
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            System.err.println("rishe serve: " + what + ": " + e);
          }
        },
        period.toMillis(),
        period.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /**
   * Whether the address is this machine only (localhost, 127.0.0.0/8, ::1), as the JDK reads it; a
   * name that does not resolve is not.
   */
  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * Starts the server and its refresh timer as {@code settings} say; returns the running server.
   * Its one line of news ("Rishe API listening on ...") goes to {@code out}.
   */
  public static Javalin start(WarehouseLayout layout, ServeSettings settings, PrintStream out) {
    ResultsStore results = new ResultsStore(layout);
    ApiKeyStore keys = new ApiKeyStore(layout.apiKeys());
    results.refresh();
    // Two threads: loading a new run can take seconds, and a revoked key must not wait for it.
    ScheduledExecutorService timer =
        Executors.newScheduledThreadPool(
            2,
            r -> {
              Thread thread = new Thread(r, "rishe-refresh");
              thread.setDaemon(true);
              return thread;
            });
    repeat(timer, settings.resultsRefresh(), results::refresh, "cannot refresh the served run");
    // the key file is only looked at (its size and time) unless it changed: every second, so a
    // revoked key is refused within one to two seconds
    repeat(timer, Duration.ofSeconds(1), keys::reloadIfChanged, "cannot reload the API keys");
    // opened now, so that a damaged log stops the server here and a torn last record is dropped
    InterestLog interests =
        InterestLog.open(
            layout.interestLog(), Clock.systemUTC(), line -> out.println("rishe serve: " + line));
    PledgeLog pledges =
        PledgeLog.open(
            layout.pledgeLog(), Clock.systemUTC(), line -> out.println("rishe serve: " + line));
    ApiDependencies dependencies =
        new ApiDependencies(
            results,
            keys,
            settings.k(),
            settings.limits(),
            new AuditLog(layout.auditLog()),
            interests,
            pledges,
            Clock.systemUTC());
    Tls tls = settings.tls();
    Javalin app =
        App.create(
                dependencies,
                settings.hello() ? List.of(HELLO) : List.<ApiRoute>of(),
                tls,
                settings.host(),
                settings.port())
            .start(settings.host(), settings.port());
    String run =
        results.current().map(r -> "run " + r.runId()).orElse("no run yet (run `rishe analyze`)");
    out.println(
        "Rishe API listening on "
            + (tls == null ? "http" : "https")
            + "://"
            + settings.host()
            + ":"
            + app.port()
            + "/ serving "
            + run);
    return app;
  }
}
