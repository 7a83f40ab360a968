package org.rishe.api.routing;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;
import org.rishe.api.routing.ApiRoute.QueryParameter;

/**
 * What a route does, declared beside the controller that answers it: the handler and everything the
 * OpenAPI document, the audit, the pager and the cap on expensive requests need to know about it.
 * Where it is mounted and who may call it are not here: {@code Routes} says that, one line per
 * route, so the API's surface and its roles read as one table.
 *
 * @param summary what the route answers, for the OpenAPI document
 * @param response the record the route answers with; null for non-JSON
 * @param request the record a POST route reads from its JSON body; null without a body
 * @param query the query parameters it reads (with {@link #table} the pager's too)
 * @param headers the request headers it reads beyond the key (an Idempotency-Key)
 * @param audited whether it serves data derived from people: every call is audited
 * @param tabular whether the response is a paginated table (limit, cursor, CSV on ask)
 * @param documented whether it belongs in the OpenAPI document (the docs pages themselves do not)
 * @param costly whether its work grows with what the request asks for (see {@link #expensive})
 */
public record Endpoint(
    String summary,
    Handler handler,
    Class<?> response,
    Class<?> request,
    List<QueryParameter> query,
    List<QueryParameter> headers,
    boolean audited,
    boolean tabular,
    boolean documented,
    boolean costly) {
  public Endpoint {
    requireNonNull(summary, "summary is null");
    requireNonNull(handler, "handler is null");
    query = List.copyOf(query);
    headers = List.copyOf(headers);
  }

  /** An endpoint answering {@code summary} with {@code handler}; add the rest with the withers. */
  public static Endpoint of(String summary, Handler handler) {
    return new Endpoint(
        summary, handler, null, null, List.of(), List.of(), false, false, true, false);
  }

  public Endpoint returns(Class<?> type) {
    return new Endpoint(
        summary, handler, type, request, query, headers, audited, tabular, documented, costly);
  }

  /** The record a POST route reads from its JSON body (documented as the request body). */
  public Endpoint accepts(Class<?> type) {
    return new Endpoint(
        summary, handler, response, type, query, headers, audited, tabular, documented, costly);
  }

  public Endpoint query(String name, String description) {
    return withQuery(new QueryParameter(name, description));
  }

  /** An optional request header the route reads, for the OpenAPI document. */
  public Endpoint header(String name, String description) {
    List<QueryParameter> more = new ArrayList<>(headers);
    more.add(new QueryParameter(name, description));
    return new Endpoint(
        summary, handler, response, request, query, more, audited, tabular, documented, costly);
  }

  /** Marks the route as serving data derived from people: every call is written to the audit. */
  public Endpoint personDerived() {
    return new Endpoint(
        summary, handler, response, request, query, headers, true, tabular, documented, costly);
  }

  /** Marks the response as a table: paginated with limit and cursor, and served as CSV on ask. */
  public Endpoint table() {
    Endpoint paged = withQuery(QueryParameter.LIMIT).withQuery(QueryParameter.CURSOR);
    return new Endpoint(
        summary,
        handler,
        response,
        request,
        paged.query,
        headers,
        audited,
        true,
        documented,
        costly);
  }

  /** Leaves the route out of the OpenAPI document (the documentation pages themselves). */
  public Endpoint undocumented() {
    return new Endpoint(
        summary, handler, response, request, query, headers, audited, tabular, false, costly);
  }

  /**
   * Marks the route as expensive (its work grows with what the request asks for): it shares the
   * server's cap on such requests answered at once ({@code serve --max-expensive}).
   */
  public Endpoint expensive() {
    return new Endpoint(
        summary, handler, response, request, query, headers, audited, tabular, documented, true);
  }

  private Endpoint withQuery(QueryParameter parameter) {
    List<QueryParameter> more = new ArrayList<>(query);
    more.add(parameter);
    return new Endpoint(
        summary, handler, response, request, more, headers, audited, tabular, documented, costly);
  }
}
