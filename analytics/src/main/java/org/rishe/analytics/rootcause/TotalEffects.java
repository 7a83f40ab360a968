package org.rishe.analytics.rootcause;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.rishe.analytics.stats.Estimate;
import org.rishe.analytics.stats.WaldTest;

/**
 * The total effect of a factor on a problem as a standardised risk ratio and risk difference, by
 * g-computation (Robins 1986; Snowden, Rose &amp; Mortimer 2011): the logistic model of the case on
 * the factor, age, sex, region (overall rows) and the factor's confounders is fitted, every person
 * whose exposure is known is given a predicted risk as if exposed and as if unexposed, and the two
 * averages R1 and R0 are compared: RR = R1/R0, RD = R1 - R0. The confounders are only the codes
 * that come strictly before the factor in the {@link CausalOrder} ({@link
 * CausalOrder#totalEffectConfounders}): a lower tier, or of the factor's own tier a code the
 * catalogue ranks earlier ({@code causal_rank}). An unranked code of the factor's own tier may lie
 * on the path from the factor to the problem (out_of_school → peer_delinquency → delinquency), and
 * adjusting for a mediator would take the indirect part of the effect away, which is the part the
 * seed's indirect roots are made of.
 *
 * <p>The people are those the factor's adjusted model keeps ({@link AdjustedOddsRatios.Design}):
 * all of them below {@link ModelSampling#MAXIMUM_UNITS}; above, a draw per cell of the 2×2 table,
 * fitted with the sampling offsets (whose coefficients are the population's) and averaged with
 * weights 1/f (Hájek), so R1 and R0 are the population's averages.
 *
 * <p>Interval: the stacked estimating equations of the coefficients and the two averages give each
 * person an influence value, φ_i(R_x) = [w_i (p_i(x) - R_x) + D_x' I⁻¹ s_i] / W, with p_i(x) the
 * predicted risk at exposure x, D_x = Σ w_i p_i(x)(1 - p_i(x)) z_i(x) the derivative of the
 * weighted sum of predictions in the coefficients, I the model's information and s_i = (y_i - p_i)
 * z_i the person's score (Stefanski &amp; Boos 2002). The variances sum these values by family
 * (siblings share a household), with the small-sample factor G/(G-1): var log RR = G/(G-1)
 * Σ_families (Σ φ(R1)/R1 - φ(R0)/R0)², var RD = G/(G-1) Σ_families (Σ φ(R1) - φ(R0))²; 95%
 * intervals are Wald, on the log scale for the ratio, and the test of no effect is the Wald test of
 * log RR = 0 with the same standard error ({@link TotalEffect#pValue}).
 */
public final class TotalEffects {
  private static final double Z_95 =
      new NormalDistribution(0, 1).inverseCumulativeProbability(0.975);

  private TotalEffects() {}

  /**
   * A total effect: the standardised risks with and without the factor, their ratio with 95% CI and
   * the family-clustered standard error of its logarithm, their difference with 95% CI, the
   * population attributable fraction 1 - R0/P (P the observed risk: the share of cases that would
   * not have occurred had nobody been exposed) with its 95% CI, and the codes adjusted for (besides
   * age, sex and, overall, region).
   */
  public record TotalEffect(
      double riskExposed,
      double riskUnexposed,
      Estimate riskRatio,
      double logRatioStandardError,
      Estimate riskDifference,
      Estimate attributableFraction,
      List<String> adjustedFor,
      int people,
      int families) {
    public TotalEffect {
      requireNonNull(riskRatio, "riskRatio is null");
      requireNonNull(riskDifference, "riskDifference is null");
      adjustedFor = List.copyOf(adjustedFor);
    }

    /**
     * The two-sided Wald p-value of no total effect, z = log RR / SE (the test its 95% interval
     * inverts: the interval excludes 1 exactly when p &lt; 0.05), at least {@link
     * WaldTest#SMALLEST_P}; NaN when the standard error is not positive.
     */
    public double pValue() {
      if (!(logRatioStandardError > 0)) {
        return Double.NaN;
      }
      return WaldTest.twoSidedPValue(Math.log(riskRatio.estimate()) / logRatioStandardError);
    }
  }

  /**
   * The total effects of every code on {@code problem}, overall and per region, from the people its
   * {@link ModelSampling} kept; fitted in parallel on the driver's cores.
   */
  static Map<AdjustedOddsRatios.Key, TotalEffect> estimateAll(
      String problem, AdjustedOddsRatios.Sample sample, ModelSampling sampling, CausalOrder order) {
    return AdjustedOddsRatios.perFactorAndRegion(
        problem,
        sample,
        sampling.codes(),
        factor -> order.totalEffectConfounders(factor, problem, sampling.codes()),
        (focal, confounders, adjustedFor, region) ->
            estimate(sample, focal, confounders, adjustedFor, region, sampling));
  }

  /**
   * The total effect of code {@code focal} in {@code region} (-1 overall) adjusted for {@code
   * confounders} (indices into the sample's codes, named {@code adjustedFor}), or empty when the
   * model is not fitted or does not converge.
   */
  static Optional<TotalEffect> estimate(
      AdjustedOddsRatios.Sample sample,
      int focal,
      int[] confounders,
      List<String> adjustedFor,
      int region,
      ModelSampling sampling) {
    return AdjustedOddsRatios.Design.of(sample, focal, confounders, region, sampling)
        .flatMap(
            design ->
                design
                    .fit()
                    .flatMap(
                        fit ->
                            standardise(
                                sample, focal, region, sampling, design, fit, adjustedFor)));
  }

  private static Optional<TotalEffect> standardise(
      AdjustedOddsRatios.Sample sample,
      int focal,
      int region,
      ModelSampling sampling,
      AdjustedOddsRatios.Design design,
      LogisticFit fit,
      List<String> adjustedFor) {
    int size = design.units().length;
    int columns = design.columns();
    double[] beta = fit.coefficients();
    double[][] covariance = fit.covariance();
    double[] weights = new double[size];
    double[][] predicted = new double[2][size];
    double[][] derivative = new double[2][columns];
    double totalWeight = 0;
    double observedCases = 0;
    double[] sums = new double[2];
    for (int r = 0; r < size; r++) {
      int unit = design.units()[r];
      weights[r] =
          1 / sampling.fraction(region, focal, sample.status()[focal][unit], sample.isCase()[unit]);
      totalWeight += weights[r];
      observedCases += weights[r] * design.outcome()[r];
      int[] indices = design.indices()[r];
      double[] values = design.values()[r];
      for (int x = 0; x < 2; x++) {
        // The row with the focal column set to x, its non-zero entries in column order (the sums
        // of a dense row, whose zeros add nothing): the intercept (entry 0), x, then the entries
        // after the row's own focal column (entry 1 when the person is exposed).
        double eta = values[0] * beta[0] + x * beta[1];
        for (int entry = indices.length > 1 && indices[1] == 1 ? 2 : 1;
            entry < indices.length;
            entry++) {
          eta += values[entry] * beta[indices[entry]];
        }
        double p = logistic(eta);
        predicted[x][r] = p;
        sums[x] += weights[r] * p;
        double slope = weights[r] * p * (1 - p);
        for (int one = 0; one < indices.length; one++) {
          if (indices[one] != 1) {
            derivative[x][indices[one]] += slope * values[one];
          }
        }
        if (x == 1) {
          derivative[x][1] += slope;
        }
      }
    }
    double[] risks = {sums[0] / totalWeight, sums[1] / totalWeight};
    double observed = observedCases / totalWeight;
    if (!(risks[0] > 0 && risks[1] > 0 && observed > 0)) {
      return Optional.empty();
    }
    // D_x' I^-1, so that each person's score needs one dot product per exposure
    double[][] projection = new double[2][columns];
    for (int x = 0; x < 2; x++) {
      for (int c = 0; c < columns; c++) {
        double sum = 0;
        for (int d = 0; d < columns; d++) {
          sum += derivative[x][d] * covariance[d][c];
        }
        projection[x][c] = sum;
      }
    }
    Map<Integer, double[]> families = new HashMap<>();
    for (int r = 0; r < size; r++) {
      int unit = design.units()[r];
      int[] indices = design.indices()[r];
      double[] values = design.values()[r];
      double residual =
          design.outcome()[r] - logistic(dot(indices, values, beta) + design.offsets()[r]);
      double[] influence = new double[2];
      for (int x = 0; x < 2; x++) {
        influence[x] =
            (weights[r] * (predicted[x][r] - risks[x])
                    + residual * dot(indices, values, projection[x]))
                / totalWeight;
      }
      double observedInfluence = weights[r] * (design.outcome()[r] - observed) / totalWeight;
      double[] family = families.computeIfAbsent(sample.family()[unit], key -> new double[3]);
      family[0] += influence[1] / risks[1] - influence[0] / risks[0];
      family[1] += influence[1] - influence[0];
      family[2] += influence[0] / risks[0] - observedInfluence / observed;
    }
    int clusters = families.size();
    if (clusters < 2) {
      return Optional.empty();
    }
    double logRatioVariance = 0;
    double differenceVariance = 0;
    double unexposedShareVariance = 0;
    for (double[] family : families.values()) {
      logRatioVariance += family[0] * family[0];
      differenceVariance += family[1] * family[1];
      unexposedShareVariance += family[2] * family[2];
    }
    double correction = clusters / (clusters - 1.0);
    double logRatio = Math.log(risks[1] / risks[0]);
    double logRatioError = Math.sqrt(correction * logRatioVariance);
    double ratioMargin = Z_95 * logRatioError;
    double difference = risks[1] - risks[0];
    double differenceMargin = Z_95 * Math.sqrt(correction * differenceVariance);
    // 1 - AF = R0 / P, whose log has the interval; AF's bounds are its complements
    double logShare = Math.log(risks[0] / observed);
    double shareMargin = Z_95 * Math.sqrt(correction * unexposedShareVariance);
    return Optional.of(
        new TotalEffect(
            risks[1],
            risks[0],
            new Estimate(
                Math.exp(logRatio),
                Math.exp(logRatio - ratioMargin),
                Math.exp(logRatio + ratioMargin)),
            logRatioError,
            new Estimate(difference, difference - differenceMargin, difference + differenceMargin),
            new Estimate(
                1 - Math.exp(logShare),
                1 - Math.exp(logShare + shareMargin),
                1 - Math.exp(logShare - shareMargin)),
            adjustedFor,
            size,
            clusters));
  }

  /** A sparse row's product with a dense vector, its non-zero entries in column order. */
  private static double dot(int[] indices, double[] values, double[] vector) {
    double sum = 0;
    for (int entry = 0; entry < indices.length; entry++) {
      sum += values[entry] * vector[indices[entry]];
    }
    return sum;
  }

  private static double logistic(double eta) {
    return 1 / (1 + Math.exp(-eta));
  }
}
