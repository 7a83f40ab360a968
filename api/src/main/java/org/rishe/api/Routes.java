package org.rishe.api;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static org.rishe.api.auth.Role.ADMIN;
import static org.rishe.api.auth.Role.DONOR;
import static org.rishe.api.auth.Role.LEADERSHIP;
import static org.rishe.api.auth.Role.PLANNER;
import static org.rishe.api.auth.Role.RESEARCHER;
import static org.rishe.api.auth.Role.VOLUNTEER;

import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import org.rishe.api.auth.MeController;
import org.rishe.api.auth.Role;
import org.rishe.api.dashboard.DashboardController;
import org.rishe.api.disclosure.Disclosure;
import org.rishe.api.donations.JourneyController;
import org.rishe.api.health.HealthController;
import org.rishe.api.hotspots.HotspotsController;
import org.rishe.api.metrics.Metrics;
import org.rishe.api.needs.NeedsController;
import org.rishe.api.occasions.OccasionsController;
import org.rishe.api.openapi.DocsController;
import org.rishe.api.openapi.OpenApiDocument;
import org.rishe.api.pledges.PledgeController;
import org.rishe.api.problems.ProblemsController;
import org.rishe.api.programs.ProgramsController;
import org.rishe.api.query.QueryController;
import org.rishe.api.query.QueryService;
import org.rishe.api.regions.RegionsController;
import org.rishe.api.rootcauses.CausalGraphController;
import org.rishe.api.rootcauses.RootCausesController;
import org.rishe.api.routing.ApiRoute;
import org.rishe.api.routing.Endpoint;
import org.rishe.api.volunteers.InterestController;
import org.rishe.api.volunteers.MatchesController;
import org.rishe.api.web.WebController;

/**
 * Every route of the API and the roles that may call it, in one table: the server, the
 * authorisation gate, the audit, the metrics and the OpenAPI document are all built from it. Each
 * line mounts an {@link Endpoint} its controller declares (what it answers, its parameters, whether
 * it is a table, person-derived or expensive) at a path, for roles; a route without roles is
 * public. To add a route, declare its endpoint beside its handler and add one line here.
 */
final class Routes {
  static final String PREFIX = "/api/v1";

  /** The charity's staff who read its results. */
  private static final Role[] STAFF = {LEADERSHIP, PLANNER, ADMIN};

  /** Staff and researchers: the routes whose numbers researchers see under the small-cell rule. */
  private static final Role[] ANALYSTS = {LEADERSHIP, PLANNER, RESEARCHER, ADMIN};

  private Routes() {}

  static List<ApiRoute> all(ApiDependencies dependencies, Metrics metrics) {
    var results = dependencies.results();
    QueryService queries =
        new QueryService(dependencies.smallCellThreshold(), dependencies.limits().maxQueryCells());
    // the protected lattices are built once per run, before the run is served
    results.current().ifPresent(queries::prepare);
    results.beforeServing(queries::prepare);
    Disclosure disclosure = new Disclosure(dependencies.smallCellThreshold(), queries::prepare);
    var health = new HealthController(results);
    var problems = new ProblemsController(results, disclosure);
    var regions = new RegionsController(results, disclosure);
    var dashboard = new DashboardController(results, dependencies.limits().maxTrendPeriods());
    var hotspots = new HotspotsController(results, disclosure);
    var journeys = new JourneyController(results, dependencies.pledges(), dependencies.clock());
    var pledges =
        new PledgeController(results, dependencies.pledges(), ApiDependencies.MAX_REQUEST_BYTES);
    var matches = new MatchesController(results);
    var interest = new InterestController(results, dependencies.interests());
    var needs = new NeedsController(results, disclosure.k());
    var occasions = new OccasionsController(results);
    var programs = new ProgramsController(results, disclosure);
    var rootCauses = new RootCausesController(results, disclosure);
    var causal = new CausalGraphController(results, disclosure);
    var query = new QueryController(results, queries, ApiDependencies.MAX_REQUEST_BYTES);
    var web = new WebController();
    List<ApiRoute> routes = new ArrayList<>();
    var docs = new DocsController(() -> OpenApiDocument.json(routes));

    routes.addAll(
        List.of(
            route(GET, "/health", health.health),
            route(GET, "/me", new MeController().me, Role.values()),
            route(GET, "/problems", problems.list, ANALYSTS),
            route(GET, "/regions", regions.list, ANALYSTS),
            route(GET, "/dashboard/summary", dashboard.summary, STAFF),
            route(GET, "/dashboard/trends", dashboard.trends, STAFF),
            route(GET, "/hotspots", hotspots.list, ANALYSTS),
            route(GET, "/donations/{id}/journey", journeys.journey, DONOR, LEADERSHIP, ADMIN),
            route(GET, "/trust", journeys.trust, STAFF),
            route(GET, "/me/donations", journeys.mine, DONOR),
            route(POST, "/needs/{ref}/pledges", pledges.pledge, DONOR),
            route(GET, "/volunteers/{id}/matches", matches.matches, STAFF),
            route(GET, "/me/matches", matches.mine, VOLUNTEER),
            route(POST, "/programs/{id}/interest", interest.register, VOLUNTEER),
            route(GET, "/me/interests", interest.mine, VOLUNTEER),
            route(GET, "/needs", needs.list, DONOR, LEADERSHIP, PLANNER, ADMIN),
            route(GET, "/needs/{ref}", needs.show, DONOR, LEADERSHIP, PLANNER, ADMIN),
            route(GET, "/occasions", occasions.list, STAFF),
            route(GET, "/programs", programs.list, ANALYSTS),
            route(GET, "/programs/{id}/impact", programs.impact, ANALYSTS),
            route(GET, "/root-causes", rootCauses.list, ANALYSTS),
            route(GET, "/causal-graph", causal.graph, ANALYSTS),
            route(GET, "/root-causes/{problem}/chains", causal.chains, ANALYSTS),
            route(POST, "/query", query.query, ANALYSTS),
            route(GET, "/query/cubes", query.cubes, ANALYSTS),
            route(GET, "/openapi.json", docs.openapi),
            route(GET, "/docs", docs.index),
            route(GET, "/docs/{file}", docs.asset),
            // public: the page holds no data; every call it makes carries the key the user enters
            ApiRoute.at(GET, "/", web.index),
            ApiRoute.at(GET, "/web/{file}", web.asset),
            ApiRoute.at(GET, "/metrics", metrics.scrape)));
    return List.copyOf(routes);
  }

  /** A route of the versioned API: {@code path} under {@value #PREFIX}. */
  private static ApiRoute route(HandlerType method, String path, Endpoint endpoint, Role... roles) {
    return ApiRoute.at(method, PREFIX + path, endpoint, roles);
  }
}
