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
    double[] b =
        LeastSquares.solve(
            new double[][] {{1, 0}, {1, 1}, {1, 2}},
            new double[] {1, 1, 1},
            new double[] {1, 2, 2});
    assertThat(b[0]).isCloseTo(7.0 / 6, within(1e-12));
    assertThat(b[1]).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void weightsCountARowAsThatManyCopiesOfIt() {
    // the second point twice: x = 0, 1, 1, 2 and y = 1, 2, 2, 2, so slope 1/2, intercept 7/4 - 1/2
    double[] b =
        LeastSquares.solve(
            new double[][] {{1, 0}, {1, 1}, {1, 2}},
            new double[] {1, 2, 1},
            new double[] {1, 2, 2});
    assertThat(b[0]).isCloseTo(1.25, within(1e-12));
    assertThat(b[1]).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void aConstantOrRepeatedColumnGetsTheMinimumNormSolution() {
    // a covariate that is all zeros contributes nothing: intercept = mean of y, coefficient 0
    double[] zero =
        LeastSquares.solve(
            new double[][] {{1, 0}, {1, 0}, {1, 0}},
            new double[] {1, 1, 1},
            new double[] {1, 2, 3});
    assertThat(zero[0]).isCloseTo(2, within(1e-12));
    assertThat(zero[1]).isCloseTo(0, within(1e-12));
    // the intercept twice: b0 + b1 = 2, and the shortest such pair is 1, 1
    double[] twice =
        LeastSquares.solve(
            new double[][] {{1, 1}, {1, 1}, {1, 1}},
            new double[] {1, 1, 1},
            new double[] {1, 2, 3});
    assertThat(twice[0]).isCloseTo(1, within(1e-12));
    assertThat(twice[1]).isCloseTo(1, within(1e-12));
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
