package org.rishe.client;

import java.util.List;
import java.util.Map;

/**
 * The answer of {@code POST /query}, every page joined. A cell whose count is from 1 to {@code
 * minCell - 1}, or from which such a count could be worked out with other served counts, comes back
 * suppressed with a null value.
 *
 * @param dimensions the breakdown: the requested dimensions, then any filtered ones
 * @param totals the margins, when asked: the breakdown with each unfiltered dimension dropped in
 *     turn, and the grand total over the unfiltered dimensions
 * @param suppressedCells how many cells of the breakdown ({@code rows}, not the margins) were
 *     suppressed
 */
public record QueryResult(
    String runId,
    String measure,
    List<String> dimensions,
    int minCell,
    List<Row> rows,
    List<Margin> totals,
    long suppressedCells) {
  public QueryResult {
    dimensions = List.copyOf(dimensions);
    rows = List.copyOf(rows);
    totals = List.copyOf(totals);
  }

  /**
   * One cell: the value of each dimension (a margin's cell leaves out the dimensions it sums over),
   * the count (null when suppressed) and whether it was suppressed.
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

  /** A margin: the dimensions it keeps (none for the grand total) and its cells. */
  public record Margin(List<String> dimensions, List<Row> rows) {
    public Margin {
      dimensions = List.copyOf(dimensions);
      rows = List.copyOf(rows);
    }
  }
}
