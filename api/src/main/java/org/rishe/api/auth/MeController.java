package org.rishe.api.auth;

import io.javalin.http.Context;
import org.rishe.api.routing.Endpoint;

/**
 * {@code GET /me}: the role of the key that calls it, so that the dashboard shows only the views
 * that role may use. Nothing else about the key: no id, no donor, no dates.
 */
public final class MeController {
  public final Endpoint me =
      Endpoint.of("the role of the calling key", this::me).returns(MeResponse.class);

  /** The caller's role, as {@link Role#code()}. */
  public record MeResponse(String role) {}

  private void me(Context ctx) {
    ctx.json(new MeResponse(Authorizer.key(ctx).role().code()));
  }
}
