package org.rishe.api.routing;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.rishe.api.auth.Role;

/**
 * One route of the API as declared in {@code Routes}: the single source the server, the
 * authorisation gate, the audit log, the metrics and the OpenAPI document are all built from.
 *
 * @param path the full path; {@code {name}} stands for one path segment
 * @param roles who may call it; empty means public
 * @param response the record the route answers with, for the OpenAPI document; null for non-JSON
 * @param request the record a POST route reads from its JSON body, for the OpenAPI document; null
 *     for a route without a body
 * @param audited whether it serves data derived from people: every call is audited
 * @param tabular whether the response is a paginated table: {@code limit}, {@code cursor} and
 *     {@code Accept: text/csv} apply
 * @param documented whether it belongs in the OpenAPI document (the docs pages themselves do not)
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
    boolean audited,
    boolean tabular,
    boolean documented) {
  private static final Pattern SEGMENT =
      Pattern.compile("[A-Za-z0-9._-]+|\\{[A-Za-z][A-Za-z0-9]*}");

  public ApiRoute {
    requireNonNull(method, "method is null");
    requireNonNull(path, "path is null");
    requireNonNull(handler, "handler is null");
    requireNonNull(summary, "summary is null");
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    query = List.copyOf(query);
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

  /** A public GET route answering {@code summary}; add roles and the rest with the withers. */
  public static ApiRoute get(String path, String summary, Handler handler) {
    return new ApiRoute(
        HandlerType.GET,
        path,
        Set.of(),
        handler,
        null,
        null,
        summary,
        List.of(),
        false,
        false,
        true);
  }

  /** A public POST route answering {@code summary}; name its body with {@link #accepts}. */
  public static ApiRoute post(String path, String summary, Handler handler) {
    return new ApiRoute(
        HandlerType.POST,
        path,
        Set.of(),
        handler,
        null,
        null,
        summary,
        List.of(),
        false,
        false,
        true);
  }

  public ApiRoute roles(Role... allowed) {
    return new ApiRoute(
        method,
        path,
        Set.of(allowed),
        handler,
        response,
        request,
        summary,
        query,
        audited,
        tabular,
        documented);
  }

  public ApiRoute returns(Class<?> type) {
    return new ApiRoute(
        method, path, roles, handler, type, request, summary, query, audited, tabular, documented);
  }

  /** The record a POST route reads from its JSON body (documented as the request body). */
  public ApiRoute accepts(Class<?> type) {
    if (method != HandlerType.POST) {
      throw new IllegalArgumentException("only a POST route reads a body: " + path);
    }
    return new ApiRoute(
        method, path, roles, handler, response, type, summary, query, audited, tabular, documented);
  }

  public ApiRoute query(String name, String description) {
    List<QueryParameter> more = new ArrayList<>(query);
    more.add(new QueryParameter(name, description));
    return new ApiRoute(
        method,
        path,
        roles,
        handler,
        response,
        request,
        summary,
        more,
        audited,
        tabular,
        documented);
  }

  /** Marks the route as serving data derived from people: every call is written to the audit. */
  public ApiRoute personDerived() {
    return new ApiRoute(
        method, path, roles, handler, response, request, summary, query, true, tabular, documented);
  }

  /** Marks the response as a table: paginated with limit and cursor, and served as CSV on ask. */
  public ApiRoute table() {
    ApiRoute route =
        query(QueryParameter.LIMIT.name(), QueryParameter.LIMIT.description())
            .query(QueryParameter.CURSOR.name(), QueryParameter.CURSOR.description());
    return new ApiRoute(
        method,
        path,
        roles,
        handler,
        response,
        request,
        summary,
        route.query,
        audited,
        true,
        documented);
  }

  /** Leaves the route out of the OpenAPI document (the documentation pages themselves). */
  public ApiRoute undocumented() {
    return new ApiRoute(
        method, path, roles, handler, response, request, summary, query, audited, tabular, false);
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
