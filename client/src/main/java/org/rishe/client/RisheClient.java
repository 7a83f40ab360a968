package org.rishe.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * A typed client for the Rishe API ({@code /api/v1}): one method per route, each returning the
 * route's response as a record; list routes are followed page by page to the end. An error answer
 * becomes a {@link RisheApiException} with the server's status, title and detail. Thread-safe.
 *
 * <pre>{@code
 * RisheClient rishe = RisheClient.fromEnvironment(); // RISHE_URL, RISHE_API_KEY
 * for (Problem problem : rishe.problems()) { ... }
 * }</pre>
 */
public final class RisheClient {
  public static final String DEFAULT_URL = "http://127.0.0.1:7070";
  private static final String PREFIX = "/api/v1";
  private static final int PAGE_SIZE = 1000;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  private final String apiKey;
  private final HttpClient http;
  private final ObjectMapper json;

  private RisheClient(URI base, String apiKey) {
    this.base = requireNonNull(base, "base is null");
    this.apiKey = requireNonNull(apiKey, "apiKey is null");
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    this.json =
        new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }

  /**
   * A client of the server at {@code url} (e.g. {@code http://127.0.0.1:7070}, with or without
   * {@code /api/v1}) sending {@code apiKey} as a bearer key.
   */
  public static RisheClient connect(String url, String apiKey) {
    requireNonNull(url, "url is null");
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException(
          "no API key: create one with `bin/rishe keys create --role planner` (or take one from"
              + " <warehouse>/demo-keys.txt after `bin/rishe demo`)");
    }
    String trimmed = url.strip().replaceAll("/+$", "");
    if (trimmed.endsWith(PREFIX)) {
      trimmed = trimmed.substring(0, trimmed.length() - PREFIX.length());
    }
    return new RisheClient(URI.create(trimmed), apiKey.strip());
  }

  /**
   * A client configured by the environment: {@code RISHE_URL} (default {@value #DEFAULT_URL}) and
   * {@code RISHE_API_KEY}.
   */
  public static RisheClient fromEnvironment() {
    return fromEnvironment("RISHE_API_KEY");
  }

  /**
   * A client of {@code RISHE_URL} with the key in another variable, e.g. {@code
   * RISHE_RESEARCHER_KEY} (which {@code bin/rishe notebooks} also sets) for researcher routes.
   */
  public static RisheClient fromEnvironment(String keyVariable) {
    String url = System.getenv("RISHE_URL");
    String key = System.getenv(keyVariable);
    if (key == null || key.isBlank()) {
      throw new IllegalStateException(
          keyVariable
              + " is not set: export a key before starting Jupyter (`bin/rishe notebooks` does it"
              + " from <warehouse>/demo-keys.txt), or call RisheClient.connect(url, key)");
    }
    return connect(url == null || url.isBlank() ? DEFAULT_URL : url, key);
  }

  /** The server's address, without {@code /api/v1}. */
  public URI url() {
    return base;
  }

  public Health health() {
    return get("/health", Map.of(), Health.class);
  }

  /** Every problem with its cases and people. */
  public List<Problem> problems() {
    return allPages("/problems", Map.of(), ProblemsPage.class, ProblemsPage::problems);
  }

  /** The root causes of one problem over all regions. */
  public RootCauses rootCauses(String problem) {
    return whole("/root-causes", parameters("problem", problem), "factors", RootCauses.class);
  }

  /** The root causes of one problem in one region. */
  public RootCauses rootCauses(String problem, String region) {
    return whole(
        "/root-causes",
        parameters("problem", problem, "region", region),
        "factors",
        RootCauses.class);
  }

  public Chains chains(String problem) {
    return whole("/root-causes/" + segment(problem) + "/chains", Map.of(), "chains", Chains.class);
  }

  public CausalGraph causalGraph() {
    return whole("/causal-graph", Map.of(), "edges", CausalGraph.class);
  }

  public List<Program> programs() {
    return whole("/programs", Map.of(), "programs", ProgramsResponse.class).programs();
  }

  public ProgramImpact impact(String programId) {
    return get("/programs/" + segment(programId) + "/impact", Map.of(), ProgramImpact.class);
  }

  /**
   * The leadership KPIs from month {@code from} to month {@code to} ({@code YYYY-MM}) in one
   * region; a null argument means the API's default (the whole run, every region).
   */
  public DashboardSummary dashboardSummary(String from, String to, String region) {
    return get(
        "/dashboard/summary",
        parameters("from", from, "to", to, "region", region),
        DashboardSummary.class);
  }

  /** The flagged hotspots (unusual rises of one problem in one region and month). */
  public List<Hotspot> hotspots() {
    return allPages("/hotspots", Map.of(), HotspotsPage.class, HotspotsPage::hotspots);
  }

  /** The hotspots of one problem, every judged month when {@code everyMonth}, else flagged ones. */
  public List<Hotspot> hotspots(String problem, boolean everyMonth) {
    return allPages(
        "/hotspots",
        parameters("problem", problem, "all", String.valueOf(everyMonth)),
        HotspotsPage.class,
        HotspotsPage::hotspots);
  }

  /**
   * A researcher's aggregate ({@code POST /query}), every page of its rows; small cells, and the
   * cells that would give them away, come back suppressed.
   */
  public QueryResult query(QueryRequest request) {
    requireNonNull(request, "request is null");
    List<JsonNode> pages = new ArrayList<>();
    String cursor = null;
    do {
      Map<String, String> page = new LinkedHashMap<>();
      page.put("limit", String.valueOf(PAGE_SIZE));
      if (cursor != null) {
        page.put("cursor", cursor);
      }
      JsonNode answer = send(post("/query", page, request));
      pages.add(answer);
      JsonNode next = answer.get("nextCursor");
      cursor = next == null || next.isNull() ? null : next.asText();
    } while (cursor != null);
    return QueryAnswers.read(pages.get(0), pages);
  }

  /** What {@link #query} can ask: each measure with its dimensions and their values, and k. */
  public QueryCubes cubes() {
    return get("/query/cubes", Map.of(), QueryCubes.class);
  }

  record ProblemsPage(String run, List<Problem> problems, String nextCursor) {}

  record HotspotsPage(String run, String method, List<Hotspot> hotspots, String nextCursor) {}

  record ProgramsResponse(String run, List<Program> programs) {}

  private <P, T> List<T> allPages(
      String path, Map<String, String> query, Class<P> page, Function<P, List<T>> rows) {
    List<T> all = new ArrayList<>();
    String cursor = null;
    do {
      Map<String, String> withPage = new LinkedHashMap<>(query);
      withPage.put("limit", String.valueOf(PAGE_SIZE));
      if (cursor != null) {
        withPage.put("cursor", cursor);
      }
      JsonNode answer = send(request(path, withPage).GET().build());
      List<T> some = rows.apply(convert(answer, json.constructType(page)));
      if (some != null) {
        all.addAll(some);
      }
      JsonNode next = answer.get("nextCursor");
      cursor = next == null || next.isNull() ? null : next.asText();
    } while (cursor != null);
    return List.copyOf(all);
  }

  /**
   * A table route's whole answer: every page fetched, their {@code list} arrays joined into the
   * first page's envelope, so a caller never sees a truncated list.
   */
  private <T> T whole(String path, Map<String, String> query, String list, Class<T> type) {
    ObjectNode first = null;
    ArrayNode rows = json.createArrayNode();
    String cursor = null;
    do {
      Map<String, String> withPage = new LinkedHashMap<>(query);
      withPage.put("limit", String.valueOf(PAGE_SIZE));
      if (cursor != null) {
        withPage.put("cursor", cursor);
      }
      JsonNode answer = send(request(path, withPage).GET().build());
      if (!(answer instanceof ObjectNode page)) {
        throw new IllegalStateException(path + " answered with something that is not an object");
      }
      first = first == null ? page : first;
      JsonNode some = page.get(list);
      if (some != null && some.isArray()) {
        rows.addAll((ArrayNode) some);
      }
      JsonNode next = page.get("nextCursor");
      cursor = next == null || next.isNull() ? null : next.asText();
    } while (cursor != null);
    first.set(list, rows);
    first.putNull("nextCursor");
    return convert(first, json.constructType(type));
  }

  private <T> T get(String path, Map<String, String> query, Class<T> type) {
    return convert(send(request(path, query).GET().build()), json.constructType(type));
  }

  private HttpRequest post(String path, Map<String, String> query, Object body) {
    try {
      return request(path, query)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("could not write the request body: " + e.getMessage(), e);
    }
  }

  private HttpRequest.Builder request(String path, Map<String, String> query) {
    StringJoiner parameters = new StringJoiner("&", "?", "").setEmptyValue("");
    query.forEach((name, value) -> parameters.add(name + "=" + URLEncoder.encode(value, UTF_8)));
    return HttpRequest.newBuilder(URI.create(base + PREFIX + path + parameters))
        .timeout(TIMEOUT)
        .header("Authorization", "Bearer " + apiKey)
        .header("Accept", "application/json");
  }

  private JsonNode send(HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not reach the Rishe API at "
              + base
              + " ("
              + e
              + "); start it with `bin/rishe serve` or set RISHE_URL",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling " + request.uri(), e);
    }
    if (response.statusCode() >= 400) {
      throw problem(response);
    }
    try {
      return json.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          request.uri() + " answered with something that is not JSON: " + e.getOriginalMessage(),
          e);
    }
  }

  private RisheApiException problem(HttpResponse<String> response) {
    int status = response.statusCode();
    try {
      JsonNode body = json.readTree(response.body());
      if (body != null && body.isObject()) {
        return new RisheApiException(
            status, text(body, "title", "HTTP " + status), text(body, "detail", null));
      }
    } catch (JsonProcessingException e) {
      // not problem+json (a proxy's page, say): report the start of the body below
    }
    String body = response.body() == null ? "" : response.body().strip();
    return new RisheApiException(
        status, "HTTP " + status, body.length() > 200 ? body.substring(0, 200) + "…" : body);
  }

  private static String text(JsonNode body, String field, String otherwise) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? otherwise : value.asText();
  }

  private <T> T convert(JsonNode node, JavaType type) {
    try {
      return json.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "the API's answer does not read as " + type + ": " + e.getOriginalMessage(), e);
    }
  }

  private static String segment(String value) {
    requireNonNull(value, "path segment is null");
    return URLEncoder.encode(value, UTF_8).replace("+", "%20");
  }

  /** Name-value pairs without the null values, in order. */
  private static Map<String, String> parameters(String... namesAndValues) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        parameters.put(namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    return parameters;
  }
}
