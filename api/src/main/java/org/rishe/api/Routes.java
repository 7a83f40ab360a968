package org.rishe.api;

import static org.rishe.api.auth.Role.ADMIN;
import static org.rishe.api.auth.Role.DONOR;
import static org.rishe.api.auth.Role.LEADERSHIP;
import static org.rishe.api.auth.Role.PLANNER;
import static org.rishe.api.auth.Role.RESEARCHER;

import io.javalin.config.RoutesConfig;
import org.rishe.api.dashboard.DashboardController;
import org.rishe.api.donations.JourneyController;
import org.rishe.api.health.HealthController;
import org.rishe.api.hotspots.HotspotsController;
import org.rishe.api.problems.ProblemsController;
import org.rishe.api.volunteers.MatchesController;

/**
 * Every route of the API and the roles that may call it, in one place. A route listed without roles
 * is public.
 */
final class Routes {
  static final String PREFIX = "/api/v1";

  private Routes() {}

  static void register(RoutesConfig routes, ApiDependencies dependencies) {
    HealthController health = new HealthController(dependencies.results());
    ProblemsController problems =
        new ProblemsController(dependencies.results(), dependencies.smallCellThreshold());

    routes.get(PREFIX + "/health", health::health);
    routes.get(PREFIX + "/problems", problems::list, LEADERSHIP, PLANNER, RESEARCHER, ADMIN);

    DashboardController dashboard = new DashboardController(dependencies.results());
    HotspotsController hotspots = new HotspotsController(dependencies.results());
    JourneyController journeys = new JourneyController(dependencies.results());
    MatchesController matches = new MatchesController(dependencies.results());
    routes.get(PREFIX + "/dashboard/summary", dashboard::summary, LEADERSHIP, PLANNER, ADMIN);
    routes.get(PREFIX + "/dashboard/trends", dashboard::trends, LEADERSHIP, PLANNER, ADMIN);
    routes.get(PREFIX + "/hotspots", hotspots::list, LEADERSHIP, PLANNER, RESEARCHER, ADMIN);
    routes.get(PREFIX + "/donations/{id}/journey", journeys::journey, DONOR, LEADERSHIP, ADMIN);
    routes.get(PREFIX + "/volunteers/{id}/matches", matches::matches, LEADERSHIP, PLANNER, ADMIN);
  }
}
