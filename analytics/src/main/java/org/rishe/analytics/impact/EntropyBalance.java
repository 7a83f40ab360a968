package org.rishe.analytics.impact;

/**
 * Entropy-balancing weights (Hainmueller 2012): given each control's covariates centred at the
 * treated means, the weights q (summing to 1) closest to uniform in Kullback–Leibler divergence
 * whose weighted mean of every column is zero. They are q ∝ exp(λ'z) with λ minimising the convex
 * dual log Σ exp(λ'z); Newton steps (gradient Σ q z, Hessian the q-weighted covariance of z) with
 * backtracking find it in a handful of iterations when a solution exists.
 */
final class EntropyBalance {
  private static final int MAXIMUM_ITERATIONS = 200;
  private static final double TOLERANCE = 1e-8;

  private EntropyBalance() {}

  /**
   * The normalised weights of the rows of {@code centred} (one row per control, columns on a unit
   * scale, centred at the treated means), or null when no weights balance every column (a treated
   * mean outside the controls' range, or a column constant among the controls but not at the
   * treated mean).
   */
  static double[] weights(CentredRows centred) {
    if (centred.size() == 0) {
      return null;
    }
    int columns = centred.columns();
    double[] row = new double[columns];
    double[] lambda = new double[columns];
    double objective = logSumExp(centred, lambda);
    for (int iteration = 0; iteration < MAXIMUM_ITERATIONS; iteration++) {
      double[] q = normalised(centred, lambda);
      double[] gradient = new double[columns];
      LeastSquares.CrossProduct secondMoments = new LeastSquares.CrossProduct(columns);
      for (int i = 0; i < centred.size(); i++) {
        centred.row(i, row);
        AttInfluence.addScaled(gradient, row, q[i]);
        secondMoments.add(row, q[i]);
      }
      double[][] hessian = secondMoments.symmetric();
      double largest = 0;
      for (int c = 0; c < columns; c++) {
        largest = Math.max(largest, Math.abs(gradient[c]));
        for (int d = 0; d < columns; d++) {
          hessian[c][d] -= gradient[c] * gradient[d];
        }
      }
      if (largest < TOLERANCE) {
        return q;
      }
      double[] step = LeastSquares.solveSymmetric(hessian, gradient);
      double slope = -AttInfluence.dot(gradient, step);
      if (!(slope < 0)) {
        return null;
      }
      double size = 1;
      double[] candidate = new double[columns];
      double candidateObjective = Double.POSITIVE_INFINITY;
      for (int halving = 0; halving < 50; halving++) {
        for (int c = 0; c < columns; c++) {
          candidate[c] = lambda[c] - size * step[c];
        }
        candidateObjective = logSumExp(centred, candidate);
        if (candidateObjective <= objective + 1e-4 * size * slope) {
          break;
        }
        size /= 2;
      }
      if (!(candidateObjective < objective)) {
        // no progress possible: at the infimum of an infeasible problem, or at machine precision
        double[] last = normalised(centred, lambda);
        return balanced(centred, last) ? last : null;
      }
      lambda = candidate.clone();
      objective = candidateObjective;
    }
    double[] q = normalised(centred, lambda);
    return balanced(centred, q) ? q : null;
  }

  private static boolean balanced(CentredRows centred, double[] q) {
    double[] gradient = new double[centred.columns()];
    double[] row = new double[centred.columns()];
    for (int i = 0; i < centred.size(); i++) {
      AttInfluence.addScaled(gradient, centred.row(i, row), q[i]);
    }
    for (double value : gradient) {
      if (!(Math.abs(value) < 1e-6)) {
        return false;
      }
    }
    return true;
  }

  private static double[] normalised(CentredRows centred, double[] lambda) {
    double[] exponents = new double[centred.size()];
    double largest = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < centred.size(); i++) {
      exponents[i] = centred.dot(i, lambda);
      largest = Math.max(largest, exponents[i]);
    }
    double sum = 0;
    for (int i = 0; i < exponents.length; i++) {
      exponents[i] = Math.exp(exponents[i] - largest);
      sum += exponents[i];
    }
    for (int i = 0; i < exponents.length; i++) {
      exponents[i] /= sum;
    }
    return exponents;
  }

  private static double logSumExp(CentredRows centred, double[] lambda) {
    double largest = Double.NEGATIVE_INFINITY;
    double[] exponents = new double[centred.size()];
    for (int i = 0; i < centred.size(); i++) {
      exponents[i] = centred.dot(i, lambda);
      largest = Math.max(largest, exponents[i]);
    }
    double sum = 0;
    for (double exponent : exponents) {
      sum += Math.exp(exponent - largest);
    }
    return largest + Math.log(sum);
  }
}
