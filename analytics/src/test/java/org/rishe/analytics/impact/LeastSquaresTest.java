package org.rishe.analytics.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

class LeastSquaresTest {
  @Test
  void aLineThroughThreePointsHasTheTextbookSlopeAndIntercept() {
    // x = 0, 1, 2 and y = 1, 2, 2: slope Sxy / Sxx = 1 / 2, intercept 5/3 - 1/2 = 7/6
    assertSolution(LINE, new double[] {1, 1, 1}, new double[] {1, 2, 2}, 7.0 / 6, 0.5);
  }

  @Test
  void weightsCountARowAsThatManyCopiesOfIt() {
    // the second point twice: x = 0, 1, 1, 2 and y = 1, 2, 2, 2, so slope 1/2, intercept 7/4 - 1/2
    assertSolution(LINE, new double[] {1, 2, 1}, new double[] {1, 2, 2}, 1.25, 0.5);
  }

  @Test
  void aConstantOrRepeatedColumnGetsTheMinimumNormSolution() {
    double[] ones = {1, 1, 1};
    double[] y = {1, 2, 3};
    // a covariate that is all zeros contributes nothing: intercept = mean of y, coefficient 0
    assertSolution(new double[][] {{1, 0}, {1, 0}, {1, 0}}, ones, y, 2, 0);
    // the intercept twice: b0 + b1 = 2, and the shortest such pair is 1, 1
    assertSolution(new double[][] {{1, 1}, {1, 1}, {1, 1}}, ones, y, 1, 1);
  }

  private static final double[][] LINE = {{1, 0}, {1, 1}, {1, 2}};

  @Test
  void aCrossProductOfSixRowsInOneReusedArrayIsTheSumWorkedByHand() {
    // rows (1, t) for t = 0..5 with scales 1, 2, 0, 1, 1, 3: a block of four and two left over,
    // a zero scale skipped. Sums: Σs = 8, Σs t = 0+2+0+3+4+15 = 24, Σs t² = 0+2+0+9+16+75 = 102
    double[] scales = {1, 2, 0, 1, 1, 3};
    LeastSquares.CrossProduct sum = new LeastSquares.CrossProduct(2);
    double[] row = new double[2];
    for (int t = 0; t < scales.length; t++) {
      row[0] = 1;
      row[1] = t;
      sum.add(row, scales[t]);
      row[1] = -99;
    }
    assertThat(sum.symmetric()).isDeepEqualTo(new double[][] {{8, 24}, {24, 102}});
  }

  private static void assertSolution(
      double[][] design, double[] weights, double[] response, double... expected) {
    double[] solution = LeastSquares.solve(design, weights, response);
    assertThat(solution).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertThat(solution[i]).as("coefficient %d", i).isCloseTo(expected[i], within(1e-12));
    }
  }

  @Test
  void theFactorisationSolvesWhatTheSvdSolvesAndRefusesACollinearSystem() {
    Random random = new Random(11);
    int n = 12;
    double[][] a = new double[n][n];
    double[][] m = new double[n][n];
    for (double[] row : m) {
      for (int j = 0; j < n; j++) {
        row[j] = random.nextGaussian();
      }
    }
    // a = m mᵀ + n I: symmetric and well conditioned
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        for (int k = 0; k < n; k++) {
          a[i][j] += m[i][k] * m[j][k];
        }
      }
      a[i][i] += n;
    }
    double[] b = random.doubles(n).toArray();
    double[] expected =
        new SingularValueDecomposition(new Array2DRowRealMatrix(a))
            .getSolver()
            .solve(new ArrayRealVector(b))
            .toArray();
    double[] x = LeastSquares.choleskySolve(a, b);
    for (int i = 0; i < n; i++) {
      assertThat(x[i]).isCloseTo(expected[i], within(1e-12));
    }
    assertThat(LeastSquares.choleskySolve(new double[][] {{1, 1}, {1, 1}}, new double[] {1, 1}))
        .isNull();
    assertThat(LeastSquares.choleskySolve(new double[][] {{1, 0}, {0, 0}}, new double[] {1, 0}))
        .isNull();
  }
}
