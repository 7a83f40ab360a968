package org.rishe.analytics.impact;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Weighted least squares through the normal equations. They are solved by a Cholesky factorisation
 * when every column keeps a share of its weighted sum of squares that the columns before it do not
 * explain ({@link #MINIMUM_PIVOT_SHARE}), and otherwise with the SVD pseudo-inverse, so a covariate
 * that is constant in a subgroup (hence collinear with the intercept) yields a minimum-norm
 * solution instead of an exception. Both solve the same equations; the factorisation of a k × k
 * system costs k³/6 multiplications against the SVD's tens of k³, and Newton's propensity fits
 * solve one per iteration (the SVD was 7% of a small analyze's CPU).
 */
final class LeastSquares {
  private LeastSquares() {}

  /** Coefficients minimising {@code sum weights[i] (y[i] - design[i]·b)^2}. */
  static double[] solve(double[][] design, double[] weights, double[] response) {
    int columns = design[0].length;
    double[][] crossProduct = new double[columns][columns];
    double[] right = new double[columns];
    for (int row = 0; row < design.length; row++) {
      double[] x = design[row];
      double weight = weights[row];
      for (int i = 0; i < columns; i++) {
        double weighted = weight * x[i];
        right[i] += weighted * response[row];
        for (int j = 0; j <= i; j++) {
          crossProduct[i][j] += weighted * x[j];
        }
      }
    }
    for (int i = 0; i < columns; i++) {
      for (int j = i + 1; j < columns; j++) {
        crossProduct[i][j] = crossProduct[j][i];
      }
    }
    double[] solution = choleskySolve(crossProduct, right);
    if (solution != null) {
      return solution;
    }
    return new SingularValueDecomposition(new Array2DRowRealMatrix(crossProduct, false))
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
   * The solution of {@code a x = b} for a symmetric {@code a} through {@code a = L Lᵀ}, or null
   * when a pivot falls below {@link #MINIMUM_PIVOT_SHARE} of its diagonal entry (or the entry is
   * zero). Leaves its arguments unchanged.
   */
  static double[] choleskySolve(double[][] a, double[] b) {
    int n = b.length;
    double[][] lower = new double[n][n];
    for (int j = 0; j < n; j++) {
      double pivot = a[j][j];
      for (int k = 0; k < j; k++) {
        pivot -= lower[j][k] * lower[j][k];
      }
      if (!(a[j][j] > 0) || !(pivot > MINIMUM_PIVOT_SHARE * a[j][j])) {
        return null;
      }
      double diagonal = Math.sqrt(pivot);
      lower[j][j] = diagonal;
      for (int i = j + 1; i < n; i++) {
        double sum = a[i][j];
        for (int k = 0; k < j; k++) {
          sum -= lower[i][k] * lower[j][k];
        }
        lower[i][j] = sum / diagonal;
      }
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = b[i];
      for (int k = 0; k < i; k++) {
        sum -= lower[i][k] * y[k];
      }
      y[i] = sum / lower[i][i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double sum = y[i];
      for (int k = i + 1; k < n; k++) {
        sum -= lower[k][i] * x[k];
      }
      x[i] = sum / lower[i][i];
    }
    return x;
  }
}
