package org.rishe.analytics.stats;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import org.apache.commons.math3.special.Gamma;

/**
 * What a 2×2 table needs to know about families to give family-clustered intervals and tests: the
 * number of families with at least one person in the table, and over those families the sums of
 * products of each family's own four cells x = (exposed cases, exposed non-cases, unexposed cases,
 * unexposed non-cases), i.e. the ten distinct entries of Σ_f x_f x_f'. Siblings share their
 * family's circumstances, so they are not independent draws; these sums are all a cluster-robust
 * (sandwich) variance of the table's measures needs, and they are summed like the counts, so they
 * come from the same one pass over people with memory bounded by the number of tables.
 *
 * <p>Every measure here is a smooth function of the four totals, so its estimate has influence u_f
 * = k'x_f per family, k the gradient of the measure in the cells (see {@code docs/methods.md},
 * "Family clustering of the 2×2 measures"); the variance is G/(G−1) Σ_f u_f² = G/(G−1) k'(Σ_f x_f
 * x_f')k over the table's G families (the CR1 small-sample factor). With every family of one
 * person, u_f is a person's own term and the variances are exactly Katz's (relative risk) and
 * Woolf's (odds ratio) without the factor, and the test is Pearson's chi-square.
 */
public record FamilySums(long families, double[] products) {
  private static final int CELLS = 4;

  public FamilySums {
    requireNonNull(products, "products is null");
    if (products.length != CELLS * (CELLS + 1) / 2) {
      throw new IllegalArgumentException(
          "products has %d entries, expected the 10 of a symmetric 4 x 4"
              .formatted(products.length));
    }
    products = products.clone();
  }

  /** Where Σ_f x_f[i] x_f[j] (i ≤ j, cells in the order above) is kept in {@link #products}. */
  public static int index(int i, int j) {
    int low = Math.min(i, j);
    int high = Math.max(i, j);
    return low * CELLS - low * (low - 1) / 2 + (high - low);
  }

  /** The sums of families each of one person, for the table given: what independence assumes. */
  public static FamilySums ofIndependentPeople(TwoByTwo table) {
    double[] products = new double[CELLS * (CELLS + 1) / 2];
    double[] cells = cells(table);
    for (int cell = 0; cell < CELLS; cell++) {
      products[index(cell, cell)] = cells[cell];
    }
    return new FamilySums(table.total(), products);
  }

  /**
   * Relative risk with a 95% interval on the log scale from the family-clustered variance; a table
   * with an empty cell keeps {@link TwoByTwo#relativeRisk()} (Haldane–Anscombe), since one empty
   * cell leaves the clustered variance undefined.
   */
  public Estimate relativeRisk(TwoByTwo table) {
    if (table.hasZeroCell()) {
      return table.relativeRisk();
    }
    double[] x = cells(table);
    double exposedRisk = x[0] / table.exposedTotal();
    double unexposedRisk = x[2] / table.unexposedTotal();
    // log p1 - log p0; d log p1 = (a_f - p1 n1_f) / A, d log p0 = (c_f - p0 n0_f) / C
    double[] gradient = {
      (1 - exposedRisk) / x[0],
      -exposedRisk / x[0],
      -(1 - unexposedRisk) / x[2],
      unexposedRisk / x[2]
    };
    return logScale(Math.log(exposedRisk / unexposedRisk), gradient);
  }

  /** Odds ratio as {@link #relativeRisk}: logit p1 − logit p0, clustered log-scale interval. */
  public Estimate oddsRatio(TwoByTwo table) {
    if (table.hasZeroCell()) {
      return table.oddsRatio();
    }
    double[] x = cells(table);
    // d logit p1 = (a_f - p1 n1_f) / (N1 p1 (1 - p1)) = a_f / A - b_f / B; likewise for p0
    double[] gradient = {1 / x[0], -1 / x[1], -1 / x[2], 1 / x[3]};
    return logScale(Math.log(x[0] * x[3] / (x[1] * x[2])), gradient);
  }

  /**
   * Two-sided p-value of no association: Pearson's chi-square divided by the design effect of the
   * risk difference (Rao &amp; Scott's first-order correction for clustered samples), the ratio of
   * its family-clustered variance to the variance the same formula gives when every person is their
   * own family, p1(1−p1)/N1 + p0(1−p0)/N0. With every family of one person the design effect is 1
   * and the p-value is {@link TwoByTwo#chiSquarePValue()}. Tables with an expected count below 5
   * keep Fisher's exact test, as {@link TwoByTwo#pValue()} does; so does a table whose risks are
   * both 0 or both 1 within a group (no variance to correct).
   */
  public double pValue(TwoByTwo table) {
    double unclustered = table.pValue();
    if (Double.compare(unclustered, table.chiSquarePValue()) != 0) {
      return unclustered;
    }
    double[] gradient = riskDifferenceGradient(table);
    double independent = ofIndependentPeople(table).sum(gradient);
    double clustered = sum(gradient);
    if (!(independent > 0) || !(clustered > 0)) {
      return unclustered;
    }
    double statistic = table.chiSquareStatistic() * independent / clustered;
    return Gamma.regularizedGammaQ(0.5, statistic / 2);
  }

  /** d (p1 − p0) per family: (a_f − p1 n1_f) / N1 − (c_f − p0 n0_f) / N0. */
  private static double[] riskDifferenceGradient(TwoByTwo table) {
    double exposed = table.exposedTotal();
    double unexposed = table.unexposedTotal();
    double exposedRisk = table.exposedCases() / exposed;
    double unexposedRisk = table.unexposedCases() / unexposed;
    return new double[] {
      (1 - exposedRisk) / exposed,
      -exposedRisk / exposed,
      -(1 - unexposedRisk) / unexposed,
      unexposedRisk / unexposed
    };
  }

  private Estimate logScale(double logRatio, double[] gradient) {
    return TwoByTwo.logScaleEstimate(logRatio, Math.sqrt(variance(gradient)));
  }

  /** G/(G−1) k'(Σ x x')k, or k'(Σ x x')k when there is a single family. */
  double variance(double[] gradient) {
    double sum = sum(gradient);
    return families > 1 ? sum * families / (families - 1) : sum;
  }

  /** k'(Σ_f x_f x_f')k: the sum of the families' squared influences. */
  private double sum(double[] gradient) {
    double sum = 0;
    for (int i = 0; i < CELLS; i++) {
      for (int j = 0; j < CELLS; j++) {
        sum += gradient[i] * gradient[j] * products[index(i, j)];
      }
    }
    return sum;
  }

  private static double[] cells(TwoByTwo table) {
    return new double[] {
      table.exposedCases(),
      table.exposedTotal() - table.exposedCases(),
      table.unexposedCases(),
      table.unexposedTotal() - table.unexposedCases()
    };
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FamilySums sums
        && sums.families == families
        && Arrays.equals(sums.products, products);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(families) + Arrays.hashCode(products);
  }

  @Override
  public String toString() {
    return "FamilySums[families=" + families + ", products=" + Arrays.toString(products) + "]";
  }
}
