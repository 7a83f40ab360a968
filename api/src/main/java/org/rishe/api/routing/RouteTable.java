package org.rishe.api.routing;

import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rishe.api.auth.Role;

/**
 * Finds the declared route a canonical path belongs to, whatever the method, so that the gate can
 * demand a key before Javalin answers anything (405 for a wrong method, HEAD, OPTIONS) and so that
 * the authorisation does not depend on Javalin's own matcher.
 */
public final class RouteTable {
  private final List<ApiRoute> routes;

  public RouteTable(List<ApiRoute> routes) {
    this.routes = List.copyOf(routes);
  }

  public List<ApiRoute> routes() {
    return routes;
  }

  /** What a request path matched: the routes at that path and the values of its parameters. */
  public record Match(List<ApiRoute> routes, Map<String, String> pathParameters) {
    public Match {
      routes = List.copyOf(routes);
      pathParameters = Map.copyOf(pathParameters);
    }

    /** The route for the method; HEAD is answered by GET, as Javalin does. */
    public Optional<ApiRoute> forMethod(HandlerType method) {
      HandlerType wanted = method == HandlerType.HEAD ? HandlerType.GET : method;
      return routes.stream().filter(r -> r.method().equals(wanted)).findFirst();
    }

    /**
     * Who may call the method: the route's roles, or for a method no route at the path has, every
     * role of the path, so that even a 405 is only told to a caller with a key.
     */
    public Set<Role> allowedRoles(HandlerType method) {
      Optional<ApiRoute> route = forMethod(method);
      if (route.isPresent()) {
        return route.get().roles();
      }
      if (routes.stream().anyMatch(ApiRoute::isPublic)) {
        return Set.of();
      }
      Set<Role> roles = EnumSet.noneOf(Role.class);
      routes.forEach(r -> roles.addAll(r.roles()));
      return roles;
    }
  }

  /** The routes whose template a canonical path fits; empty when none does. */
  public Optional<Match> match(String path) {
    if (!path.startsWith("/")) {
      return Optional.empty();
    }
    String[] segments = path.substring(1).split("/", -1);
    List<ApiRoute> found = new ArrayList<>();
    Map<String, String> parameters = new LinkedHashMap<>();
    for (ApiRoute route : routes) {
      Map<String, String> values = fit(route.segments(), segments);
      if (values != null) {
        found.add(route);
        if (parameters.isEmpty()) {
          parameters.putAll(values);
        }
      }
    }
    return found.isEmpty() ? Optional.empty() : Optional.of(new Match(found, parameters));
  }

  private static Map<String, String> fit(List<String> template, String[] segments) {
    if (template.size() != segments.length) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < segments.length; i++) {
      String expected = template.get(i);
      if (expected.startsWith("{")) {
        if (segments[i].isEmpty()) {
          return null;
        }
        values.put(expected.substring(1, expected.length() - 1), segments[i]);
      } else if (!expected.equals(segments[i])) {
        return null;
      }
    }
    return values;
  }
}
