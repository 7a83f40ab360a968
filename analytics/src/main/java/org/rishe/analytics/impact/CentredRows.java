package org.rishe.analytics.impact;

/**
 * Some rows of a design matrix, without its intercept, centred at given means: row i is {@code
 * design[rows[i]][1..] - means}. A view, computed as it is read, so entropy balancing over a
 * million controls does not hold a second copy of their covariates.
 */
final class CentredRows {
  private final double[][] design;
  private final int[] rows;
  private final double[] means;

  CentredRows(double[][] design, int[] rows, double[] means) {
    this.design = design;
    this.rows = rows;
    this.means = means;
  }

  int size() {
    return rows.length;
  }

  int columns() {
    return means.length;
  }

  /** Row {@code i} written into {@code into} (of {@link #columns()} entries), which is returned. */
  double[] row(int i, double[] into) {
    double[] source = design[rows[i]];
    for (int c = 0; c < means.length; c++) {
      into[c] = source[c + 1] - means[c];
    }
    return into;
  }

  /** The dot product of row {@code i} with {@code vector}. */
  double dot(int i, double[] vector) {
    double[] source = design[rows[i]];
    double sum = 0;
    for (int c = 0; c < means.length; c++) {
      sum += (source[c + 1] - means[c]) * vector[c];
    }
    return sum;
  }
}
