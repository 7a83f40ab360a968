package org.rishe.api.query;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.rishe.api.results.Cube;

/**
 * Every aggregation of a cube at once: for each of its d dimensions a cell coordinate is either a
 * value of the dimension's domain (0 to n-1) or n, meaning "all values summed", so one flat array
 * of size (n1+1)·…·(nd+1) holds the finest table and all 2^d marginal tables. A cell's aggregation
 * is the set of dimensions whose coordinate is not n. Each cell also carries a suppressed flag, set
 * by {@link CellSuppression}.
 */
final class Lattice {
  /** Larger lattices are refused: at 9 bytes a cell this is 180 MB. */
  static final long MAX_CELLS = 20_000_000L;

  final String measure;
  final List<String> dimensions;
  final List<List<String>> domains;
  final int[] sizes;
  final int[] strides;
  final long[] values;
  final boolean[] suppressed;

  private Lattice(String measure, List<String> dimensions, List<List<String>> domains) {
    this.measure = measure;
    this.dimensions = List.copyOf(dimensions);
    this.domains = List.copyOf(domains);
    int d = dimensions.size();
    sizes = new int[d];
    strides = new int[d];
    long cells = 1;
    for (int i = d - 1; i >= 0; i--) {
      sizes[i] = domains.get(i).size();
      strides[i] = (int) cells;
      cells *= sizes[i] + 1;
      if (cells > MAX_CELLS) {
        throw new IllegalStateException(
            "the "
                + measure
                + " cube has more than "
                + MAX_CELLS
                + " cells over all its aggregations; publish it with fewer dimension values");
      }
    }
    values = new long[(int) cells];
    suppressed = new boolean[(int) cells];
  }

  /** The lattice of a cube: domains are the values seen, sorted; every margin summed. */
  static Lattice of(Cube cube) {
    int d = cube.dimensions().size();
    List<List<String>> domains = new ArrayList<>();
    for (int i = 0; i < d; i++) {
      TreeSet<String> seen = new TreeSet<>();
      for (Cube.Cell cell : cube.cells()) {
        seen.add(cell.values().get(i));
      }
      domains.add(List.copyOf(seen));
    }
    Lattice lattice = new Lattice(cube.measure(), cube.dimensions(), domains);
    for (Cube.Cell cell : cube.cells()) {
      int index = 0;
      for (int i = 0; i < d; i++) {
        index += domains.get(i).indexOf(cell.values().get(i)) * lattice.strides[i];
      }
      lattice.values[index] = Math.addExact(lattice.values[index], cell.count());
    }
    lattice.sumMargins();
    return lattice;
  }

  /** Sums along one dimension at a time; after dimension i, every cell with i = all is filled. */
  private void sumMargins() {
    for (int i = 0; i < sizes.length; i++) {
      int all = sizes[i];
      for (int index = 0; index < values.length; index++) {
        int coordinate = coordinate(index, i);
        if (coordinate != all && values[index] != 0) {
          int total = index + (all - coordinate) * strides[i];
          values[total] = Math.addExact(values[total], values[index]);
        }
      }
    }
  }

  int dimensionCount() {
    return sizes.length;
  }

  int cellCount() {
    return values.length;
  }

  /** The coordinate of a cell in one dimension: a domain position, or the size for "all". */
  int coordinate(int index, int dimension) {
    return (index / strides[dimension]) % (sizes[dimension] + 1);
  }

  int[] coordinates(int index) {
    int[] coordinates = new int[sizes.length];
    for (int i = 0; i < sizes.length; i++) {
      coordinates[i] = coordinate(index, i);
    }
    return coordinates;
  }

  int index(int[] coordinates) {
    int index = 0;
    for (int i = 0; i < sizes.length; i++) {
      index += coordinates[i] * strides[i];
    }
    return index;
  }

  boolean isAll(int index, int dimension) {
    return coordinate(index, dimension) == sizes[dimension];
  }

  /** Whether the cell is of the finest table (no dimension summed). */
  boolean isFinest(int index) {
    for (int i = 0; i < sizes.length; i++) {
      if (isAll(index, i)) {
        return false;
      }
    }
    return true;
  }
}
