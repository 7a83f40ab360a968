package org.rishe.analytics.rootcause;

import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Maximum-likelihood logistic regression by iteratively reweighted least squares, in the JVM, with
 * Wald standard errors from the inverse Fisher information: the same estimator as MLlib's {@code
 * GeneralizedLinearRegression} (family binomial, link logit, IRLS), which a test checks it against.
 * It exists because the root-cause step fits one model per problem × factor × region (thousands per
 * run) and a Spark job per fit costs about a second of scheduling alone. Rows are stored sparsely
 * (most design columns are 0/1 indicators, mostly 0), so one iteration costs the sum over rows of
 * the squared number of non-zero entries rather than rows × columns². A fit that does not converge,
 * or whose information matrix is singular (separation, a constant column), is reported as failed
 * rather than as a number.
 *
 * @param coefficients one per design column, the intercept being column 0 if the caller put it
 *     there
 * @param standardErrors Wald standard errors, same order
 * @param covariance the inverse Fisher information at the estimate (the model-based covariance of
 *     the coefficients), same order
 */
public record LogisticFit(double[] coefficients, double[] standardErrors, double[][] covariance) {
  private static final int MAXIMUM_ITERATIONS = 30;
  private static final double TOLERANCE = 1e-8;

  /** A coefficient this large on the log-odds scale means (quasi-)separation, not an effect. */
  private static final double SEPARATION_LIMIT = 15;

  public LogisticFit {
    coefficients = coefficients.clone();
    standardErrors = standardErrors.clone();
    covariance = Arrays.stream(covariance).map(double[]::clone).toArray(double[][]::new);
  }

  /** Fits {@code outcome ~ design} (the design carries its own intercept column). */
  public static Optional<LogisticFit> fit(double[][] design, double[] outcome) {
    int columns = design[0].length;
    int[][] indices = new int[design.length][];
    double[][] values = new double[design.length][];
    for (int row = 0; row < design.length; row++) {
      int nonZero = 0;
      for (double value : design[row]) {
        nonZero += value == 0 ? 0 : 1;
      }
      indices[row] = new int[nonZero];
      values[row] = new double[nonZero];
      int next = 0;
      for (int column = 0; column < columns; column++) {
        if (design[row][column] != 0) {
          indices[row][next] = column;
          values[row][next++] = design[row][column];
        }
      }
    }
    return fit(indices, values, columns, outcome);
  }

  /**
   * Fits a sparse design: row r has the values {@code values[r]} in the columns {@code indices[r]}
   * (ascending) and zeros elsewhere.
   */
  public static Optional<LogisticFit> fit(
      int[][] indices, double[][] values, int columns, double[] outcome) {
    double[] ones = new double[outcome.length];
    Arrays.fill(ones, 1);
    return fit(indices, values, columns, outcome, ones);
  }

  /**
   * Fits a sparse design where row r stands for {@code weights[r]} identical people (frequency
   * weights), so that a table of distinct patterns and their counts is fitted without expanding it
   * back to one row per person.
   */
  public static Optional<LogisticFit> fit(
      int[][] indices, double[][] values, int columns, double[] outcome, double[] weights) {
    double[] beta = new double[columns];
    for (int iteration = 0; iteration < MAXIMUM_ITERATIONS; iteration++) {
      double[][] information = new double[columns][columns];
      double[] score = new double[columns];
      for (int row = 0; row < indices.length; row++) {
        int[] index = indices[row];
        double[] x = values[row];
        double eta = 0;
        for (int k = 0; k < index.length; k++) {
          eta += x[k] * beta[index[k]];
        }
        double p = 1 / (1 + Math.exp(-eta));
        double weight = weights[row] * p * (1 - p);
        double residual = weights[row] * (outcome[row] - p);
        for (int k = 0; k < index.length; k++) {
          score[index[k]] += x[k] * residual;
          double weighted = weight * x[k];
          double[] informationRow = information[index[k]];
          for (int l = 0; l <= k; l++) {
            informationRow[index[l]] += weighted * x[l];
          }
        }
      }
      Optional<DecompositionSolver> solver = solver(information);
      if (solver.isEmpty()) {
        return Optional.empty();
      }
      double[] step = solver.get().solve(new ArrayRealVector(score, false)).toArray();
      double change = 0;
      for (int j = 0; j < columns; j++) {
        beta[j] += step[j];
        change = Math.max(change, Math.abs(step[j]));
      }
      if (!Double.isFinite(change)) {
        return Optional.empty();
      }
      if (change < TOLERANCE) {
        // The information of this last iteration, at a beta within 1e-8 of the optimum, gives
        // the standard errors, as MLlib's IRLS does.
        return standardErrors(beta, solver.get().getInverse());
      }
    }
    return Optional.empty();
  }

  private static Optional<LogisticFit> standardErrors(double[] beta, RealMatrix covariance) {
    double[] standardErrors = new double[beta.length];
    for (int j = 0; j < beta.length; j++) {
      standardErrors[j] = Math.sqrt(covariance.getEntry(j, j));
      if (!Double.isFinite(standardErrors[j]) || Math.abs(beta[j]) > SEPARATION_LIMIT) {
        return Optional.empty();
      }
    }
    return Optional.of(new LogisticFit(beta, standardErrors, covariance.getData()));
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
