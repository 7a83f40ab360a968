package org.rishe.api.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.rishe.api.error.ApiProblem;
import org.rishe.api.results.Cube;
import org.rishe.api.results.PublishedRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers researcher aggregate queries from the protected lattices of a run, computed once per run
 * ({@link #prepare}). A query never creates a new sum: its dimensions and filters pick one
 * aggregation, and every number served is one cell of the protected lattice, as it is there.
 */
public final class QueryService {
  private static final Logger LOG = LoggerFactory.getLogger(QueryService.class);
  public static final String VALUE = "value";
  public static final String SUPPRESSED = "suppressed";

  /**
   * The most cells one answer may hold, the breakdown and (with {@code totals}) its margins
   * together. Each answer is built in memory, cell by cell, and again for every page of it (a POST
   * is not cached), so paging through n cells costs about n²/1000 cell lookups: 10,000 cells is ten
   * pages of 1,000 and 100,000 lookups, while a cube's finest breakdown can hold hundreds of
   * thousands. Counting the margins in keeps the whole response within the cap, so the margins,
   * which every page repeats, need no paging of their own.
   */
  public static final long MAXIMUM_CELLS = 10_000;

  private final int k;
  private final long maximumCells;
  private Prepared prepared;

  private record Prepared(String runId, Map<String, ProtectedCube> cubes) {}

  /**
   * {@code maximumCells}: the most cells an answer may hold ({@link #MAXIMUM_CELLS} by default).
   */
  public QueryService(int k, long maximumCells) {
    if (k < 2) {
      throw new IllegalArgumentException("k must be at least 2, got " + k);
    }
    if (maximumCells < 1) {
      throw new IllegalArgumentException(
          "an answer must hold at least 1 cell, got " + maximumCells);
    }
    this.k = k;
    this.maximumCells = maximumCells;
  }

  /** A breakdown: the aggregation's dimensions and one row per cell (values, value, suppressed). */
  public record Table(List<String> dimensions, List<Map<String, Object>> rows) {
    public Table {
      dimensions = List.copyOf(dimensions);
      rows = List.copyOf(rows);
    }

    int suppressedCells() {
      return (int) rows.stream().filter(row -> Boolean.TRUE.equals(row.get(SUPPRESSED))).count();
    }
  }

  /** The answer: the requested breakdown and, when asked, its margins. */
  public record Answer(String measure, Table table, List<Table> totals, int suppressedCells) {}

  /** The run's protected cubes by measure (sorted), computed on the first call for a run. */
  public synchronized Map<String, ProtectedCube> prepare(PublishedRun run) {
    if (prepared != null && prepared.runId().equals(run.runId())) {
      return prepared.cubes();
    }
    Map<String, ProtectedCube> cubes = new TreeMap<>();
    for (Cube cube : run.cubes()) {
      ProtectedCube protectedCube = ProtectedCube.protect(cube, k);
      LOG.info(
          "run {}: {} cube protected in {} ms ({} cells, {} primary, {} complementary)",
          run.runId(),
          cube.measure(),
          protectedCube.millis(),
          protectedCube.cellCount(),
          protectedCube.primaryCells(),
          protectedCube.complementaryCells());
      cubes.put(cube.measure(), protectedCube);
    }
    prepared = new Prepared(run.runId(), java.util.Collections.unmodifiableMap(cubes));
    return prepared.cubes();
  }

  public int minCell() {
    return k;
  }

  public Answer answer(PublishedRun run, QueryRequest request) {
    Map<String, ProtectedCube> cubes = prepare(run);
    if (request == null || request.measure() == null || !cubes.containsKey(request.measure())) {
      throw ApiProblem.badRequest(
          (request == null || request.measure() == null
                  ? "the query names no measure"
                  : "no measure '" + shorten(request.measure()) + "'")
              + "; valid measures are listed in validMeasures (see GET /api/v1/query/cubes)",
          Map.of("validMeasures", List.copyOf(cubes.keySet())));
    }
    ProtectedCube cube = cubes.get(request.measure());
    List<String> dimensions = dimensions(cube, request.dimensions());
    Map<String, List<String>> filters = filters(cube, request.filters());
    List<String> breakdown = new ArrayList<>(dimensions);
    for (String dimension : cube.dimensions()) {
      if (filters.containsKey(dimension) && !breakdown.contains(dimension)) {
        breakdown.add(dimension);
      }
    }
    List<List<String>> margins =
        Boolean.TRUE.equals(request.totals()) ? margins(breakdown, dimensions, filters) : List.of();
    checkSize(cube, breakdown, margins, filters, maximumCells);
    Table table = table(cube, breakdown, filters);
    List<Table> totals = margins.stream().map(margin -> table(cube, margin, filters)).toList();
    return new Answer(cube.measure(), table, totals, table.suppressedCells());
  }

  /**
   * The margins of a breakdown: each requested, unfiltered dimension dropped in turn, then the
   * filtered dimensions alone (the grand total when none is filtered), each aggregation once.
   */
  private static List<List<String>> margins(
      List<String> breakdown, List<String> dimensions, Map<String, List<String>> filters) {
    // a filtered dimension is never dropped: summing over a subset of its values would be a new
    // sum, not a cell of the lattice
    List<List<String>> candidates = new ArrayList<>();
    for (String dropped : dimensions) {
      if (!filters.containsKey(dropped)) {
        candidates.add(breakdown.stream().filter(d -> !d.equals(dropped)).toList());
      }
    }
    candidates.add(breakdown.stream().filter(filters::containsKey).toList());
    Set<Set<String>> seen = new HashSet<>();
    seen.add(Set.copyOf(breakdown));
    List<List<String>> margins = new ArrayList<>();
    for (List<String> margin : candidates) {
      if (seen.add(Set.copyOf(margin))) {
        margins.add(margin);
      }
    }
    return margins;
  }

  /**
   * Refuses, before any cell is built, an answer of more than {@code maximum} cells (the breakdown
   * and its margins), with a 400 that names the count and the cap and says what to do.
   */
  static void checkSize(
      ProtectedCube cube,
      List<String> breakdown,
      List<List<String>> margins,
      Map<String, List<String>> filters,
      long maximum) {
    long breakdownCells = cells(cube, breakdown, filters);
    long marginCells = 0;
    for (List<String> margin : margins) {
      marginCells = saturatedAdd(marginCells, cells(cube, margin, filters));
    }
    long total = saturatedAdd(breakdownCells, marginCells);
    if (total <= maximum) {
      return;
    }
    throw ApiProblem.badRequest(
        (breakdown.isEmpty() ? "the grand total" : "a breakdown by " + String.join(", ", breakdown))
            + " has "
            + count(breakdownCells)
            + " cells"
            + (margins.isEmpty() ? "" : " and its margins " + count(marginCells) + " more")
            + ", more than the "
            + count(maximum)
            + " one answer may hold: leave a dimension out or filter one to the values you need"
            + (margins.isEmpty() ? "" : ", or leave totals out"),
        Map.of("maximumCells", maximum, "requestedCells", total));
  }

  /** How many cells an aggregation has: the product of its dimensions' (filtered) value counts. */
  private static long cells(
      ProtectedCube cube, List<String> dimensions, Map<String, List<String>> filters) {
    long cells = 1;
    for (String dimension : dimensions) {
      int values = filters.getOrDefault(dimension, cube.domain(dimension)).size();
      try {
        cells = Math.multiplyExact(cells, values);
      } catch (ArithmeticException e) {
        return Long.MAX_VALUE;
      }
    }
    return cells;
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static List<String> dimensions(ProtectedCube cube, List<String> requested) {
    if (requested == null) {
      return List.of();
    }
    Set<String> unique = new LinkedHashSet<>();
    for (String dimension : requested) {
      checkDimension(cube, dimension);
      if (!unique.add(dimension)) {
        throw ApiProblem.badRequest(
            "dimension '" + dimension + "' is named twice; name each dimension once");
      }
    }
    return List.copyOf(unique);
  }

  private static Map<String, List<String>> filters(
      ProtectedCube cube, Map<String, List<String>> requested) {
    Map<String, List<String>> filters = new LinkedHashMap<>();
    if (requested == null) {
      return filters;
    }
    for (Map.Entry<String, List<String>> filter : requested.entrySet()) {
      checkDimension(cube, filter.getKey());
      List<String> domain = cube.domain(filter.getKey());
      if (filter.getValue() == null || filter.getValue().isEmpty()) {
        throw ApiProblem.badRequest(
            "the filter on '"
                + filter.getKey()
                + "' lists no values; give at least one, or leave the dimension out",
            Map.of("validValues", domain));
      }
      Set<String> allowed = new HashSet<>();
      for (String value : filter.getValue()) {
        if (value == null || !domain.contains(value)) {
          throw ApiProblem.badRequest(
              "'"
                  + shorten(String.valueOf(value))
                  + "' is not a value of "
                  + filter.getKey()
                  + "; valid values are listed in validValues",
              Map.of("dimension", filter.getKey(), "validValues", domain));
        }
        allowed.add(value);
      }
      // in the domain's order, each once
      filters.put(filter.getKey(), domain.stream().filter(allowed::contains).toList());
    }
    return filters;
  }

  private static void checkDimension(ProtectedCube cube, String dimension) {
    if (dimension == null || !cube.dimensions().contains(dimension)) {
      throw ApiProblem.badRequest(
          "the "
              + cube.measure()
              + " cube has no dimension '"
              + shorten(String.valueOf(dimension))
              + "'; valid dimensions are listed in validDimensions",
          Map.of("validDimensions", cube.dimensions()));
    }
  }

  /** Every cell of one aggregation, restricted to the filters' values, in the domains' order. */
  private static Table table(
      ProtectedCube cube, List<String> dimensions, Map<String, List<String>> filters) {
    List<Map<String, String>> keys = new ArrayList<>();
    keys.add(Map.of());
    for (String dimension : dimensions) {
      List<String> values = filters.getOrDefault(dimension, cube.domain(dimension));
      List<Map<String, String>> longer = new ArrayList<>(keys.size() * values.size());
      for (Map<String, String> key : keys) {
        for (String value : values) {
          Map<String, String> next = new LinkedHashMap<>(key);
          next.put(dimension, value);
          longer.add(next);
        }
      }
      keys = longer;
    }
    List<Map<String, Object>> rows = new ArrayList<>(keys.size());
    for (Map<String, String> key : keys) {
      ProtectedCube.Cell cell = cube.cell(key);
      Map<String, Object> row = new LinkedHashMap<>(key);
      row.put(VALUE, cell.value());
      row.put(SUPPRESSED, cell.suppressed());
      rows.add(row);
    }
    return new Table(dimensions, rows);
  }

  private static String shorten(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "…";
  }
}
