package org.rishe.api.routing;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rishe.api.auth.ApiKey;
import org.rishe.api.auth.Authorizer;
import org.rishe.api.auth.Role;
import org.rishe.api.error.ApiProblem;
import org.rishe.api.limits.RateLimiter;
import org.rishe.api.limits.RefusedKeyLimiter;

/**
 * Runs before routing, for every request whatever its method: refuses non-canonical paths, bodies
 * over the cap, and any request to a protected path (HEAD, OPTIONS and methods the path does not
 * have included) without a key of an allowed role, charging each refusal for a missing or wrong key
 * to the client address's allowance; then charges the key's rate limit. It matches paths against
 * the route registry itself, so no quirk of Javalin's matcher can skip it.
 */
public final class RequestGate {
  private static final String MATCH_ATTRIBUTE = "rishe.routeMatch";

  private final RouteTable table;
  private final Authorizer authorizer;
  private final RateLimiter rateLimiter;
  private final RefusedKeyLimiter refusedKeys;
  private final long maxBodyBytes;

  public RequestGate(
      RouteTable table,
      Authorizer authorizer,
      RateLimiter rateLimiter,
      RefusedKeyLimiter refusedKeys,
      long maxBodyBytes) {
    this.table = requireNonNull(table, "table is null");
    this.authorizer = requireNonNull(authorizer, "authorizer is null");
    this.rateLimiter = requireNonNull(rateLimiter, "rateLimiter is null");
    this.refusedKeys = requireNonNull(refusedKeys, "refusedKeys is null");
    this.maxBodyBytes = maxBodyBytes;
  }

  public void check(Context ctx) {
    String rawPath = ctx.req().getRequestURI();
    Optional<String> problem = CanonicalPath.problem(rawPath);
    if (problem.isPresent()) {
      throw ApiProblem.badRequest(
          problem.get() + "; send the canonical path, e.g. /api/v1/problems");
    }
    Optional<String> query = CanonicalPath.queryProblem(ctx.req().getQueryString());
    if (query.isPresent()) {
      throw ApiProblem.badRequest(query.get());
    }
    if (ctx.req().getContentLengthLong() > maxBodyBytes) {
      throw ApiProblem.contentTooLarge(maxBodyBytes);
    }
    Optional<RouteTable.Match> match = table.match(CanonicalPath.decode(rawPath));
    if (match.isEmpty()) {
      return;
    }
    ctx.attribute(MATCH_ATTRIBUTE, match.get());
    HandlerType method = ctx.method();
    Set<Role> allowed = match.get().allowedRoles(method);
    if (allowed.isEmpty()) {
      return;
    }
    ApiKey key;
    try {
      key = authorizer.authorize(ctx, allowed);
    } catch (ApiProblem refused) {
      if (refused.status() == 401) {
        // a 429 instead once the client address has used its allowance of refusals
        refusedKeys.charge(ctx);
      }
      throw refused;
    }
    rateLimiter.acquire(key.id());
  }

  /** The registry route the request was matched to by the gate, if any. */
  public static Optional<ApiRoute> route(Context ctx) {
    RouteTable.Match match = ctx.attribute(MATCH_ATTRIBUTE);
    return match == null ? Optional.empty() : match.forMethod(ctx.method());
  }

  /** The path parameters the gate read, by name. */
  public static Map<String, String> pathParameters(Context ctx) {
    RouteTable.Match match = ctx.attribute(MATCH_ATTRIBUTE);
    return match == null ? Map.of() : match.pathParameters();
  }
}
