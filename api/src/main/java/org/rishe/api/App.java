package org.rishe.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import org.rishe.api.auth.Authorizer;
import org.rishe.api.error.ProblemResponses;

/** Builds the API server from its dependencies; {@link ServeCommand} starts it. */
public final class App {
  private App() {}

  public static Javalin create(ApiDependencies dependencies) {
    ObjectMapper json = new ObjectMapper();
    Authorizer authorizer = new Authorizer(dependencies.keys());
    return Javalin.create(
        config -> {
          config.jsonMapper(new JavalinJackson(json, false));
          config.http.maxRequestSize = 64 * 1024L;
          config.startup.showJavalinBanner = false;
          config.routes.beforeMatched(authorizer::check);
          new ProblemResponses(json).register(config.routes);
          Routes.register(config.routes, dependencies);
        });
  }
}
