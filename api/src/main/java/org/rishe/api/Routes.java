package org.rishe.api;

import static org.rishe.api.auth.Role.ADMIN;
import static org.rishe.api.auth.Role.LEADERSHIP;
import static org.rishe.api.auth.Role.PLANNER;
import static org.rishe.api.auth.Role.RESEARCHER;

import io.javalin.config.RoutesConfig;
import org.rishe.api.health.HealthController;
import org.rishe.api.problems.ProblemsController;
import org.rishe.api.programs.ProgramsController;

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
    ProgramsController programs = new ProgramsController(dependencies.results());
    routes.get(PREFIX + "/programs", programs::list, LEADERSHIP, PLANNER, RESEARCHER, ADMIN);
    routes.get(
        PREFIX + "/programs/{id}/impact", programs::impact, LEADERSHIP, PLANNER, RESEARCHER, ADMIN);
  }
}
