package org.rishe.analytics.impact;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Weighted least squares through the normal equations. They are solved by a Cholesky factorisation
 * (Commons Math's, as {@code rootcause.LogisticFit} solves its Newton steps) when every column
 * keeps a share of its weighted sum of squares that the columns before it do not explain ({@link
 * #MINIMUM_PIVOT_SHARE}), and otherwise with the SVD pseudo-inverse, so a covariate that is
 * constant in a subgroup (hence collinear with the intercept) yields a minimum-norm solution
 * instead of an exception. Both solve the same equations; the factorisation costs a fraction of the
 * SVD, and Newton's propensity fits solve one system per iteration: on a 200-family batch, when the
 * SVD solved every system, this method took 9% of an ingest and analyze's CPU and an analyze 10-14%
 * more CPU than now (bench/README.md).
 */
final class LeastSquares {
  private LeastSquares() {}

  /** Coefficients minimising {@code sum weights[i] (y[i] - design[i]·b)^2}. */
  static double[] solve(double[][] design, double[] weights, double[] response) {
    int columns = design[0].length;
    CrossProduct crossProduct = new CrossProduct(columns);
    double[] right = new double[columns];
    for (int row = 0; row < design.length; row++) {
      double[] x = design[row];
      double weight = weights[row];
      for (int i = 0; i < columns; i++) {
        right[i] += weight * x[i] * response[row];
      }
      crossProduct.add(x, weight);
    }
    return solveSymmetric(crossProduct.symmetric(), right);
  }

  /**
   * The sum of {@code scale x x'} over the rows added, a symmetric matrix accumulated in its lower
   * triangle four rows at a time: each entry is then read and written once per four rows rather
   * than once a row, and these sums (the Newton fits', entropy balancing's, the information's) were
   * a third of a million-unit estimate (bench/impact/README.md). Rows are copied as they are added,
   * so a caller may reuse its array.
   */
  static final class CrossProduct {
    private static final int BLOCK = 4;
    private final double[][] sum;
    private final double[][] rows;
    private final double[] scales = new double[BLOCK];
    private int buffered;

    CrossProduct(int columns) {
      sum = new double[columns][columns];
      rows = new double[BLOCK][columns];
    }

    void add(double[] x, double scale) {
      if (scale == 0) {
        return;
      }
      System.arraycopy(x, 0, rows[buffered], 0, x.length);
      scales[buffered++] = scale;
      if (buffered == BLOCK) {
        double[] x0 = rows[0];
        double[] x1 = rows[1];
        double[] x2 = rows[2];
        double[] x3 = rows[3];
        for (int i = 0; i < sum.length; i++) {
          double a0 = scales[0] * x0[i];
          double a1 = scales[1] * x1[i];
          double a2 = scales[2] * x2[i];
          double a3 = scales[3] * x3[i];
          double[] row = sum[i];
          for (int j = 0; j <= i; j++) {
            row[j] += a0 * x0[j] + a1 * x1[j] + a2 * x2[j] + a3 * x3[j];
          }
        }
        buffered = 0;
      }
    }

    /** The whole symmetric sum of the rows added so far (the sum itself, not a copy). */
    double[][] symmetric() {
      for (int row = 0; row < buffered; row++) {
        addOuterLower(sum, rows[row], scales[row]);
      }
      buffered = 0;
      return mirrorLower(sum);
    }
  }

  /**
   * Adds {@code scale x x'} to the lower triangle (column ≤ row) of the symmetric {@code sum}, half
   * the work of the whole square; {@link #mirrorLower} fills the upper triangle once all are added.
   */
  private static void addOuterLower(double[][] sum, double[] x, double scale) {
    for (int i = 0; i < sum.length; i++) {
      double scaled = scale * x[i];
      if (scaled == 0) {
        continue;
      }
      double[] row = sum[i];
      for (int j = 0; j <= i; j++) {
        row[j] += scaled * x[j];
      }
    }
  }

  /** Copies the lower triangle of {@code sum} onto its upper one; returns {@code sum}. */
  private static double[][] mirrorLower(double[][] sum) {
    for (int i = 0; i < sum.length; i++) {
      for (int j = 0; j < i; j++) {
        sum[j][i] = sum[i][j];
      }
    }
    return sum;
  }

  /**
   * The solution of {@code matrix x = right} for a symmetric positive semi-definite {@code matrix}:
   * by its Cholesky factorisation ({@link #choleskySolve}) when no column is collinear with those
   * before it, else the minimum-norm solution through the SVD pseudo-inverse, which ignores a
   * column constant in the sample. Both give the same solution of a nonsingular system.
   */
  static double[] solveSymmetric(double[][] matrix, double[] right) {
    double[] solution = choleskySolve(matrix, right);
    if (solution != null) {
      return solution;
    }
    return new SingularValueDecomposition(new Array2DRowRealMatrix(matrix, false))
        .getSolver()
        .solve(new ArrayRealVector(right, false))
        .toArray();
  }

  /**
   * Below this share of its own weighted sum of squares left unexplained by the earlier columns
   * (one minus its R² on them), a column counts as collinear and the SVD solves the system.
   */
  static final double MINIMUM_PIVOT_SHARE = 1e-10;

  /**
   * The solution of {@code a x = b} for a symmetric {@code a} by its Cholesky factorisation, or
   * null when a column's pivot falls below {@link #MINIMUM_PIVOT_SHARE} of its diagonal entry (or
   * the entry is not positive). The system is first scaled to a unit diagonal, {@code D^-1/2 a
   * D^-1/2}, whose pivots are exactly those shares, so the factorisation's threshold on them is
   * relative to each column's own scale. Leaves its arguments unchanged.
   */
  static double[] choleskySolve(double[][] a, double[] b) {
    int n = b.length;
    double[] scale = new double[n];
    for (int i = 0; i < n; i++) {
      if (!(a[i][i] > 0)) {
        return null;
      }
      scale[i] = Math.sqrt(a[i][i]);
    }
    double[][] scaled = new double[n][n];
    double[] right = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        scaled[i][j] = a[i][j] / (scale[i] * scale[j]);
      }
      right[i] = b[i] / scale[i];
    }
    double[] x;
    try {
      x =
          new CholeskyDecomposition(
                  new Array2DRowRealMatrix(scaled, false),
                  CholeskyDecomposition.DEFAULT_RELATIVE_SYMMETRY_THRESHOLD,
                  MINIMUM_PIVOT_SHARE)
              .getSolver()
              .solve(new ArrayRealVector(right, false))
              .toArray();
    } catch (NonPositiveDefiniteMatrixException e) {
      return null;
    }
    for (int i = 0; i < n; i++) {
      x[i] /= scale[i];
    }
    return x;
  }
}
