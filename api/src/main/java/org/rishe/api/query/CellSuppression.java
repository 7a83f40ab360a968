package org.rishe.api.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Marks the cells of a {@link Lattice} that may not be served, so that no cell with a count from 1
 * to k-1 can be recovered by any linear combination of the served cells of all aggregations (in one
 * response or across any number of queries: every served number is a cell of this lattice).
 *
 * <p>Primary suppression: every cell, at every aggregation, whose value is 1 to k-1.
 *
 * <p>Complementary suppression, per primary cell c at aggregation G: let V be the dimensions of G
 * with two or more values and O the others. For each dimension i choose two coordinates {a_i, b_i}:
 * for i in V, a_i = c_i and b_i another value (the hypercube's other side); for i in O, a_i = "all"
 * and b_i = ω_i, one value (c_i itself when i is in G). Every cell of the box ∏{a_i, b_i} (2^d
 * cells) is suppressed. The vector x that is +1 or −1 on the box's finest cells (b on O, the sign
 * alternating with the number of V dimensions at b_i) sums to ±1 in c and to 0 in every cell
 * outside the box — a served cell either sums over a V dimension, where the signs cancel in pairs,
 * or misses the box. So adding x to the finest table changes c and no served cell: c is not
 * determined. Suppression only grows, so every earlier box keeps its proof and one pass suffices.
 *
 * <p>The free choices (b_i for i in V, ω_i for summed dimensions) are made greedily by coordinate
 * descent to cost least: a cell already suppressed costs nothing, another costs 1 + its value, and
 * a finest corner of value 0 costs {@link #ZERO_CORNER} (so nonzero corners are preferred: then x
 * can be added or subtracted without a negative count, and c is undetermined even to someone who
 * knows counts are never negative).
 */
final class CellSuppression {
  static final long ZERO_CORNER = 1L << 40;
  private static final int PASSES = 2;

  private final Lattice lattice;
  private final int k;
  private int complementary;
  private int zeroCornerBoxes;

  private CellSuppression(Lattice lattice, int k) {
    this.lattice = lattice;
    this.k = k;
  }

  /** What {@link #protect} did. */
  record Summary(int primary, int complementary, int zeroCornerBoxes) {}

  /** Suppresses the cells of the lattice that k and the rule above require. */
  static Summary protect(Lattice lattice, int k) {
    if (k < 2) {
      throw new IllegalArgumentException("k must be at least 2, got " + k);
    }
    CellSuppression suppression = new CellSuppression(lattice, k);
    List<Integer> primaries = suppression.primaries();
    for (int cell : primaries) {
      suppression.protectCell(cell);
    }
    return new Summary(primaries.size(), suppression.complementary, suppression.zeroCornerBoxes);
  }

  private List<Integer> primaries() {
    List<Integer> primaries = new ArrayList<>();
    for (int index = 0; index < lattice.values.length; index++) {
      long value = lattice.values[index];
      if (value >= 1 && value < k) {
        lattice.suppressed[index] = true;
        primaries.add(index);
      }
    }
    return primaries;
  }

  private void protectCell(int cell) {
    int d = lattice.dimensionCount();
    int[] c = lattice.coordinates(cell);
    int[] a = new int[d];
    int[] b = new int[d];
    boolean[] free = new boolean[d];
    for (int i = 0; i < d; i++) {
      int size = lattice.sizes[i];
      boolean inG = c[i] != size;
      if (inG && size >= 2) {
        a[i] = c[i];
        b[i] = c[i] == 0 ? 1 : 0;
        free[i] = true;
      } else {
        a[i] = size;
        b[i] = inG ? c[i] : 0;
        free[i] = !inG && size >= 2;
      }
    }
    for (int pass = 0; pass < PASSES; pass++) {
      boolean changed = false;
      for (int i = 0; i < d; i++) {
        if (free[i]) {
          changed |= chooseBest(i, c, a, b);
        }
      }
      if (!changed) {
        break;
      }
    }
    suppressBox(a, b);
  }

  /** Sets b_i to the value (other than c_i where i is in V) whose half of the box costs least. */
  private boolean chooseBest(int dimension, int[] c, int[] a, int[] b) {
    // the box cells with b in this dimension, without its coordinate: computed once, then each
    // candidate value only adds value * stride
    int d = a.length;
    int half = 1 << (d - 1);
    int[] partial = new int[half];
    boolean[] finest = new boolean[half];
    for (int m = 0; m < half; m++) {
      int index = 0;
      boolean allValues = true;
      for (int i = 0, bit = 0; i < d; i++) {
        if (i == dimension) {
          continue;
        }
        int coordinate = (m >> bit++ & 1) == 1 ? b[i] : a[i];
        index += coordinate * lattice.strides[i];
        allValues &= coordinate != lattice.sizes[i];
      }
      partial[m] = index;
      finest[m] = allValues;
    }
    int current = b[dimension];
    int stride = lattice.strides[dimension];
    long best = halfBoxCost(partial, finest, current * stride);
    int chosen = current;
    for (int value = 0; value < lattice.sizes[dimension] && best > 0; value++) {
      if (value == current || value == c[dimension]) {
        continue;
      }
      long cost = halfBoxCost(partial, finest, value * stride);
      if (cost < best) {
        best = cost;
        chosen = value;
      }
    }
    b[dimension] = chosen;
    return chosen != current;
  }

  private long halfBoxCost(int[] partial, boolean[] finest, int offset) {
    long cost = 0;
    for (int m = 0; m < partial.length; m++) {
      cost += cellCost(partial[m] + offset, finest[m]);
    }
    return cost;
  }

  private long cellCost(int index, boolean finest) {
    long value = lattice.values[index];
    long cost = lattice.suppressed[index] ? 0 : 1 + value;
    return finest && value == 0 ? cost + ZERO_CORNER : cost;
  }

  private void suppressBox(int[] a, int[] b) {
    int d = a.length;
    boolean zeroCorner = false;
    for (int mask = 0; mask < 1 << d; mask++) {
      int index = 0;
      boolean finest = true;
      for (int i = 0; i < d; i++) {
        int coordinate = (mask >> i & 1) == 1 ? b[i] : a[i];
        index += coordinate * lattice.strides[i];
        finest &= coordinate != lattice.sizes[i];
      }
      if (!lattice.suppressed[index]) {
        lattice.suppressed[index] = true;
        complementary++;
      }
      zeroCorner |= finest && lattice.values[index] == 0;
    }
    if (zeroCorner) {
      zeroCornerBoxes++;
    }
  }
}
