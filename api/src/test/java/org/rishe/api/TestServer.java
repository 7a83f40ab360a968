package org.rishe.api;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rishe.api.audit.AuditLog;
import org.rishe.api.auth.ApiKeyStore;
import org.rishe.api.auth.Role;
import org.rishe.api.limits.ExpensiveLimit;
import org.rishe.api.limits.Limits;
import org.rishe.api.limits.RateLimit;
import org.rishe.api.limits.RefusedKeyLimit;
import org.rishe.api.pledges.PledgeLog;
import org.rishe.api.results.ResultsStore;
import org.rishe.api.routing.ApiRoute;
import org.rishe.api.volunteers.InterestLog;
import org.rishe.common.warehouse.WarehouseLayout;

/**
 * The real app on a random port over a temporary warehouse with one published run and one key per
 * role; tests that send thousands of requests (hundreds of them without a key, from one address)
 * use {@link #GENEROUS} limits that never bite. It sends requests with a role's key, so that a test
 * names only the path and the role.
 */
final class TestServer implements AutoCloseable {
  final Javalin app;
  final ApiDependencies dependencies;
  final Map<Role, String> keys = new EnumMap<>(Role.class);
  final WarehouseLayout layout;

  /** Limits no test reaches: rates of a million, a thousand expensive requests at once. */
  static final Limits GENEROUS =
      Limits.DEFAULT
          .withPerKey(new RateLimit(1_000_000, 1_000_000))
          .withRefusedKeys(new RefusedKeyLimit(1_000_000, 1_000_000))
          .withExpensive(new ExpensiveLimit(1000, ExpensiveLimit.DEFAULT.maxWait()));

  /** The generous limits with {@code rateLimit} per key. */
  TestServer(Path warehouse, RateLimit rateLimit) {
    this(warehouse, GENEROUS.withPerKey(rateLimit), List.of());
  }

  /** With {@code extra} routes after the registry's, as a test's probes. */
  TestServer(Path warehouse, Limits limits, List<ApiRoute> extra) {
    this(warehouse, limits, extra, Clock.systemUTC());
  }

  /** With generous limits and {@code clock} for what the server records and how old it says. */
  TestServer(Path warehouse, Clock clock) {
    this(warehouse, GENEROUS, List.of(), clock);
  }

  private TestServer(Path warehouse, Limits limits, List<ApiRoute> extra, Clock clock) {
    PublishedRunFixture.writePrograms(warehouse, "run-1");
    PublishedRunFixture.writeProgramImpactGaps(warehouse, "run-1");
    PublishedRunFixture.writeRootCauses(warehouse, "run-1");
    PublishedRunFixture.writeCubes(warehouse, "run-1");
    PublishedRunFixture.publish(
        warehouse,
        "run-1",
        List.of(
            new PublishedRunFixture.Problem("child_labour", "Child labour", "کار کودک", 120, 120),
            new PublishedRunFixture.Problem(
                "child_marriage", "Child marriage", "ازدواج کودک", 7, 7),
            new PublishedRunFixture.Problem("dropout", "School dropout", "ترک تحصیل", 40, 31)));
    layout = new WarehouseLayout(warehouse.toString());
    ResultsStore results = new ResultsStore(layout);
    results.refresh();
    ApiKeyStore keyStore = new ApiKeyStore(layout.apiKeys());
    for (Role role : Role.values()) {
      keys.put(role, keyStore.create(role, subject(role)));
    }
    dependencies =
        new ApiDependencies(
            results,
            keyStore,
            11,
            limits,
            new AuditLog(layout.auditLog()),
            InterestLog.open(layout.interestLog(), clock, System.err::println),
            PledgeLog.open(layout.pledgeLog(), clock, System.err::println),
            clock);
    app = App.create(dependencies, extra).start("127.0.0.1", 0);
  }

  /**
   * Whom the test key of {@code role} is bound to: donor-1 for the donor, V1 (a volunteer with
   * matches in DashboardFixture's run) for the volunteer, nobody for the other roles.
   */
  static String subject(Role role) {
    return role == Role.DONOR ? "donor-1" : role == Role.VOLUNTEER ? "V1" : null;
  }

  static TestServer unlimited(Path warehouse) {
    return new TestServer(warehouse, GENEROUS, List.of());
  }

  List<ApiRoute> routes() {
    return App.routes(dependencies);
  }

  int port() {
    return app.port();
  }

  /** A GET with the key of the role. */
  HttpResponse<String> get(String path, Role role) throws IOException, InterruptedException {
    return HttpGet.send(port(), path, keys.get(role));
  }

  HttpResponse<String> get(String path, Role role, String accept)
      throws IOException, InterruptedException {
    return HttpGet.send(port(), path, keys.get(role), accept);
  }

  /** A GET without a key, as a browser fetches the dashboard's files. */
  HttpResponse<String> getPublic(String path) throws IOException, InterruptedException {
    return HttpGet.send(port(), path, null);
  }

  /** The Authorization header of the role's key, for {@link RawHttp}. */
  Map<String, String> bearer(Role role) {
    return Map.of("Authorization", "Bearer " + keys.get(role));
  }

  /** A GET with the key of the role, sent byte for byte as written ({@link RawHttp}). */
  RawHttp.Response rawGet(String target, Role role) {
    return RawHttp.send(port(), "GET", target, bearer(role));
  }

  /**
   * A POST of a JSON body with the key of the role, as a client of {@code POST /query} sends it.
   */
  RawHttp.Response postJson(String path, String body, Role role) {
    Map<String, String> headers = new LinkedHashMap<>(bearer(role));
    headers.put("Content-Type", "application/json");
    return RawHttp.send(port(), "POST", path, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  /** The route's path with every {parameter} filled with a sample value. */
  static String samplePath(ApiRoute route) {
    return route.path().replaceAll("\\{[^}]+}", "sample");
  }

  @Override
  public void close() {
    app.stop();
    dependencies.interests().close();
    dependencies.pledges().close();
  }
}
