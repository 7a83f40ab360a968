package org.rishe.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.rishe.api.auth.Role;
import org.rishe.api.routing.ApiRoute;

/**
 * Sends random and hostile path and query values and headers to every registered route, with an
 * admin key and with the route's own role, and demands that nothing is a 5xx and every error is
 * problem+json. Seeded, so a failure can be replayed.
 */
class FuzzTest extends OneServerPerClass {
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

  private static final List<String> FIELDS =
      List.of("measure", "dimensions", "filters", "totals", "unknown", "__proto__", "");
  private static final List<String> WORDS =
      List.of(
          "cases",
          "people",
          "participants",
          "region",
          "sex",
          "problem",
          "ageBand",
          "month",
          "program",
          "R01",
          "dropout",
          "female",
          "unknown",
          "12-14",
          "2025-01",
          "");

  /** A random JSON value: wrong types, long arrays, deep nesting, hostile text, real words. */
  private static String randomJson(Random random, int depth) {
    int kind = depth > 40 ? random.nextInt(4) : random.nextInt(9);
    return switch (kind) {
      case 0 -> "null";
      case 1 -> random.nextBoolean() ? "true" : "false";
      case 2 ->
          List.of("0", "-1", "1e309", "99999999999999999999999999999999999999", "0.5", "NaN")
              .get(random.nextInt(6));
      case 3 ->
          quoted(
              random.nextBoolean() ? WORDS.get(random.nextInt(WORDS.size())) : randomValue(random));
      case 4, 5 -> {
        StringBuilder object = new StringBuilder("{");
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
          object
              .append(i == 0 ? "" : ",")
              .append(
                  quoted(
                      random.nextInt(4) == 0
                          ? WORDS.get(random.nextInt(WORDS.size()))
                          : FIELDS.get(random.nextInt(FIELDS.size()))))
              .append(':')
              .append(randomJson(random, depth + 1));
        }
        yield object.append('}').toString();
      }
      case 6 -> {
        StringBuilder array = new StringBuilder("[");
        int count = random.nextInt(8) == 0 ? 2000 + random.nextInt(3000) : random.nextInt(5);
        for (int i = 0; i < count; i++) {
          array
              .append(i == 0 ? "" : ",")
              .append(
                  count > 100
                      ? quoted(WORDS.get(i % WORDS.size()))
                      : randomJson(random, depth + 1));
        }
        yield array.append(']').toString();
      }
      case 7 -> "[".repeat(500 + random.nextInt(5000));
      default ->
          "{\"measure\":"
              + randomJson(random, depth + 1)
              + ",\"dimensions\":"
              + randomJson(random, depth + 1)
              + "}";
    };
  }

  private static String quoted(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    return json.append('"').toString();
  }

  /**
   * A plausible query with random parts, so that validation passes often and the lattice answers.
   */
  private static String randomQuery(Random random) {
    List<String> dimensions = new ArrayList<>();
    for (String dimension : List.of("region", "sex", "problem", "ageBand", "month", "program")) {
      if (random.nextInt(3) == 0) {
        dimensions.add(quoted(dimension));
      }
    }
    String filter =
        random.nextBoolean()
            ? "{}"
            : "{\"problem\":[\"dropout\""
                + (random.nextBoolean() ? ",\"child_labour\"" : "")
                + "]}";
    return "{\"measure\":"
        + quoted(List.of("cases", "people", "participants").get(random.nextInt(3)))
        + ",\"dimensions\":["
        + String.join(",", dimensions)
        + "],\"filters\":"
        + filter
        + ",\"totals\":"
        + random.nextBoolean()
        + "}";
  }

  @Test
  void hostileJsonBodiesOnEveryPostRouteNeverGiveA5xxAndEveryErrorIsProblemJson() {
    Random random = new Random(20261130L);
    SoftAssertions softly = new SoftAssertions();
    int sent = 0;
    int answered = 0;
    for (ApiRoute route : server.routes()) {
      if (!route.method().name().equals("POST")) {
        continue;
      }
      for (int i = 0; i < 400; i++) {
        String body = random.nextInt(3) == 0 ? randomQuery(random) : randomJson(random, 0);
        Map<String, String> headers = new LinkedHashMap<>(server.bearer(Role.RESEARCHER));
        headers.put("Content-Type", random.nextInt(5) == 0 ? "text/plain" : "application/json");
        if (random.nextInt(4) == 0) {
          headers.put("Accept", "text/csv");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        RawHttp.Response response =
            random.nextInt(4) == 0
                ? RawHttp.sendChunked(server.port(), "POST", route.path(), headers, bytes)
                : RawHttp.send(server.port(), "POST", route.path(), headers, bytes);
        String shown = body.length() > 200 ? body.substring(0, 200) + "..." : body;
        softly.assertThat(response.status()).as("%s", shown).isLessThan(500);
        if (response.status() >= 400) {
          softly.assertThat(response.isProblemJson()).as("%s type", shown).isTrue();
          softly.assertThat(response.body()).as("%s body", shown).doesNotContain("\tat ");
        } else {
          answered++;
        }
        sent++;
      }
    }
    softly.assertAll();
    assertThat(sent).isGreaterThanOrEqualTo(400);
    assertThat(answered).as("valid queries among the random ones").isGreaterThan(20);
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
          Map<String, String> headers = new LinkedHashMap<>(server.bearer(role));
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
