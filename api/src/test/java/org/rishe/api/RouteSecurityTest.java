package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.rishe.api.auth.Role;
import org.rishe.api.routing.ApiRoute;

/**
 * Walks every route of the registry with every method and role, on the canonical path and on every
 * alias of it that some server or proxy reads as the same path, and proves the route is never
 * answered without the right key.
 */
class RouteSecurityTest extends OneServerPerClass {
  private static final List<String> METHODS =
      List.of("GET", "POST", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH");

  /** A POST carries a JSON body, so that a route reading one gets as far as it can. */
  private static RawHttp.Response send(String method, String target, Role role) {
    Map<String, String> headers = role == null ? Map.of() : server.bearer(role);
    byte[] body =
        method.equals("POST")
            ? "{\"measure\":\"cases\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)
            : new byte[0];
    return RawHttp.send(server.port(), method, target, headers, body);
  }

  /** Every spelling of the path that is not the canonical one. */
  static List<String> aliases(String path) {
    if (path.equals("/")) {
      // the root has no leaf to escape or upper-case; these are its other spellings
      return List.of("//", "/.", "/./", "/x/..", "/%2e", "/;x=1", "/%00", "/%25", "/\\");
    }
    int last = path.lastIndexOf('/');
    String parent = path.substring(0, last);
    String leaf = path.substring(last + 1);
    List<String> aliases = new ArrayList<>();
    aliases.add("/" + path);
    aliases.add(parent + "/./" + leaf);
    aliases.add(parent + "//" + leaf);
    aliases.add(parent + "/x/../" + leaf);
    aliases.add(parent + "/%2e/" + leaf);
    aliases.add(parent + "/x/%2e%2e/" + leaf);
    aliases.add(parent + "/x/%2E%2E/" + leaf);
    aliases.add(parent + "%2F" + leaf);
    aliases.add(parent + "%2f" + leaf);
    aliases.add(parent + "%5C" + leaf);
    aliases.add(parent + "\\" + leaf);
    aliases.add(path + "/");
    aliases.add(path + ".");
    aliases.add(path + "%2e");
    aliases.add(path + ";x=1");
    aliases.add(parent + "/;x=1/" + leaf);
    aliases.add(path + "%00");
    aliases.add(path + "%25");
    aliases.add(parent + "/%25" + "70" + leaf.substring(1));
    aliases.add(path.toUpperCase(java.util.Locale.ROOT));
    // an escaped ordinary letter decodes to the very route: the gate must still see it
    aliases.add(parent + "/%" + Integer.toHexString(leaf.charAt(0)) + leaf.substring(1));
    aliases.add("http://127.0.0.1" + parent + "/./" + leaf);
    return aliases;
  }

  @Test
  void everyProtectedRouteAnswers401WithoutAKeyAnd403ForAWrongRoleForEveryMethod() {
    SoftAssertions softly = new SoftAssertions();
    int checked = 0;
    for (ApiRoute route : server.routes()) {
      if (route.isPublic()) {
        continue;
      }
      String path = TestServer.samplePath(route);
      for (String method : METHODS) {
        RawHttp.Response anonymous = send(method, path, null);
        softly.assertThat(anonymous.status()).as("%s %s without key", method, path).isEqualTo(401);
        softly.assertThat(anonymous.isProblemJson()).as("%s %s 401 type", method, path).isTrue();
        for (Role role : Role.values()) {
          RawHttp.Response response = send(method, path, role);
          if (route.roles().contains(role)) {
            softly
                .assertThat(response.status())
                .as("%s %s as %s", method, path, role)
                .isNotIn(401, 403)
                .isLessThan(500);
          } else {
            softly
                .assertThat(response.status())
                .as("%s %s as %s", method, path, role)
                .isEqualTo(403);
          }
          checked++;
        }
      }
    }
    softly.assertAll();
    assertThat(checked).isGreaterThan(0);
  }

  @Test
  void theAllowedRoleGetsTheCanonicalGetRouteAnswered() {
    for (ApiRoute route : server.routes()) {
      if (route.isPublic() || !route.method().name().equals("GET")) {
        continue;
      }
      Role allowed = route.roles().iterator().next();
      RawHttp.Response response = send("GET", TestServer.samplePath(route), allowed);
      assertThat(response.status()).as(route.path()).isBetween(200, 499).isNotIn(401, 403);
    }
  }

  @Test
  void theAllowedRolesGetEveryPostRouteAnsweredAndTheBodyIsRead() {
    int checked = 0;
    for (ApiRoute route : server.routes()) {
      if (!route.method().name().equals("POST")) {
        continue;
      }
      for (Role role : route.roles()) {
        RawHttp.Response response = send("POST", TestServer.samplePath(route), role);
        if (route.path().contains("{")) {
          // "sample" names nothing: the route looked for it and says so
          assertThat(response.status()).as("%s as %s", route.path(), role).isEqualTo(404);
          assertThat(response.isProblemJson()).as("%s as %s", route.path(), role).isTrue();
        } else {
          assertThat(response.status()).as("%s as %s", route.path(), role).isEqualTo(200);
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(4);
  }

  @Test
  void noAliasOfAnyRouteIsEverAnsweredWithSuccessWithoutTheRightKey() {
    SoftAssertions softly = new SoftAssertions();
    int checked = 0;
    for (ApiRoute route : server.routes()) {
      for (String alias : aliases(TestServer.samplePath(route))) {
        for (String method : METHODS) {
          RawHttp.Response anonymous = send(method, alias, null);
          if (!route.isPublic()) {
            softly
                .assertThat(anonymous.status())
                .as("%s %s without key", method, alias)
                .isGreaterThanOrEqualTo(400)
                .isLessThan(500);
          }
          softly
              .assertThat(anonymous.status())
              .as("%s %s is not 5xx", method, alias)
              .isLessThan(500);
          if (!method.equals("HEAD")) {
            softly.assertThat(anonymous.isProblemJson()).as("%s %s type", method, alias).isTrue();
          }
          for (Role role : Role.values()) {
            if (route.isPublic() || route.roles().contains(role)) {
              continue;
            }
            softly
                .assertThat(send(method, alias, role).status())
                .as("%s %s as %s", method, alias, role)
                .isGreaterThanOrEqualTo(400)
                .isLessThan(500);
          }
          checked++;
        }
      }
    }
    softly.assertAll();
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void aliasedPathsAreRefusedAsBadRequestsEvenWithAnAdminKey() {
    RawHttp.Response dotSegment = send("GET", "/api/v1/./problems", Role.ADMIN);
    RawHttp.Response encodedSlash = send("GET", "/api%2Fv1/problems", Role.ADMIN);
    RawHttp.Response doubleSlash = send("GET", "//api/v1/problems", Role.ADMIN);

    assertThat(List.of(dotSegment.status(), encodedSlash.status(), doubleSlash.status()))
        .allMatch(status -> status == 400 || status == 404);
    assertThat(doubleSlash.isProblemJson()).isTrue();
    assertThat(doubleSlash.body()).doesNotContain("Exception").doesNotContain("<html");
  }

  @Test
  void aQueryStringWithABrokenEscapeIsABadRequestNotAnIgnoredParameter() {
    // the container drops lang=%ZZ: the answer would be English, as if nothing had been asked
    RawHttp.Response broken = send("GET", "/api/v1/problems?lang=%ZZ", Role.PLANNER);
    RawHttp.Response cut = send("GET", "/api/v1/problems?lang=fa%", Role.PLANNER);
    RawHttp.Response escaped = send("GET", "/api/v1/problems?lang=%66a", Role.PLANNER);

    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.isProblemJson()).isTrue();
    assertThat(broken.body()).contains("not followed by two hex digits");
    assertThat(cut.status()).isEqualTo(400);
    assertThat(escaped.status()).isNotEqualTo(400);
  }
}
