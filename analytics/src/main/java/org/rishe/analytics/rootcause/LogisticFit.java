package org.rishe.analytics.rootcause;

import java.util.Optional;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Maximum-likelihood logistic regression by iteratively reweighted least squares, in the JVM, with
 * Wald standard errors from the inverse Fisher information: the same estimator as MLlib's {@code
 * GeneralizedLinearRegression} (family binomial, link logit, IRLS), which a test checks it against.
 * It exists because the root-cause step fits one model per problem × factor × region (thousands per
 * run) and a Spark job per fit costs about a second of scheduling alone, while a fit here on 50,000
 * rows takes a fraction of that. A fit that does not converge, or whose information matrix is
 * singular (separation, a constant column), is reported as failed rather than as a number.
 *
 * @param coefficients one per design column, the intercept being column 0 if the caller put it
 *     there
 * @param standardErrors Wald standard errors, same order
 */
public record LogisticFit(double[] coefficients, double[] standardErrors) {
  private static final int MAXIMUM_ITERATIONS = 30;
  private static final double TOLERANCE = 1e-8;

  /** A coefficient this large on the log-odds scale means (quasi-)separation, not an effect. */
  private static final double SEPARATION_LIMIT = 15;

  public LogisticFit {
    coefficients = coefficients.clone();
    standardErrors = standardErrors.clone();
  }

  /** Fits {@code outcome ~ design} (the design carries its own intercept column). */
  public static Optional<LogisticFit> fit(double[][] design, double[] outcome) {
    int columns = design[0].length;
    double[] beta = new double[columns];
    double previousDeviance = Double.POSITIVE_INFINITY;
    for (int iteration = 0; iteration < MAXIMUM_ITERATIONS; iteration++) {
      double[][] information = new double[columns][columns];
      double[] score = new double[columns];
      double deviance = 0;
      for (int row = 0; row < design.length; row++) {
        double[] x = design[row];
        double eta = 0;
        for (int j = 0; j < columns; j++) {
          eta += x[j] * beta[j];
        }
        double p = 1 / (1 + Math.exp(-eta));
        double weight = p * (1 - p);
        double residual = outcome[row] - p;
        deviance -= 2 * (outcome[row] > 0.5 ? Math.log(p) : Math.log(1 - p));
        for (int i = 0; i < columns; i++) {
          if (x[i] == 0) {
            continue;
          }
          score[i] += x[i] * residual;
          double weighted = weight * x[i];
          for (int j = 0; j <= i; j++) {
            information[i][j] += weighted * x[j];
          }
        }
      }
      Optional<DecompositionSolver> solver = solver(information);
      if (solver.isEmpty()) {
        return Optional.empty();
      }
      double[] step =
          solver.get().solve(new org.apache.commons.math3.linear.ArrayRealVector(score)).toArray();
      double change = 0;
      for (int j = 0; j < columns; j++) {
        beta[j] += step[j];
        change = Math.max(change, Math.abs(step[j]));
      }
      if (!Double.isFinite(change)) {
        return Optional.empty();
      }
      boolean converged =
          change < TOLERANCE
              || Math.abs(previousDeviance - deviance) < TOLERANCE * (Math.abs(deviance) + 0.1);
      previousDeviance = deviance;
      if (converged) {
        return finish(design, beta);
      }
    }
    return Optional.empty();
  }

  private static Optional<LogisticFit> finish(double[][] design, double[] beta) {
    int columns = beta.length;
    double[][] information = new double[columns][columns];
    for (double[] x : design) {
      double eta = 0;
      for (int j = 0; j < columns; j++) {
        eta += x[j] * beta[j];
      }
      double p = 1 / (1 + Math.exp(-eta));
      double weight = p * (1 - p);
      for (int i = 0; i < columns; i++) {
        for (int j = 0; j <= i; j++) {
          information[i][j] += weight * x[i] * x[j];
        }
      }
    }
    Optional<DecompositionSolver> solver = solver(information);
    if (solver.isEmpty()) {
      return Optional.empty();
    }
    RealMatrix covariance = solver.get().getInverse();
    double[] standardErrors = new double[columns];
    for (int j = 0; j < columns; j++) {
      standardErrors[j] = Math.sqrt(covariance.getEntry(j, j));
      if (!Double.isFinite(standardErrors[j]) || Math.abs(beta[j]) > SEPARATION_LIMIT) {
        return Optional.empty();
      }
    }
    return Optional.of(new LogisticFit(beta, standardErrors));
  }

  private static Optional<DecompositionSolver> solver(double[][] lowerTriangle) {
    int columns = lowerTriangle.length;
    for (int i = 0; i < columns; i++) {
      for (int j = i + 1; j < columns; j++) {
        lowerTriangle[i][j] = lowerTriangle[j][i];
      }
    }
    try {
      return Optional.of(
          new CholeskyDecomposition(
                  new Array2DRowRealMatrix(lowerTriangle, false),
                  CholeskyDecomposition.DEFAULT_RELATIVE_SYMMETRY_THRESHOLD,
                  1e-10)
              .getSolver());
    } catch (NonPositiveDefiniteMatrixException e) {
      // A singular information matrix: a constant or collinear column, or separation.
      return Optional.empty();
    }
  }
}
