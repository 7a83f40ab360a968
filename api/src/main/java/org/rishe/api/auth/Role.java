package org.rishe.api.auth;

import io.javalin.security.RouteRole;
import java.util.Locale;
import java.util.Optional;

/** Who a key belongs to; each route declares the roles that may call it. */
public enum Role implements RouteRole {
  LEADERSHIP,
  PLANNER,
  RESEARCHER,
  DONOR,
  VOLUNTEER,
  ADMIN;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> parse(String text) {
    for (Role role : values()) {
      if (role.code().equals(text == null ? "" : text.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
