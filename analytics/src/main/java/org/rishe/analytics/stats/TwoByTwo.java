package org.rishe.analytics.stats;

import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Gamma;

/**
 * A 2×2 table of an exposure against an outcome, with the association measures and tests that the
 * root-cause analysis reports. Its sample size is {@link #total()}.
 *
 * <p>Zero cells: the relative risk and odds ratio (and their intervals) are undefined when any cell
 * is zero, so both then use the Haldane–Anscombe correction, adding 0.5 to each of the four cells
 * (and so 1 to each group total). Tables without a zero cell are left untouched. The risk
 * difference needs no correction: its Newcombe interval is built from Wilson intervals, which stay
 * valid at 0 and n.
 */
public record TwoByTwo(
    long exposedCases, long exposedTotal, long unexposedCases, long unexposedTotal) {
  private static final double Z_95 =
      new NormalDistribution(0, 1).inverseCumulativeProbability(0.975);

  /** R's fisher.test treats probabilities within this relative distance of the observed as ties. */
  private static final double FISHER_RELATIVE_TOLERANCE = 1e-7;

  public TwoByTwo {
    checkGroup("exposed", exposedCases, exposedTotal);
    checkGroup("unexposed", unexposedCases, unexposedTotal);
  }

  private static void checkGroup(String group, long cases, long total) {
    if (total <= 0) {
      throw new IllegalArgumentException(
          group + " total must be positive, got " + total + ": a comparison needs both groups");
    }
    if (cases < 0 || cases > total) {
      throw new IllegalArgumentException(
          group + " cases must be between 0 and " + total + ", got " + cases);
    }
  }

  /** Number of units in the table. */
  public long total() {
    return exposedTotal + unexposedTotal;
  }

  private long exposedNonCases() {
    return exposedTotal - exposedCases;
  }

  private long unexposedNonCases() {
    return unexposedTotal - unexposedCases;
  }

  boolean hasZeroCell() {
    return exposedCases == 0
        || exposedNonCases() == 0
        || unexposedCases == 0
        || unexposedNonCases() == 0;
  }

  /** Risk among the exposed over risk among the unexposed, 95% CI on the log scale (Katz). */
  public Estimate relativeRisk() {
    double correction = hasZeroCell() ? 0.5 : 0;
    double a = exposedCases + correction;
    double exposed = exposedTotal + 2 * correction;
    double c = unexposedCases + correction;
    double unexposed = unexposedTotal + 2 * correction;
    double logRatio = Math.log((a / exposed) / (c / unexposed));
    double standardError = Math.sqrt(1 / a - 1 / exposed + 1 / c - 1 / unexposed);
    return logScaleEstimate(logRatio, standardError);
  }

  /** Odds ratio, 95% CI on the log scale (Woolf). */
  public Estimate oddsRatio() {
    double correction = hasZeroCell() ? 0.5 : 0;
    double a = exposedCases + correction;
    double b = exposedNonCases() + correction;
    double c = unexposedCases + correction;
    double d = unexposedNonCases() + correction;
    double logRatio = Math.log(a * d / (b * c));
    double standardError = Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
    return logScaleEstimate(logRatio, standardError);
  }

  static Estimate logScaleEstimate(double logRatio, double standardError) {
    return new Estimate(
        Math.exp(logRatio),
        Math.exp(logRatio - Z_95 * standardError),
        Math.exp(logRatio + Z_95 * standardError));
  }

  /**
   * Risk among the exposed minus risk among the unexposed, with Newcombe's hybrid score interval
   * (method 10 of Newcombe 1998), which combines the two Wilson intervals and, unlike the Wald
   * interval, does not collapse when a risk is 0 or 1.
   */
  public Estimate riskDifference() {
    Estimate exposed = Proportions.wilson(exposedCases, exposedTotal);
    Estimate unexposed = Proportions.wilson(unexposedCases, unexposedTotal);
    double difference = exposed.estimate() - unexposed.estimate();
    double low =
        difference
            - Math.hypot(
                exposed.estimate() - exposed.low(), unexposed.high() - unexposed.estimate());
    double high =
        difference
            + Math.hypot(
                exposed.high() - exposed.estimate(), unexposed.estimate() - unexposed.low());
    return new Estimate(difference, low, high);
  }

  /**
   * Pearson chi-square p-value with one degree of freedom, without Yates' continuity correction
   * (R's {@code chisq.test(m, correct = FALSE)}). NaN when every unit is a case or none is.
   */
  public double chiSquarePValue() {
    double statistic = chiSquareStatistic();
    if (Double.isNaN(statistic)) {
      return Double.NaN;
    }
    // The upper regularised gamma Q(1/2, x/2) directly: 1 - P underflows to 0 beyond x of about 75,
    // which strong associations in large populations reach, and a served p of 0 is false.
    return Gamma.regularizedGammaQ(0.5, statistic / 2);
  }

  /** Pearson's statistic Σ (observed − expected)² / expected; NaN when a margin is empty. */
  double chiSquareStatistic() {
    double[][] observed = observed();
    double[][] expected = expected();
    double statistic = 0;
    for (int row = 0; row < 2; row++) {
      for (int column = 0; column < 2; column++) {
        double deviation = observed[row][column] - expected[row][column];
        statistic += deviation * deviation / expected[row][column];
      }
    }
    return statistic;
  }

  /**
   * Fisher's exact two-sided p-value, with R's {@code fisher.test} convention: the sum of the
   * probabilities of every table with the same margins that is no more likely than the observed
   * one, "no more likely" allowing a relative tolerance of 1e-7 for rounding.
   */
  public double fisherExactPValue() {
    long cases = exposedCases + unexposedCases;
    HypergeometricDistribution distribution =
        new HypergeometricDistribution(
            null, Math.toIntExact(total()), Math.toIntExact(exposedTotal), Math.toIntExact(cases));
    int lowest = distribution.getSupportLowerBound();
    int highest = distribution.getSupportUpperBound();
    double observedProbability = distribution.probability(Math.toIntExact(exposedCases));
    double cutoff = observedProbability * (1 + FISHER_RELATIVE_TOLERANCE);
    double pValue = 0;
    for (int count = lowest; count <= highest; count++) {
      double probability = distribution.probability(count);
      if (probability <= cutoff) {
        pValue += probability;
      }
    }
    return Math.min(1, pValue);
  }

  /**
   * The p-value to report: Fisher's exact test when any expected count is below 5 (where the
   * chi-square approximation is unreliable), otherwise Pearson's chi-square.
   */
  public double pValue() {
    for (double[] row : expected()) {
      for (double value : row) {
        if (!(value >= 5)) {
          return fisherExactPValue();
        }
      }
    }
    return chiSquarePValue();
  }

  private double[][] observed() {
    return new double[][] {
      {exposedCases, exposedNonCases()}, {unexposedCases, unexposedNonCases()}
    };
  }

  private double[][] expected() {
    double n = total();
    double cases = exposedCases + unexposedCases;
    double nonCases = n - cases;
    return new double[][] {
      {exposedTotal * cases / n, exposedTotal * nonCases / n},
      {unexposedTotal * cases / n, unexposedTotal * nonCases / n}
    };
  }
}
