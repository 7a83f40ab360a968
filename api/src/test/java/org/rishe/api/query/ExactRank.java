package org.rishe.api.query;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The row space of a growing set of integer vectors, kept in reduced row echelon form with exact
 * fraction-free integer arithmetic (no rounding, so "in the span" is a proof, not a tolerance).
 */
public final class ExactRank {
  private final int columns;
  private final List<BigInteger[]> rows = new ArrayList<>();
  private final List<Integer> pivots = new ArrayList<>();

  public ExactRank(int columns) {
    this.columns = columns;
  }

  public int rank() {
    return rows.size();
  }

  /** Adds a row; true when it was independent of the rows before (the rank grew). */
  public boolean add(int[] row) {
    BigInteger[] reduced = reduce(row);
    int pivot = firstNonZero(reduced);
    if (pivot < 0) {
      return false;
    }
    for (int r = 0; r < rows.size(); r++) {
      BigInteger[] other = rows.get(r);
      if (other[pivot].signum() != 0) {
        rows.set(r, eliminate(other, reduced, pivot));
      }
    }
    rows.add(reduced);
    pivots.add(pivot);
    return true;
  }

  /** Whether the row is a linear combination of the rows added: rank([A; b]) == rank(A). */
  public boolean inSpan(int[] row) {
    return firstNonZero(reduce(row)) < 0;
  }

  private BigInteger[] reduce(int[] row) {
    if (row.length != columns) {
      throw new IllegalArgumentException("a row has " + columns + " columns, got " + row.length);
    }
    BigInteger[] vector = new BigInteger[columns];
    for (int i = 0; i < columns; i++) {
      vector[i] = BigInteger.valueOf(row[i]);
    }
    for (int r = 0; r < rows.size(); r++) {
      int pivot = pivots.get(r);
      if (vector[pivot].signum() != 0) {
        vector = eliminate(vector, rows.get(r), pivot);
      }
    }
    return vector;
  }

  /** {@code target·pivotRow[p] − pivotRow·target[p]}, divided by the gcd of its entries. */
  private static BigInteger[] eliminate(BigInteger[] target, BigInteger[] pivotRow, int pivot) {
    BigInteger scaleTarget = pivotRow[pivot];
    BigInteger scalePivot = target[pivot];
    BigInteger[] result = new BigInteger[target.length];
    BigInteger gcd = BigInteger.ZERO;
    for (int i = 0; i < target.length; i++) {
      result[i] = target[i].multiply(scaleTarget).subtract(pivotRow[i].multiply(scalePivot));
      gcd = gcd.gcd(result[i]);
    }
    if (gcd.signum() != 0 && !gcd.equals(BigInteger.ONE)) {
      for (int i = 0; i < result.length; i++) {
        result[i] = result[i].divide(gcd);
      }
    }
    return result;
  }

  private static int firstNonZero(BigInteger[] vector) {
    for (int i = 0; i < vector.length; i++) {
      if (vector[i].signum() != 0) {
        return i;
      }
    }
    return -1;
  }
}
