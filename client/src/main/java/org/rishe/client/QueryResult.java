package org.rishe.client;

import java.util.List;
import java.util.Map;

/**
 * The answer of {@code POST /query}. A cell whose count is from 1 to {@code minCell - 1}, or from
 * which such a count could be recovered through the totals, comes back suppressed with a null
 * value.
 *
 * @param suppressedCells how many cells (rows and totals) were suppressed
 */
public record QueryResult(
    String runId,
    String measure,
    List<String> dimensions,
    int minCell,
    List<Row> rows,
    List<Row> totals,
    long suppressedCells) {
  public QueryResult {
    dimensions = List.copyOf(dimensions);
    rows = List.copyOf(rows);
    totals = List.copyOf(totals);
  }

  /**
   * One cell: the value of each dimension (a total leaves out the dimensions it sums over), the
   * count (null when suppressed) and whether it was suppressed.
   */
  public record Row(Map<String, String> dimensions, Long value, boolean suppressed) {
    public Row {
      dimensions = Map.copyOf(dimensions);
    }

    /** The value of one dimension, or null when this cell sums over it. */
    public String get(String dimension) {
      return dimensions.get(dimension);
    }
  }
}
