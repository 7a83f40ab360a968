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
 * rather than as a number. A Newton step that lowers the likelihood (a start far from the optimum)
 * is halved until it does not, so the iterations cannot run away.
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

  /** Step halvings allowed in one Newton iteration before the fit gives up the safeguard. */
  private static final int MAXIMUM_HALVINGS = 30;

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
    return fit(indices, values, columns, outcome, weights, null);
  }

  /**
   * As {@link #fit(int[][], double[][], int, double[], double[])} with a known term {@code
   * offsets[r]} added to row r's linear predictor (null: none), as when people were sampled with
   * known fractions that depend on the outcome: {@code logit P(case) = offset + design · beta}.
   */
  public static Optional<LogisticFit> fit(
      int[][] indices,
      double[][] values,
      int columns,
      double[] outcome,
      double[] weights,
      double[] offsets) {
    int[] rowStarts = new int[indices.length + 1];
    for (int row = 0; row < indices.length; row++) {
      rowStarts[row + 1] = rowStarts[row] + indices[row].length;
    }
    int[] flatIndices = new int[rowStarts[indices.length]];
    double[] flatValues = new double[flatIndices.length];
    for (int row = 0; row < indices.length; row++) {
      System.arraycopy(indices[row], 0, flatIndices, rowStarts[row], indices[row].length);
      System.arraycopy(values[row], 0, flatValues, rowStarts[row], values[row].length);
    }
    return fit(rowStarts, flatIndices, flatValues, columns, outcome, weights, offsets);
  }

  /**
   * Fits a design of 0/1 indicators held as compressed sparse rows: row r is 1 in the columns
   * {@code indices[rowStarts[r]]} to {@code indices[rowStarts[r + 1] - 1]} (ascending) and 0
   * elsewhere, and stands for {@code weights[r]} identical people. The same estimate as {@link
   * #fit(int[][], double[][], int, double[], double[])} with values 1, without an array per row.
   */
  public static Optional<LogisticFit> fitIndicators(
      int[] rowStarts, int[] indices, int columns, double[] outcome, double[] weights) {
    return fit(rowStarts, indices, null, columns, outcome, weights, null);
  }

  /**
   * IRLS on compressed sparse rows: row r holds the entries {@code rowStarts[r]} to {@code
   * rowStarts[r + 1] - 1} of {@code indices} and {@code values}; {@code values} null means every
   * value is 1; {@code offsets} null means none.
   */
  private static Optional<LogisticFit> fit(
      int[] rowStarts,
      int[] indices,
      double[] values,
      int columns,
      double[] outcome,
      double[] weights,
      double[] offsets) {
    if (rowStarts.length != outcome.length + 1
        || weights.length != outcome.length
        || (offsets != null && offsets.length != outcome.length)) {
      throw new IllegalArgumentException(
          "%d rows, %d outcomes, %d weights and %s offsets: give one of each per row"
              .formatted(
                  rowStarts.length - 1,
                  outcome.length,
                  weights.length,
                  offsets == null ? "no" : String.valueOf(offsets.length)));
    }
    double[] beta = new double[columns];
    double[] previousBeta = null;
    double[] previousStep = null;
    double previousLogLikelihood = Double.NEGATIVE_INFINITY;
    int halvings = 0;
    for (int iteration = 0; iteration < MAXIMUM_ITERATIONS; ) {
      double[][] information = new double[columns][columns];
      double[] score = new double[columns];
      double logLikelihood = 0;
      for (int row = 0; row < outcome.length; row++) {
        int start = rowStarts[row];
        int end = rowStarts[row + 1];
        double eta =
            linearPredictor(beta, indices, values, start, end)
                + (offsets == null ? 0 : offsets[row]);
        double p = 1 / (1 + Math.exp(-eta));
        double weight = weights[row] * p * (1 - p);
        double residual = weights[row] * (outcome[row] - p);
        // log(1 + e^eta) without overflow
        double logOnePlusExp = Math.max(eta, 0) + Math.log1p(Math.exp(-Math.abs(eta)));
        logLikelihood += weights[row] * (outcome[row] * eta - logOnePlusExp);
        if (values == null) {
          addIndicatorRow(information, score, indices, start, end, weight, residual);
        } else {
          addRow(information, score, indices, values, start, end, weight, residual);
        }
      }
      if (previousBeta != null
          && !(logLikelihood >= previousLogLikelihood - 1e-10 * Math.abs(previousLogLikelihood))
          && halvings < MAXIMUM_HALVINGS) {
        // A full Newton step overshot (far from the optimum, as with a large offset): halve it.
        halvings++;
        for (int j = 0; j < columns; j++) {
          previousStep[j] /= 2;
          beta[j] = previousBeta[j] + previousStep[j];
        }
        continue;
      }
      halvings = 0;
      iteration++;
      Optional<DecompositionSolver> solver = solver(information);
      if (solver.isEmpty()) {
        return Optional.empty();
      }
      double[] step = solver.get().solve(new ArrayRealVector(score, false)).toArray();
      previousBeta = beta.clone();
      previousStep = step;
      previousLogLikelihood = logLikelihood;
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

  /** A row's linear predictor; {@code values} null means every value is 1. */
  private static double linearPredictor(
      double[] beta, int[] indices, double[] values, int start, int end) {
    double eta = 0;
    for (int k = start; k < end; k++) {
      eta += (values == null ? 1 : values[k]) * beta[indices[k]];
    }
    return eta;
  }

  /**
   * Adds a row's terms to the score ({@code residual} times the row) and to the lower triangle of
   * the information ({@code weight} times the row's outer product).
   */
  private static void addRow(
      double[][] information,
      double[] score,
      int[] indices,
      double[] values,
      int start,
      int end,
      double weight,
      double residual) {
    for (int k = start; k < end; k++) {
      score[indices[k]] += values[k] * residual;
      double weighted = weight * values[k];
      double[] informationRow = information[indices[k]];
      for (int l = start; l <= k; l++) {
        informationRow[indices[l]] += weighted * values[l];
      }
    }
  }

  /**
   * Adds a row of 0/1 indicators to the score and the lower triangle of the information: the
   * general update with every value 1, whose products by 1 are exact and left out.
   */
  private static void addIndicatorRow(
      double[][] information,
      double[] score,
      int[] indices,
      int start,
      int end,
      double weight,
      double residual) {
    for (int k = start; k < end; k++) {
      score[indices[k]] += residual;
      double[] informationRow = information[indices[k]];
      for (int l = start; l <= k; l++) {
        informationRow[indices[l]] += weight;
      }
    }
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
