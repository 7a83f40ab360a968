package org.rishe.api.routing;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
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
    return new Draft(HandlerType.GET, path, summary, handler).build();
  }

  /** A public POST route answering {@code summary}; name its body with {@link #accepts}. */
  public static ApiRoute post(String path, String summary, Handler handler) {
    return new Draft(HandlerType.POST, path, summary, handler).build();
  }

  public ApiRoute roles(Role... allowed) {
    return with(draft -> draft.roles = Set.of(allowed));
  }

  public ApiRoute returns(Class<?> type) {
    return with(draft -> draft.response = type);
  }

  /** The record a POST route reads from its JSON body (documented as the request body). */
  public ApiRoute accepts(Class<?> type) {
    if (method != HandlerType.POST) {
      throw new IllegalArgumentException("only a POST route reads a body: " + path);
    }
    return with(draft -> draft.request = type);
  }

  public ApiRoute query(String name, String description) {
    return with(draft -> draft.query.add(new QueryParameter(name, description)));
  }

  /** An optional request header the route reads, for the OpenAPI document. */
  public ApiRoute header(String name, String description) {
    return with(draft -> draft.headers.add(new QueryParameter(name, description)));
  }

  /** Marks the route as serving data derived from people: every call is written to the audit. */
  public ApiRoute personDerived() {
    return with(draft -> draft.audited = true);
  }

  /** Marks the response as a table: paginated with limit and cursor, and served as CSV on ask. */
  public ApiRoute table() {
    return with(
        draft -> {
          draft.query.add(QueryParameter.LIMIT);
          draft.query.add(QueryParameter.CURSOR);
          draft.tabular = true;
        });
  }

  /** Leaves the route out of the OpenAPI document (the documentation pages themselves). */
  public ApiRoute undocumented() {
    return with(draft -> draft.documented = false);
  }

  /**
   * Marks the route as expensive (its work grows with what the request asks for): it shares the
   * server's cap on such requests answered at once ({@code serve --max-expensive}).
   */
  public ApiRoute expensive() {
    return with(draft -> draft.costly = true);
  }

  /** A copy of this route with {@code change} made to it. */
  private ApiRoute with(Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return draft.build();
  }

  /** The components of a route being declared, changed one at a time by the withers. */
  private static final class Draft {
    private final HandlerType method;
    private final String path;
    private final Handler handler;
    private final String summary;
    private Set<Role> roles = Set.of();
    private Class<?> response;
    private Class<?> request;
    private final List<QueryParameter> query = new ArrayList<>();
    private final List<QueryParameter> headers = new ArrayList<>();
    private boolean audited;
    private boolean tabular;
    private boolean documented = true;
    private boolean costly;

    Draft(HandlerType method, String path, String summary, Handler handler) {
      this.method = method;
      this.path = path;
      this.summary = summary;
      this.handler = handler;
    }

    Draft(ApiRoute route) {
      this(route.method, route.path, route.summary, route.handler);
      roles = route.roles;
      response = route.response;
      request = route.request;
      query.addAll(route.query);
      headers.addAll(route.headers);
      audited = route.audited;
      tabular = route.tabular;
      documented = route.documented;
      costly = route.costly;
    }

    ApiRoute build() {
      return new ApiRoute(
          method,
          path,
          roles,
          handler,
          response,
          request,
          summary,
          query,
          headers,
          audited,
          tabular,
          documented,
          costly);
    }
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
