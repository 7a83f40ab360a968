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
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
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
  private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final String REPLAYED = "Idempotent-Replayed";
  private static final Set<String> PROBLEM_MEMBERS =
      Set.of("type", "title", "status", "detail", "instance");

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
    return impact(programId, null);
  }

  /**
   * A programme's impact with labels and why-no-estimate sentences in {@code lang} ({@code en} or
   * {@code fa}; null: the API's default, English).
   */
  public ProgramImpact impact(String programId, String lang) {
    return get(
        "/programs/" + segment(programId) + "/impact",
        parameters("lang", lang),
        ProgramImpact.class);
  }

  /**
   * The regions catalogue of the run served: each region's names in English and Persian, the region
   * it lies in, its outline and whether the run has cases in it ({@link Region#hasData}); empty
   * when the run has no catalogue.
   */
  public List<Region> regions() {
    List<Region> regions = get("/regions", Map.of(), RegionsResponse.class).regions();
    return regions == null ? List.of() : regions;
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

  /** The needs board: every open and pledged need, labels in English. */
  public NeedsBoard needs() {
    return needs(NeedsFilter.ALL);
  }

  /** The needs of the board that pass {@code filter}. */
  public NeedsBoard needs(NeedsFilter filter) {
    requireNonNull(filter, "filter is null");
    return whole(
        "/needs",
        parameters(
            "kind",
            filter.kind(),
            "region",
            filter.region(),
            "program",
            filter.program(),
            "currency",
            filter.currency(),
            "minAmount",
            number(filter.minAmount()),
            "maxAmount",
            number(filter.maxAmount()),
            "lang",
            filter.lang()),
        "needs",
        NeedsBoard.class);
  }

  /** One need of the board by its reference; a 404 once it is met or withdrawn. */
  public Need need(String needRef) {
    return need(needRef, null);
  }

  /** One need of the board, its labels in {@code lang} ({@code en} or {@code fa}; null: en). */
  public Need need(String needRef, String lang) {
    return get("/needs/" + segment(needRef), parameters("lang", lang), Need.class);
  }

  /**
   * Pledges {@code amount} in {@code currency} (the need's) to a need of the board, as the calling
   * donor, with a new random Idempotency-Key: the receipt carries it, so that a caller who does not
   * know whether the pledge was recorded (a timeout) can send it again with {@link #pledge(String,
   * Double, String, String)} and never pledge twice. Both null for a need without an amount, which
   * is pledged whole. A refusal is a {@link RisheApiException}: {@code 409} when the need is not
   * open or has no room for the amount ({@code remaining} among its extensions), {@code 404} when
   * the need is not on the board.
   */
  public PledgeReceipt pledge(String needRef, Double amount, String currency) {
    return pledge(needRef, amount, currency, UUID.randomUUID().toString());
  }

  /**
   * As {@link #pledge(String, Double, String)} with {@code idempotencyKey} (1 to 200 printable
   * ASCII characters without spaces; null for none): a request repeated with the key of one that
   * was recorded records nothing and gets that pledge back, {@code replayed}.
   */
  public PledgeReceipt pledge(
      String needRef, Double amount, String currency, String idempotencyKey) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (amount != null) {
      body.put("amount", amount);
    }
    if (currency != null) {
      body.put("currency", currency);
    }
    HttpResponse<String> response =
        postWithKey("/needs/" + segment(needRef) + "/pledges", body, idempotencyKey);
    PledgeView pledge = convert(parse(response), json.constructType(PledgeView.class));
    return new PledgeReceipt(
        pledge.pledgeId(),
        pledge.needRef(),
        pledge.amount(),
        pledge.currency(),
        pledge.pledgedAt(),
        pledge.idempotencyKey(),
        replayed(response));
  }

  /** The calling donor's own donations with their journeys, and pledges with how far each came. */
  public MyGiving myDonations() {
    return get("/me/donations", Map.of(), MyGiving.class);
  }

  /**
   * A donation's journey to its recipient; a donor's key sees only its own donations (any other id
   * is the {@code 404} of an id that does not exist).
   */
  public Journey journey(String donationId) {
    return get("/donations/" + segment(donationId) + "/journey", Map.of(), Journey.class);
  }

  /** The programmes matched to the calling volunteer, best first, with the reasons. */
  public Matches myMatches() {
    return whole("/me/matches", Map.of(), "matches", Matches.class);
  }

  /** The programmes matched to volunteer {@code volunteerId}, for coordinators. */
  public Matches matches(String volunteerId) {
    return whole(
        "/volunteers/" + segment(volunteerId) + "/matches", Map.of(), "matches", Matches.class);
  }

  /**
   * Registers the calling volunteer's interest in programme {@code programId} with a new random
   * Idempotency-Key (the answer carries it, for a retry with {@link #registerInterest(String,
   * String)}).
   */
  public InterestRegistration registerInterest(String programId) {
    return registerInterest(programId, UUID.randomUUID().toString());
  }

  /**
   * Registers the calling volunteer's interest in programme {@code programId}; {@code
   * idempotencyKey} (null for none) names the request, so that a retry records nothing again.
   * Registering a programme again is no error: the first record, {@code ALREADY_REGISTERED}.
   */
  public InterestRegistration registerInterest(String programId, String idempotencyKey) {
    HttpResponse<String> response =
        postWithKey("/programs/" + segment(programId) + "/interest", null, idempotencyKey);
    InterestView interest = convert(parse(response), json.constructType(InterestView.class));
    InterestRegistration.Outcome outcome =
        response.statusCode() == 200
            ? InterestRegistration.Outcome.ALREADY_REGISTERED
            : replayed(response)
                ? InterestRegistration.Outcome.REPLAYED
                : InterestRegistration.Outcome.CREATED;
    return new InterestRegistration(
        interest.programId(), interest.registeredAt(), interest.idempotencyKey(), outcome);
  }

  /** The programmes the calling volunteer registered interest in, oldest first. */
  public List<RegisteredInterest> myInterests() {
    List<RegisteredInterest> interests =
        get("/me/interests", Map.of(), InterestsResponse.class).interests();
    return interests == null ? List.of() : List.copyOf(interests);
  }

  /** Whether pledges reach their needs: overall, per programme and per region. */
  public Trust trust() {
    return get("/trust", Map.of(), Trust.class);
  }

  /** Giving and volunteer sign-ups on every occasion of the run, names in English. */
  public Occasions occasions() {
    return occasions(null, null, null, null);
  }

  /**
   * The occasions of Gregorian {@code year} (of the window's start), of one {@code occasion} code
   * (e.g. {@code nowruz}) and one {@code measure} (e.g. {@code donations}), names in {@code lang}
   * ({@code en} or {@code fa}); a null argument leaves that filter out.
   */
  public Occasions occasions(Integer year, String occasion, String measure, String lang) {
    return whole(
        "/occasions",
        parameters(
            "year",
            year == null ? null : String.valueOf(year),
            "occasion",
            occasion,
            "measure",
            measure,
            "lang",
            lang),
        "occasions",
        Occasions.class);
  }

  record ProblemsPage(String run, List<Problem> problems, String nextCursor) {}

  record HotspotsPage(String run, String method, List<Hotspot> hotspots, String nextCursor) {}

  record ProgramsResponse(String run, List<Program> programs) {}

  record RegionsResponse(String run, List<Region> regions) {}

  record PledgeView(
      String pledgeId,
      String needRef,
      Double amount,
      String currency,
      String pledgedAt,
      String idempotencyKey) {}

  record InterestView(String programId, String registeredAt, String idempotencyKey) {}

  record InterestsResponse(List<RegisteredInterest> interests) {}

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
    return post(path, query, body, Map.of());
  }

  /** A POST of {@code body} as JSON (no body when null) with further {@code headers}. */
  private HttpRequest post(
      String path, Map<String, String> query, Object body, Map<String, String> headers) {
    HttpRequest.Builder builder = request(path, query);
    headers.forEach(builder::header);
    if (body == null) {
      return builder.POST(HttpRequest.BodyPublishers.noBody()).build();
    }
    try {
      return builder
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("could not write the request body: " + e.getMessage(), e);
    }
  }

  /** A POST of {@code body} (none when null) with {@code idempotencyKey} (none when null). */
  private HttpResponse<String> postWithKey(String path, Object body, String idempotencyKey) {
    return exchange(
        post(
            path,
            Map.of(),
            body,
            idempotencyKey == null ? Map.of() : Map.of(IDEMPOTENCY_KEY, idempotencyKey)));
  }

  /** Whether the server answered from an earlier request with the same Idempotency-Key. */
  private static boolean replayed(HttpResponse<String> response) {
    return response.headers().firstValue(REPLAYED).map("true"::equalsIgnoreCase).orElse(false);
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
    return parse(exchange(request));
  }

  /** Sends {@code request}; an error answer is thrown as a {@link RisheApiException}. */
  private HttpResponse<String> exchange(HttpRequest request) {
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
    return response;
  }

  private JsonNode parse(HttpResponse<String> response) {
    try {
      return json.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          response.request().uri()
              + " answered with something that is not JSON: "
              + e.getOriginalMessage(),
          e);
    }
  }

  private RisheApiException problem(HttpResponse<String> response) {
    int status = response.statusCode();
    try {
      JsonNode body = json.readTree(response.body());
      if (body != null && body.isObject()) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        body.fields()
            .forEachRemaining(
                field -> {
                  if (!PROBLEM_MEMBERS.contains(field.getKey())) {
                    extensions.put(
                        field.getKey(), json.convertValue(field.getValue(), Object.class));
                  }
                });
        return new RisheApiException(
            status, text(body, "title", "HTTP " + status), text(body, "detail", null), extensions);
      }
    } catch (JsonProcessingException e) {
      // not problem+json (a proxy's page, say): report the start of the body below
    }
    String body = response.body() == null ? "" : response.body().strip();
    return new RisheApiException(
        status, "HTTP " + status, body.length() > 200 ? body.substring(0, 200) + "…" : body);
  }

  /** Formats an amount filter without a needless {@code .0}. */
  private static String number(Double value) {
    if (value == null) {
      return null;
    }
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? String.valueOf(value.longValue())
        : String.valueOf(value);
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
