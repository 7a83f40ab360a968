package org.rishe.api.limits;

import io.javalin.http.Context;

/**
 * Which client a request comes from, for limits kept per address. Javalin's {@code ctx.ip()} reads
 * {@code X-Forwarded-For} whenever it is present, and any client can send that header: a limit
 * keyed by it could be dodged by sending a new value each time. So the socket's address is used,
 * unless a reverse proxy is the only way in ({@code serve --behind-proxy}); then every socket is
 * the proxy's and the client is the first address of the {@code X-Forwarded-For} the proxy sets.
 */
public final class ClientAddress {
  /** Longer than any IPv6 address with a zone: a longer value is cut, so a key stays small. */
  static final int MAX_LENGTH = 64;

  private ClientAddress() {}

  public static String of(Context ctx, boolean behindProxy) {
    if (behindProxy) {
      String forwarded = ctx.header("X-Forwarded-For");
      if (forwarded != null) {
        String first = forwarded.split(",", 2)[0].trim();
        if (!first.isEmpty()) {
          return first.length() <= MAX_LENGTH ? first : first.substring(0, MAX_LENGTH);
        }
      }
    }
    return ctx.req().getRemoteAddr();
  }
}
