package org.rishe.api.audit;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.Optional;
import org.rishe.api.auth.ApiKey;
import org.rishe.api.auth.Authorizer;
import org.rishe.api.routing.ApiRoute;
import org.rishe.api.routing.RequestGate;

/**
 * Writes an audit entry at the end of every request to a route flagged person-derived that
 * presented a key, whatever the outcome: a refused read is worth knowing about too. It runs before
 * the response is sent, so a read that cannot be audited fails instead of being served.
 */
public final class Auditor {
  /** A handler puts the request body it read here (as JSON text) to have it audited. */
  public static final String REQUEST_ATTRIBUTE = "rishe.auditedRequest";

  private final AuditLog log;
  private final Clock clock;

  public Auditor(AuditLog log, Clock clock) {
    this.log = requireNonNull(log, "log is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  public void record(Context ctx) {
    Optional<ApiRoute> route = RequestGate.route(ctx);
    Optional<ApiKey> key = Authorizer.presentedKey(ctx);
    if (route.isEmpty() || !route.get().audited() || key.isEmpty()) {
      return;
    }
    log.append(
        new AuditLog.Entry(
            clock.instant().toString(),
            key.get().id(),
            key.get().role().code(),
            ctx.method().name(),
            route.get().path(),
            RequestGate.pathParameters(ctx),
            ctx.queryParamMap(),
            ctx.statusCode(),
            ctx.attribute(REQUEST_ATTRIBUTE)));
  }
}
