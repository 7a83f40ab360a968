package org.rishe.client;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /query}: a researcher's aggregate of one measure (cases, people or
 * participants) broken down by some dimensions, optionally filtered, with or without totals.
 *
 * @param filters dimension to the values kept, e.g. {@code problem -> [PRB01]}
 */
public record QueryRequest(
    String measure, List<String> dimensions, Map<String, List<String>> filters, boolean totals) {
  public QueryRequest {
    requireNonNull(measure, "measure is null");
    dimensions = List.copyOf(dimensions);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    (filters == null ? Map.<String, List<String>>of() : filters)
        .forEach((dimension, values) -> copy.put(dimension, List.copyOf(values)));
    filters = Collections.unmodifiableMap(copy);
  }

  /** A query of {@code measure} by {@code dimensions}, unfiltered, without totals. */
  public static QueryRequest of(String measure, String... dimensions) {
    return new QueryRequest(measure, List.of(dimensions), Map.of(), false);
  }

  /** The same query keeping only the given values of one dimension. */
  public QueryRequest where(String dimension, String... values) {
    Map<String, List<String>> more = new LinkedHashMap<>(filters);
    more.put(dimension, List.of(values));
    return new QueryRequest(measure, dimensions, more, totals);
  }

  /** The same query, also asking for the totals over each dimension. */
  public QueryRequest withTotals() {
    return new QueryRequest(measure, dimensions, filters, true);
  }
}
