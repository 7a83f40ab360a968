package org.rishe.api.results;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One published aggregate cube at its finest grain: the dimensions (API names), and one cell per
 * combination of dimension values that has a nonzero count. Combinations not listed are 0. The
 * measure is additive, so every coarser cell is the sum of the finer cells below it.
 *
 * @param measure the measure's API name, e.g. {@code cases}
 * @param dimensions the dimensions' API names, in the cube's order
 * @param cells one per combination with a count; {@code values} in the order of {@code dimensions}
 */
public record Cube(String measure, List<String> dimensions, List<Cell> cells) {
  public Cube {
    requireNonNull(measure, "measure is null");
    dimensions = List.copyOf(dimensions);
    cells = List.copyOf(cells);
    for (Cell cell : cells) {
      if (cell.values().size() != dimensions.size()) {
        throw new IllegalArgumentException(
            "a cell of cube "
                + measure
                + " has "
                + cell.values().size()
                + " values for "
                + dimensions.size()
                + " dimensions");
      }
    }
  }

  /** A combination of dimension values and its count (never negative). */
  public record Cell(List<String> values, long count) {
    public Cell {
      values = List.copyOf(values);
      if (count < 0) {
        throw new IllegalArgumentException("a cube count is never negative, got " + count);
      }
    }
  }
}
