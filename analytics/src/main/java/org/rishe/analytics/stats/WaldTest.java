package org.rishe.analytics.stats;

import org.apache.commons.math3.special.Gamma;

/**
 * The two-sided p-value of a Wald test, z = estimate / standard error against the standard normal:
 * p = 2Φ(−|z|) = erfc(|z|/√2) = Q(1/2, z²/2), the upper regularised gamma function, as the
 * chi-square p-values of {@link TwoByTwo} and {@link FamilySums} are computed (z² is a chi-square
 * with one degree of freedom). Computing the upper tail directly keeps p positive where 1 − Φ(|z|)
 * would round to 0 (beyond |z| ≈ 8.3); but a double cannot hold a p below about 1e-308 at all (|z|
 * beyond about 37.5; 2Φ(−40) ≈ 7.3e-350), so {@link #twoSidedPValue} reports such a p as {@link
 * #SMALLEST_P}, a floor that reads "p ≤ 2.2e-308", and {@link #logTwoSidedPValue} gives its exact
 * natural logarithm for any z.
 */
public final class WaldTest {
  /**
   * The smallest p reported, the smallest normal double (2.2e-308): a p below it is reported as it.
   * Never 0, which would claim certainty, and never subnormal, where digits are lost.
   */
  public static final double SMALLEST_P = Double.MIN_NORMAL;

  private WaldTest() {}

  /**
   * 2Φ(−|z|), at least {@link #SMALLEST_P} (also for an infinite z); NaN for a NaN z. Relative
   * accuracy about 1e-14 (Commons Math's continued fraction of the incomplete gamma function).
   */
  public static double twoSidedPValue(double z) {
    if (Double.isNaN(z)) {
      return Double.NaN;
    }
    if (Double.isInfinite(z)) {
      return SMALLEST_P;
    }
    return Math.max(SMALLEST_P, Gamma.regularizedGammaQ(0.5, z * z / 2));
  }

  /**
   * The natural logarithm of 2Φ(−|z|), finite for every finite z (−∞ for an infinite one). Where
   * the p-value is a normal double it is its logarithm; beyond, the asymptotic series of the
   * complementary error function (Abramowitz &amp; Stegun 7.1.23), erfc(t) = e^(−t²) / (t√π) · Σ_n
   * (−1)^n (2n − 1)!! / (2t²)^n with t = |z|/√2 above 26, whose terms shrink by (2n + 1)/(2t²) &lt;
   * 1/1000 each at first, so a few terms reach double precision.
   */
  public static double logTwoSidedPValue(double z) {
    if (Double.isNaN(z)) {
      return Double.NaN;
    }
    if (Double.isInfinite(z)) {
      return Double.NEGATIVE_INFINITY;
    }
    double p = Gamma.regularizedGammaQ(0.5, z * z / 2);
    if (p >= SMALLEST_P) {
      return Math.log(p);
    }
    double t = Math.abs(z) / Math.sqrt(2);
    double twoTSquared = 2 * t * t;
    double sum = 1;
    double term = 1;
    for (int n = 1; n < 100; n++) {
      term *= -(2 * n - 1) / twoTSquared;
      sum += term;
      if (Math.abs(term) < 1e-17) {
        break;
      }
    }
    return -t * t - Math.log(t * Math.sqrt(Math.PI)) + Math.log(sum);
  }
}
