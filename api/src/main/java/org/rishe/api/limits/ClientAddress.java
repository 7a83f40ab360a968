package org.rishe.api.limits;

import io.javalin.http.Context;

/**
 * Which client a request comes from, for limits kept per address. Javalin's {@code ctx.ip()} reads
 * {@code X-Forwarded-For} whenever it is present, and any client can send that header: a limit
 * keyed by it could be dodged by sending a new value each time. So the socket's address is used,
 * unless a reverse proxy is the only way in ({@code serve --behind-proxy}); then every socket is
 * the proxy's and the client is the <em>last</em> address of {@code X-Forwarded-For}: the one the
 * proxy itself added. Addresses before it came from the client, which can write anything there
 * (nginx's usual {@code $proxy_add_x_forwarded_for} appends to what the client sent).
 */
public final class ClientAddress {
  /** Longer than any IPv6 address with a zone: a longer value is cut, so a key stays small. */
  static final int MAX_LENGTH = 64;

  private ClientAddress() {}

  public static String of(Context ctx, boolean behindProxy) {
    if (behindProxy) {
      String forwarded = ctx.header("X-Forwarded-For");
      if (forwarded != null) {
        String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).trim();
        if (!last.isEmpty()) {
          return last.length() <= MAX_LENGTH ? last : last.substring(0, MAX_LENGTH);
        }
      }
    }
    return ctx.req().getRemoteAddr();
  }
}
