package org.rishe.analytics.impact;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Weighted least squares through the normal equations, solved with the SVD pseudo-inverse so a
 * covariate that is constant in a bootstrap resample (hence collinear with the intercept) yields a
 * minimum-norm solution instead of an exception.
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
    return new SingularValueDecomposition(new Array2DRowRealMatrix(crossProduct, false))
        .getSolver()
        .solve(new ArrayRealVector(right, false))
        .toArray();
  }
}
