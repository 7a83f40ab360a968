package org.rishe.api.auth;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Optional;
import java.util.Set;
import org.rishe.api.error.ApiProblem;

/**
 * Runs before every matched route: a route declared without roles is public; any other needs a
 * valid bearer key whose role the route lists. The key is left on the request for the handler.
 */
public final class Authorizer {
  private static final String KEY_ATTRIBUTE = "rishe.apiKey";

  private final ApiKeyStore keys;

  public Authorizer(ApiKeyStore keys) {
    this.keys = requireNonNull(keys, "keys is null");
  }

  /** Second line of defence after the gate: the roles Javalin itself matched the request to. */
  public void check(Context ctx) {
    Set<RouteRole> allowed = ctx.routeRoles();
    if (!allowed.isEmpty()) {
      authorize(ctx, allowed);
    }
  }

  /** Demands a valid key whose role is one of {@code allowed}; leaves the key on the request. */
  public ApiKey authorize(Context ctx, Set<? extends RouteRole> allowed) {
    ApiKey existing = ctx.attribute(KEY_ATTRIBUTE);
    if (existing != null && allowed.contains(existing.role())) {
      return existing;
    }
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw ApiProblem.unauthorized(
          "this route needs a key: send 'Authorization: Bearer <key>'; an admin creates keys with `rishe keys create --role ROLE`");
    }
    ApiKey key =
        keys.authenticate(header.substring(7).trim())
            .orElseThrow(
                () -> ApiProblem.unauthorized("the key is not valid; ask an admin for a new one"));
    // set before the role check so that the audit log names the key that was refused
    ctx.attribute(KEY_ATTRIBUTE, key);
    if (!allowed.contains(key.role())) {
      throw ApiProblem.forbidden("a " + key.role().code() + " key may not call this route");
    }
    return key;
  }

  /** The key presented with the request, if it was checked. */
  public static Optional<ApiKey> presentedKey(Context ctx) {
    return Optional.ofNullable(ctx.attribute(KEY_ATTRIBUTE));
  }

  /** The key that authorised the request; only on routes that need one. */
  public static ApiKey key(Context ctx) {
    ApiKey key = ctx.attribute(KEY_ATTRIBUTE);
    if (key == null) {
      throw new IllegalStateException(
          "no API key on a request to " + ctx.path() + "; is the route declared with roles?");
    }
    return key;
  }
}
