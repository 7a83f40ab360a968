package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.api.auth.Role;
import org.rishe.api.routing.ApiRoute;

/**
 * Sends random and hostile path and query values and headers to every registered route, with an
 * admin key and with the route's own role, and demands that nothing is a 5xx and every error is
 * problem+json. Seeded, so a failure can be replayed.
 */
class FuzzTest {
  private static final int REQUESTS_PER_ROUTE_AND_KEY = 60;
  private static final List<String> HOSTILE =
      List.of(
          "",
          "'",
          "\"",
          "' OR 1=1 --",
          "../../etc/passwd",
          "..%2F..%2F",
          "\u0000",
          "%00",
          "🙂ر\u200f",
          "x".repeat(3000),
          "-1",
          "0",
          "2147483648",
          "99999999999999999999999",
          "1e309",
          "NaN",
          "<script>alert(1)</script>",
          "${jndi:ldap://x}",
          "!!!",
          base64("other-run|1"),
          base64("run-1|-5"),
          base64("run-1|99999"),
          base64("run-1|abc"),
          base64("no separator"));
  private static final List<String> RAW_QUERIES =
      List.of("limit=%ZZ", "cursor=%", "lang=%00", "%=1", "&&&", "limit", "a=%C3%28");
  private static final List<String> ACCEPTS =
      List.of(
          "application/json",
          "text/csv",
          "text/csv;q=0.1, application/json",
          "*/*",
          "application/xml",
          "garbage;;;==",
          "");

  @TempDir static Path warehouse;
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.unlimited(warehouse);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String base64(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String randomValue(Random random) {
    if (random.nextInt(4) == 0) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        text.appendCodePoint(random.nextInt(0x3000) + 1);
      }
      return text.toString();
    }
    return HOSTILE.get(random.nextInt(HOSTILE.size()));
  }

  private static String target(ApiRoute route, Random random) {
    StringBuilder path = new StringBuilder();
    for (String segment : route.segments()) {
      String value = segment.startsWith("{") ? encode(randomValue(random)) : segment;
      path.append('/').append(value.isEmpty() ? "x" : value);
    }
    List<String> names = new ArrayList<>();
    route.query().forEach(q -> names.add(q.name()));
    names.add("unknown");
    List<String> pairs = new ArrayList<>();
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      pairs.add(
          encode(names.get(random.nextInt(names.size()))) + "=" + encode(randomValue(random)));
    }
    if (random.nextInt(5) == 0) {
      pairs.add(RAW_QUERIES.get(random.nextInt(RAW_QUERIES.size())));
    }
    return pairs.isEmpty() ? path.toString() : path + "?" + String.join("&", pairs);
  }

  @Test
  void hostileValuesOnEveryRouteNeverGiveA5xxAndEveryErrorIsProblemJson() {
    Random random = new Random(20261129L);
    SoftAssertions softly = new SoftAssertions();
    int sent = 0;
    for (ApiRoute route : server.routes()) {
      List<Role> roles = new ArrayList<>(List.of(Role.ADMIN));
      route.roles().stream().filter(r -> r != Role.ADMIN).findFirst().ifPresent(roles::add);
      for (Role role : roles) {
        for (int i = 0; i < REQUESTS_PER_ROUTE_AND_KEY; i++) {
          String target = target(route, random);
          Map<String, String> headers = new LinkedHashMap<>();
          headers.put("Authorization", "Bearer " + server.keys.get(role));
          String accept = ACCEPTS.get(random.nextInt(ACCEPTS.size()));
          if (!accept.isEmpty()) {
            headers.put("Accept", accept);
          }
          RawHttp.Response response =
              RawHttp.send(server.port(), route.method().name(), target, headers);
          softly.assertThat(response.status()).as("%s as %s", target, role).isLessThan(500);
          if (response.status() >= 400) {
            softly.assertThat(response.isProblemJson()).as("%s type", target).isTrue();
            softly.assertThat(response.body()).as("%s body", target).doesNotContain("\tat ");
          }
          sent++;
        }
      }
    }
    softly.assertAll();
    assertThat(sent).isGreaterThanOrEqualTo(REQUESTS_PER_ROUTE_AND_KEY * server.routes().size());
  }
}
