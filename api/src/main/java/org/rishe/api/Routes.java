package org.rishe.api;

import static org.rishe.api.auth.Role.ADMIN;
import static org.rishe.api.auth.Role.DONOR;
import static org.rishe.api.auth.Role.LEADERSHIP;
import static org.rishe.api.auth.Role.PLANNER;
import static org.rishe.api.auth.Role.RESEARCHER;
import static org.rishe.api.auth.Role.VOLUNTEER;

import java.util.ArrayList;
import java.util.List;
import org.rishe.api.auth.MeController;
import org.rishe.api.auth.Role;
import org.rishe.api.dashboard.DashboardController;
import org.rishe.api.donations.Giving;
import org.rishe.api.donations.JourneyController;
import org.rishe.api.health.HealthController;
import org.rishe.api.hotspots.HotspotsController;
import org.rishe.api.metrics.Metrics;
import org.rishe.api.needs.NeedsController;
import org.rishe.api.occasions.OccasionsController;
import org.rishe.api.openapi.DocsController;
import org.rishe.api.openapi.OpenApiDocument;
import org.rishe.api.pledges.PledgeController;
import org.rishe.api.pledges.PledgeRequest;
import org.rishe.api.problems.ProblemsController;
import org.rishe.api.programs.ProgramsController;
import org.rishe.api.query.QueryController;
import org.rishe.api.query.QueryRequest;
import org.rishe.api.query.QueryService;
import org.rishe.api.regions.RegionsController;
import org.rishe.api.rootcauses.CausalGraphController;
import org.rishe.api.rootcauses.RootCausesController;
import org.rishe.api.routing.ApiRoute;
import org.rishe.api.volunteers.InterestController;
import org.rishe.api.volunteers.MatchesController;
import org.rishe.api.web.WebController;

/**
 * Every route of the API and the roles that may call it, in one place: the server, the
 * authorisation gate, the audit, the metrics and the OpenAPI document are all built from this list.
 * A route without roles is public. To add a route, add one {@link ApiRoute} line below.
 */
final class Routes {
  static final String PREFIX = "/api/v1";

  private Routes() {}

  static List<ApiRoute> all(ApiDependencies dependencies, Metrics metrics) {
    HealthController health = new HealthController(dependencies.results());
    ProblemsController problems =
        new ProblemsController(dependencies.results(), dependencies.smallCellThreshold());
    List<ApiRoute> routes = new ArrayList<>();
    DocsController docs = new DocsController(() -> OpenApiDocument.json(routes));

    routes.add(
        ApiRoute.get(PREFIX + "/health", "whether a run is served, and which", health::health)
            .returns(HealthController.Health.class));
    routes.add(
        ApiRoute.get(PREFIX + "/me", "the role of the calling key", new MeController()::me)
            .roles(Role.values())
            .returns(MeController.MeResponse.class));
    routes.add(
        ApiRoute.get(PREFIX + "/problems", "each problem with its cases and people", problems::list)
            .roles(LEADERSHIP, PLANNER, RESEARCHER, ADMIN)
            .returns(ProblemsController.ProblemsResponse.class)
            .query("lang", "label language: en (default) or fa")
            .table()
            .personDerived());
    routes.add(
        ApiRoute.get(
                PREFIX + "/regions",
                "the regions catalogue: each region's names in English and Persian, the region it"
                    + " lies in and its outline (GeoJSON) where the catalogue has one",
                new RegionsController(dependencies.results())::list)
            .roles(LEADERSHIP, PLANNER, RESEARCHER, ADMIN)
            .returns(RegionsController.RegionsResponse.class));

    DashboardController dashboard =
        new DashboardController(dependencies.results(), dependencies.limits().maxTrendPeriods());
    HotspotsController hotspots =
        new HotspotsController(dependencies.results(), dependencies.smallCellThreshold());
    JourneyController journeys =
        new JourneyController(dependencies.results(), dependencies.pledges(), dependencies.clock());
    MatchesController matches = new MatchesController(dependencies.results());
    routes.add(
        ApiRoute.get(
                PREFIX + "/dashboard/summary",
                "leadership KPIs for a period and region",
                dashboard::summary)
            .roles(LEADERSHIP, PLANNER, ADMIN)
            .returns(DashboardController.SummaryResponse.class)
            .query("from", "first month, YYYY-MM (in the chosen calendar)")
            .query("to", "last month, YYYY-MM")
            .query("region", "a region code; all regions when absent")
            .query("calendar", "gregorian (default) or jalali")
            .personDerived());
    routes.add(
        ApiRoute.get(
                PREFIX + "/dashboard/trends", "a KPI as a monthly time series", dashboard::trends)
            .roles(LEADERSHIP, PLANNER, ADMIN)
            .returns(DashboardController.TrendsResponse.class)
            .query("metric", "the KPI to chart")
            .query("currency", "with metric=amountReceived: the currency (required)")
            .query("by", "month")
            .query("from", "first month, YYYY-MM")
            .query("to", "last month, YYYY-MM")
            .query("region", "a region code")
            .query("calendar", "gregorian (default) or jalali")
            .table()
            .personDerived()
            .expensive());
    routes.add(
        ApiRoute.get(
                PREFIX + "/hotspots",
                "region x problem months with more cases than expected (EARS C2)",
                hotspots::list)
            .roles(LEADERSHIP, PLANNER, RESEARCHER, ADMIN)
            .returns(HotspotsController.HotspotsResponse.class)
            .query("all", "true: every judged month, not only flagged ones")
            .query("region", "a region code")
            .query("problem", "a problem code")
            .query("from", "first month, YYYY-MM")
            .query("to", "last month, YYYY-MM")
            .table()
            .personDerived());
    routes.add(
        ApiRoute.get(
                PREFIX + "/donations/{id}/journey",
                "a donation's journey to its recipient",
                journeys::journey)
            .roles(DONOR, LEADERSHIP, ADMIN)
            .returns(Giving.JourneyView.class)
            .personDerived());
    routes.add(
        ApiRoute.get(
                PREFIX + "/trust",
                "whether pledges reach their needs: share delivered and median days to delivery"
                    + " with 95% CIs, stalled journeys, overall, per programme and per region",
                journeys::trust)
            .roles(LEADERSHIP, PLANNER, ADMIN)
            .returns(JourneyController.TrustResponse.class));
    routes.add(
        ApiRoute.get(
                PREFIX + "/me/donations",
                "the calling donor's donations with their journeys, and pledges with how far each"
                    + " has come",
                journeys::mine)
            .roles(DONOR)
            .returns(JourneyController.GivingResponse.class)
            .personDerived());
    routes.add(
        ApiRoute.post(
                PREFIX + "/needs/{ref}/pledges",
                "the calling donor pledges to a need of the needs board (201; 409 when the need is"
                    + " not open or has no room for the amount)",
                new PledgeController(
                        dependencies.results(),
                        dependencies.pledges(),
                        ApiDependencies.MAX_REQUEST_BYTES)
                    ::pledge)
            .roles(DONOR)
            .header(
                InterestController.IDEMPOTENCY_KEY,
                "names the request, 1 to 200 printable ASCII characters (e.g. a UUID): a retry with"
                    + " the same key gets the first answer and records nothing again")
            .accepts(PledgeRequest.class)
            .returns(PledgeController.PledgeView.class));
    routes.add(
        ApiRoute.get(
                PREFIX + "/volunteers/{id}/matches",
                "programmes ranked for a volunteer, with reasons",
                matches::matches)
            .roles(LEADERSHIP, PLANNER, ADMIN)
            .returns(MatchesController.MatchesResponse.class)
            .table());
    routes.add(
        ApiRoute.get(
                PREFIX + "/me/matches",
                "programmes ranked for the calling volunteer, with reasons",
                matches::mine)
            .roles(VOLUNTEER)
            .returns(MatchesController.MatchesResponse.class)
            .table());
    InterestController interest =
        new InterestController(dependencies.results(), dependencies.interests());
    routes.add(
        ApiRoute.post(
                PREFIX + "/programs/{id}/interest",
                "the calling volunteer registers interest in a programme (201 new, 200 registered"
                    + " before)",
                interest::register)
            .roles(VOLUNTEER)
            .header(
                InterestController.IDEMPOTENCY_KEY,
                "names the request, 1 to 200 printable ASCII characters (e.g. a UUID): a retry with"
                    + " the same key gets the first answer and records nothing again")
            .returns(InterestController.InterestView.class));
    routes.add(
        ApiRoute.get(
                PREFIX + "/me/interests",
                "the programmes the calling volunteer registered interest in, oldest first",
                interest::mine)
            .roles(VOLUNTEER)
            .returns(InterestController.MyInterestsResponse.class));

    NeedsController needs =
        new NeedsController(dependencies.results(), dependencies.smallCellThreshold());
    routes.add(
        ApiRoute.get(
                PREFIX + "/needs",
                "the needs board: open and pledged needs by public reference, a person's age band"
                    + " and sex only where at least k people with a need share them",
                needs::list)
            .roles(DONOR, LEADERSHIP, PLANNER, ADMIN)
            .returns(NeedsController.NeedsResponse.class)
            .query("kind", "a kind of need, e.g. school_fees")
            .query("region", "a region code")
            .query("program", "a programme id")
            .query("currency", "an ISO 4217 code, e.g. IRR")
            .query("minAmount", "the least amount, in the need's currency")
            .query("maxAmount", "the greatest amount, in the need's currency")
            .query("lang", "label language: en (default) or fa")
            .table()
            .personDerived());
    routes.add(
        ApiRoute.get(PREFIX + "/needs/{ref}", "one need of the needs board", needs::show)
            .roles(DONOR, LEADERSHIP, PLANNER, ADMIN)
            .returns(NeedsController.NeedView.class)
            .query("lang", "label language: en (default) or fa")
            .personDerived());

    OccasionsController occasions = new OccasionsController(dependencies.results());
    routes.add(
        ApiRoute.get(
                PREFIX + "/occasions",
                "donations and volunteer sign-ups on national and religious occasions against the"
                    + " weeks around them, as rate ratios with 95% CIs",
                occasions::list)
            .roles(LEADERSHIP, PLANNER, ADMIN)
            .returns(OccasionsController.OccasionsResponse.class)
            .query("year", "Gregorian year the occasion's window starts in, YYYY")
            .query("occasion", "an occasion code, e.g. nowruz or ramadan")
            .query("measure", "donations, amount or volunteer_sign_ups")
            .query("lang", "name language: en (default) or fa")
            .table()
            .personDerived());

    ProgramsController programs =
        new ProgramsController(dependencies.results(), dependencies.smallCellThreshold());
    routes.add(
        ApiRoute.get(
                PREFIX + "/programs", "the programmes with participants and cost", programs::list)
            .roles(LEADERSHIP, PLANNER, RESEARCHER, ADMIN)
            .returns(ProgramsController.ProgramsResponse.class)
            .table());
    routes.add(
        ApiRoute.get(
                PREFIX + "/programs/{id}/impact",
                "what a programme changed, per outcome, with 95% CIs; why any outcome has no"
                    + " estimate",
                programs::impact)
            .roles(LEADERSHIP, PLANNER, RESEARCHER, ADMIN)
            .returns(ProgramsController.ImpactResponse.class)
            .query("lang", "outcome and covariate label language: en (default) or fa")
            .personDerived());

    RootCausesController rootCauses =
        new RootCausesController(dependencies.results(), dependencies.smallCellThreshold());
    routes.add(
        ApiRoute.get(
                PREFIX + "/root-causes",
                "a problem's factors ranked by adjusted odds ratio, overall or in a region",
                rootCauses::list)
            .roles(LEADERSHIP, PLANNER, RESEARCHER, ADMIN)
            .returns(RootCausesController.RootCausesResponse.class)
            .query("problem", "a problem code (required)")
            .query("region", "a region code; all regions when absent")
            .query("lang", "label language: en (default) or fa")
            .table()
            .personDerived());
    CausalGraphController causal =
        new CausalGraphController(dependencies.results(), dependencies.smallCellThreshold());
    routes.add(
        ApiRoute.get(
                PREFIX + "/causal-graph",
                "the learnt causal graph over demographics, factors and problems",
                causal::graph)
            .roles(LEADERSHIP, PLANNER, RESEARCHER, ADMIN)
            .returns(CausalGraphController.GraphResponse.class)
            .query("lang", "label language: en (default) or fa")
            .table()
            .personDerived());
    routes.add(
        ApiRoute.get(
                PREFIX + "/root-causes/{problem}/chains",
                "a problem's chains from root causes through mediators, with effects",
                causal::chains)
            .roles(LEADERSHIP, PLANNER, RESEARCHER, ADMIN)
            .returns(CausalGraphController.ChainsResponse.class)
            .table()
            .personDerived());

    QueryService queryService =
        new QueryService(dependencies.smallCellThreshold(), dependencies.limits().maxQueryCells());
    // the protected lattices are built once per run, before the run is served
    dependencies.results().current().ifPresent(queryService::prepare);
    dependencies.results().beforeServing(queryService::prepare);
    QueryController query =
        new QueryController(
            dependencies.results(), queryService, ApiDependencies.MAX_REQUEST_BYTES);
    routes.add(
        ApiRoute.post(
                PREFIX + "/query",
                "a researcher aggregate: a measure broken down by dimensions, small cells and the"
                    + " cells they could be recovered from suppressed",
                query::query)
            .roles(RESEARCHER, PLANNER, LEADERSHIP, ADMIN)
            .accepts(QueryRequest.class)
            .returns(QueryController.QueryResponse.class)
            .table()
            .personDerived()
            .expensive());
    routes.add(
        ApiRoute.get(
                PREFIX + "/query/cubes",
                "the measures POST /query serves, with their dimensions and values",
                query::cubes)
            .roles(RESEARCHER, PLANNER, LEADERSHIP, ADMIN)
            .returns(QueryController.CubesResponse.class));

    routes.add(ApiRoute.get(PREFIX + "/openapi.json", "this OpenAPI document", docs::openapi));
    routes.add(ApiRoute.get(PREFIX + "/docs", "Swagger UI", docs::index).undocumented());
    routes.add(
        ApiRoute.get(PREFIX + "/docs/{file}", "Swagger UI files", docs::asset).undocumented());
    // public: the page holds no data; every call it makes carries the key the user enters
    WebController web = new WebController();
    routes.add(ApiRoute.get("/", "the dashboard", web::index).undocumented());
    routes.add(ApiRoute.get("/web/{file}", "the dashboard's files", web::asset).undocumented());
    routes.add(
        ApiRoute.get(
            "/metrics",
            "Prometheus metrics",
            ctx ->
                ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.scrape())));
    return List.copyOf(routes);
  }
}
