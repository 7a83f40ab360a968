package org.rishe.analytics.impact;

/**
 * Covariates centred and scaled to unit standard deviation, with a leading intercept column. Both
 * logistic fits and the outcome regression work on this scale: raw earnings squared reach 1e9 and
 * would otherwise ruin the conditioning of the normal equations. A constant covariate becomes a
 * column of zeros, which the pseudo-inverse solver in {@link LeastSquares} then ignores.
 */
final class Standardised {
  private Standardised() {}

  /**
   * Design matrix of the whole sample: row per unit, column 0 the intercept. Built once per sample
   * and shared by every estimator: read it, never write it.
   */
  static double[][] designMatrix(ImpactSample sample) {
    return sample.design();
  }

  static double[][] build(ImpactSample sample) {
    int size = sample.size();
    int columns = sample.covariateCount();
    double[][] design = new double[size][columns + 1];
    for (int covariate = 0; covariate < columns; covariate++) {
      double mean = 0;
      for (int unit = 0; unit < size; unit++) {
        mean += sample.covariate(unit, covariate);
      }
      mean /= size;
      double sumOfSquares = 0;
      for (int unit = 0; unit < size; unit++) {
        double deviation = sample.covariate(unit, covariate) - mean;
        sumOfSquares += deviation * deviation;
      }
      double deviation = Math.sqrt(sumOfSquares / Math.max(1, size - 1));
      for (int unit = 0; unit < size; unit++) {
        design[unit][covariate + 1] =
            deviation > 0 ? (sample.covariate(unit, covariate) - mean) / deviation : 0;
      }
    }
    for (int unit = 0; unit < size; unit++) {
      design[unit][0] = 1;
    }
    return design;
  }

  static double linearPredictor(double[] row, double[] coefficients) {
    double sum = 0;
    for (int column = 0; column < row.length; column++) {
      sum += row[column] * coefficients[column];
    }
    return sum;
  }

  static double logistic(double linearPredictor) {
    return 1 / (1 + Math.exp(-linearPredictor));
  }
}
