package org.rishe.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.ArrayList;
import java.util.List;
import org.rishe.api.audit.Auditor;
import org.rishe.api.auth.Authorizer;
import org.rishe.api.auth.Role;
import org.rishe.api.error.JettyProblemErrorHandler;
import org.rishe.api.error.ProblemResponses;
import org.rishe.api.limits.ExpensiveRequests;
import org.rishe.api.limits.Limits;
import org.rishe.api.limits.RateLimiter;
import org.rishe.api.limits.RefusedKeyLimiter;
import org.rishe.api.metrics.Metrics;
import org.rishe.api.routing.ApiRoute;
import org.rishe.api.routing.RequestGate;
import org.rishe.api.routing.RouteTable;
import org.rishe.api.table.ResponseCache;
import org.rishe.api.transport.Tls;

/** Builds the API server from its dependencies; {@link ServeCommand} starts it. */
public final class App {
  private App() {}

  public static Javalin create(ApiDependencies dependencies) {
    return create(dependencies, List.of());
  }

  /** The server with {@code extra} routes after the registry's (the benchmark's baseline). */
  public static Javalin create(ApiDependencies dependencies, List<ApiRoute> extra) {
    return create(dependencies, extra, null, null, 0);
  }

  /**
   * As {@link #create(ApiDependencies, List)}, serving HTTPS only on {@code host}:{@code port} when
   * {@code tls} is given (then the port given to {@code start} is not used), and telling browsers
   * to keep to HTTPS (Strict-Transport-Security).
   */
  public static Javalin create(
      ApiDependencies dependencies, List<ApiRoute> extra, Tls tls, String host, int port) {
    ObjectMapper json = new ObjectMapper();
    Authorizer authorizer = new Authorizer(dependencies.keys());
    Metrics metrics = new Metrics(dependencies.results(), dependencies.clock());
    List<ApiRoute> routes = new ArrayList<>(Routes.all(dependencies, metrics));
    routes.addAll(extra);
    Limits limits = dependencies.limits();
    RequestGate gate =
        new RequestGate(
            new RouteTable(routes),
            authorizer,
            new RateLimiter(limits.perKey()),
            new RefusedKeyLimiter(limits.refusedKeys(), limits.behindProxy()),
            ApiDependencies.MAX_REQUEST_BYTES);
    ExpensiveRequests expensive = new ExpensiveRequests(limits.expensive());
    Auditor auditor = new Auditor(dependencies.audit(), dependencies.clock());
    // answers of table routes, reused while the same run is served: 2,000 answers or 64 MB
    ResponseCache cache = new ResponseCache(2_000, 32_000_000L);
    return Javalin.create(
        config -> {
          config.jsonMapper(new JavalinJackson(json, false));
          config.http.maxRequestSize = ApiDependencies.MAX_REQUEST_BYTES;
          config.startup.showJavalinBanner = false;
          // errors Jetty answers before Javalin sees the request (a malformed URI, huge headers)
          config.jetty.modifyServer(
              server -> server.setErrorHandler(new JettyProblemErrorHandler()));
          if (tls != null) {
            // the only connector: Javalin then adds no plain HTTP one
            config.jetty.addConnector((server, http) -> tls.connector(server, http, host, port));
            config.routes.before(
                ctx -> ctx.header("Strict-Transport-Security", "max-age=31536000"));
          }
          config.routes.before(gate::check);
          config.routes.before(ctx -> ctx.attribute(ResponseCache.ATTRIBUTE, cache));
          config.routes.beforeMatched(authorizer::check);
          // in an after handler, before the response is sent: a read that cannot be audited fails
          config.routes.after(auditor::record);
          config.requestLogger.http(metrics::record);
          new ProblemResponses(json).register(config.routes);
          for (ApiRoute route : routes) {
            config.routes.addHttpHandler(
                route.method(),
                route.path(),
                route.costly() ? expensive.guard(route.handler()) : route.handler(),
                route.roles().toArray(new Role[0]));
          }
        });
  }

  /** The registry the server is built from; tests walk it to cover every route. */
  static List<ApiRoute> routes(ApiDependencies dependencies) {
    return Routes.all(dependencies, new Metrics(dependencies.results(), dependencies.clock()));
  }
}
