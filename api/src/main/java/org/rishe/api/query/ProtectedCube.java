package org.rishe.api.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rishe.api.results.Cube;

/**
 * A cube with every aggregation computed and protected once (see {@link CellSuppression}): the only
 * numbers the query route ever serves are cells of this lattice, as they are here.
 */
public final class ProtectedCube {
  private final Lattice lattice;
  private final int minCell;
  private final CellSuppression.Summary summary;
  private final long millis;

  private ProtectedCube(
      Lattice lattice, int minCell, CellSuppression.Summary summary, long millis) {
    this.lattice = lattice;
    this.minCell = minCell;
    this.summary = summary;
    this.millis = millis;
  }

  /** Builds every aggregation of the cube and suppresses what k requires. */
  public static ProtectedCube protect(Cube cube, int k) {
    long start = System.nanoTime();
    Lattice lattice = Lattice.of(cube);
    CellSuppression.Summary summary = CellSuppression.protect(lattice, k);
    return new ProtectedCube(lattice, k, summary, (System.nanoTime() - start) / 1_000_000);
  }

  /** One served cell: its value, null where suppressed. */
  public record Cell(Long value, boolean suppressed) {}

  public String measure() {
    return lattice.measure;
  }

  public List<String> dimensions() {
    return lattice.dimensions;
  }

  /** The values of a dimension seen in the data, sorted; a combination not seen counts 0. */
  public List<String> domain(String dimension) {
    int i = lattice.dimensions.indexOf(dimension);
    if (i < 0) {
      throw new IllegalArgumentException("the " + measure() + " cube has no " + dimension);
    }
    return lattice.domains.get(i);
  }

  /** k: no served count is from 1 to k-1. */
  public int minCell() {
    return minCell;
  }

  /**
   * The cell where each dimension named in {@code values} has that value and every other dimension
   * is summed over.
   */
  public Cell cell(Map<String, String> values) {
    int[] coordinates = new int[lattice.dimensionCount()];
    for (int i = 0; i < coordinates.length; i++) {
      String value = values.get(lattice.dimensions.get(i));
      if (value == null) {
        coordinates[i] = lattice.sizes[i];
      } else {
        coordinates[i] = lattice.domains.get(i).indexOf(value);
        if (coordinates[i] < 0) {
          throw new IllegalArgumentException(
              "no value " + value + " in " + lattice.dimensions.get(i));
        }
      }
    }
    int index = lattice.index(coordinates);
    return lattice.suppressed[index]
        ? new Cell(null, true)
        : new Cell(lattice.values[index], false);
  }

  /** Every cell of the lattice with its dimension values (null where summed), for tests. */
  List<Map.Entry<List<String>, Cell>> allCells() {
    List<Map.Entry<List<String>, Cell>> cells = new ArrayList<>();
    for (int index = 0; index < lattice.cellCount(); index++) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < lattice.dimensionCount(); i++) {
        int coordinate = lattice.coordinate(index, i);
        values.add(coordinate == lattice.sizes[i] ? null : lattice.domains.get(i).get(coordinate));
      }
      Cell cell =
          lattice.suppressed[index] ? new Cell(null, true) : new Cell(lattice.values[index], false);
      cells.add(Map.entry(java.util.Collections.unmodifiableList(values), cell));
    }
    return cells;
  }

  public int cellCount() {
    return lattice.cellCount();
  }

  public int primaryCells() {
    return summary.primary();
  }

  public int complementaryCells() {
    return summary.complementary();
  }

  /** Boxes that had to use a zero finest cell: protected against linear recovery only. */
  public int zeroCornerBoxes() {
    return summary.zeroCornerBoxes();
  }

  /** How long building and protecting took. */
  public long millis() {
    return millis;
  }
}
