package org.rishe.api.routing;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.rishe.api.auth.Role;

/**
 * One route of the API as declared in {@code Routes} (its path and roles there, the rest in the
 * controller's {@link Endpoint}): the single source the server, the authorisation gate, the audit
 * log, the metrics and the OpenAPI document are all built from.
 *
 * @param path the full path; {@code {name}} stands for one path segment
 * @param roles who may call it; empty means public
 * @param response the record the route answers with, for the OpenAPI document; null for non-JSON
 * @param request the record a POST route reads from its JSON body, for the OpenAPI document; null
 *     for a route without a body
 * @param headers the request headers it reads beyond the key (an Idempotency-Key), for the OpenAPI
 *     document; each a {@link QueryParameter} by name and description
 * @param audited whether it serves data derived from people: every call is audited
 * @param tabular whether the response is a paginated table: {@code limit}, {@code cursor} and
 *     {@code Accept: text/csv} apply
 * @param documented whether it belongs in the OpenAPI document (the docs pages themselves do not)
 * @param costly whether answering it can take much memory or time (declared with {@link
 *     #expensive}): such routes share a small pool of turns, and a request that gets none in time
 *     is answered 503
 */
public record ApiRoute(
    HandlerType method,
    String path,
    Set<Role> roles,
    Handler handler,
    Class<?> response,
    Class<?> request,
    String summary,
    List<QueryParameter> query,
    List<QueryParameter> headers,
    boolean audited,
    boolean tabular,
    boolean documented,
    boolean costly) {
  private static final Pattern SEGMENT =
      Pattern.compile("[A-Za-z0-9._-]+|\\{[A-Za-z][A-Za-z0-9]*}");

  public ApiRoute {
    requireNonNull(method, "method is null");
    requireNonNull(path, "path is null");
    requireNonNull(handler, "handler is null");
    requireNonNull(summary, "summary is null");
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    query = List.copyOf(query);
    headers = List.copyOf(headers);
    if (request != null && method != HandlerType.POST) {
      throw new IllegalArgumentException("only a POST route reads a body: " + path);
    }
    if (!path.startsWith("/") || (path.endsWith("/") && path.length() > 1)) {
      throw new IllegalArgumentException(
          "a route path starts and does not end with '/' (only the root is '/'): " + path);
    }
    // Only plain segments and one-segment parameters: the gate's matcher must agree with Javalin's
    for (String segment : path.equals("/") ? new String[0] : path.substring(1).split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches()) {
        throw new IllegalArgumentException(
            "route " + path + " has segment '" + segment + "'; use letters, digits or {name}");
      }
    }
  }

  /** A route at {@code path} doing what {@code endpoint} declares; public without roles. */
  public static ApiRoute at(HandlerType method, String path, Endpoint endpoint, Role... roles) {
    return new ApiRoute(
        method,
        path,
        Set.of(roles),
        endpoint.handler(),
        endpoint.response(),
        endpoint.request(),
        endpoint.summary(),
        endpoint.query(),
        endpoint.headers(),
        endpoint.audited(),
        endpoint.tabular(),
        endpoint.documented(),
        endpoint.costly());
  }

  /** A public GET route answering {@code summary}; add roles with {@link #roles}. */
  public static ApiRoute get(String path, String summary, Handler handler) {
    return at(HandlerType.GET, path, Endpoint.of(summary, handler));
  }

  /** A public POST route answering {@code summary}. */
  public static ApiRoute post(String path, String summary, Handler handler) {
    return at(HandlerType.POST, path, Endpoint.of(summary, handler));
  }

  public ApiRoute roles(Role... allowed) {
    return at(method, path, endpoint(), allowed);
  }

  /** Leaves the route out of the OpenAPI document (the documentation pages themselves). */
  public ApiRoute undocumented() {
    return with(endpoint().undocumented());
  }

  /** Marks the route as expensive; see {@link Endpoint#expensive}. */
  public ApiRoute expensive() {
    return with(endpoint().expensive());
  }

  /** What the route does, without where it is mounted and who may call it. */
  public Endpoint endpoint() {
    return new Endpoint(
        summary, handler, response, request, query, headers, audited, tabular, documented, costly);
  }

  /** The same path and roles doing what {@code endpoint} declares. */
  private ApiRoute with(Endpoint endpoint) {
    return at(method, path, endpoint, roles.toArray(Role[]::new));
  }

  public boolean isPublic() {
    return roles.isEmpty();
  }

  /** The path's segments, without the leading slash. */
  public List<String> segments() {
    return List.of(path.substring(1).split("/", -1));
  }

  /** A query parameter a route reads, for the OpenAPI document. */
  public record QueryParameter(String name, String description) {
    public static final QueryParameter LIMIT =
        new QueryParameter("limit", "rows per page, 1 to 1000 (default 100)");
    public static final QueryParameter CURSOR =
        new QueryParameter("cursor", "the nextCursor of the previous page; omit for the first");

    public QueryParameter {
      requireNonNull(name, "name is null");
      requireNonNull(description, "description is null");
    }
  }
}
