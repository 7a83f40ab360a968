package org.rishe.api.auth;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
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

  public void check(Context ctx) {
    Set<RouteRole> allowed = ctx.routeRoles();
    if (allowed.isEmpty()) {
      return;
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
    if (!allowed.contains(key.role())) {
      throw ApiProblem.forbidden("a " + key.role().code() + " key may not call this route");
    }
    ctx.attribute(KEY_ATTRIBUTE, key);
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
