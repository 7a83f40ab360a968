package org.rishe.analytics.impact;

import java.util.Locale;

/** Scratch: matching coverage with and without the estimated-propensity correction. */
public final class MatchingCoverageExperiment {
  public static void main(String[] args) {
    int replications = Integer.parseInt(args[0]);
    int size = Integer.parseInt(args[1]);
    double effectSlope = Double.parseDouble(args[2]);
    int coveredPlain = 0;
    int coveredCorrected = 0;
    double sum = 0;
    double sumSquares = 0;
    double plainSe = 0;
    double correctedSe = 0;
    NewtonLogisticPropensityModel model = new NewtonLogisticPropensityModel();
    for (int r = 0; r < replications; r++) {
      ImpactSample sample = ConfoundedSimulation.sample(size, 1000 + r, x -> 3 + effectSlope * x);
      double truth = 0;
      int treated = 0;
      for (int unit = 0; unit < sample.size(); unit++) {
        if (sample.isTreated(unit)) {
          truth += 3 + effectSlope * sample.covariate(unit, 0);
          treated++;
        }
      }
      truth /= treated;
      double[] e = model.propensities(sample);
      AttEstimators.Trimmed trimmed = AttEstimators.trimToTreatedRange(sample, e);
      PropensityMatching.Result m =
          PropensityMatching.estimate(trimmed.sample(), trimmed.propensities(), 0.2, 1);
      ClusteredVariance clusters = new ClusteredVariance(trimmed.sample());
      double plain = PropensityMatching.variance(trimmed.sample(), m, clusters);
      double correction =
          EstimatedPropensityCorrection.varianceTerm(
              trimmed.sample(), trimmed.propensities(), m, 1);
      double corrected = plain + correction;
      double t = clusters.quantile();
      coveredPlain += Math.abs(m.estimate() - truth) <= t * Math.sqrt(plain) ? 1 : 0;
      coveredCorrected +=
          corrected > 0 && Math.abs(m.estimate() - truth) <= t * Math.sqrt(corrected) ? 1 : 0;
      sum += m.estimate() - truth;
      sumSquares += (m.estimate() - truth) * (m.estimate() - truth);
      plainSe += Math.sqrt(plain);
      correctedSe += Math.sqrt(Math.max(corrected, 0));
    }
    double mean = sum / replications;
    System.out.printf(
        Locale.ROOT,
        "n=%d slope=%.1f: bias %.4f, empirical SD %.4f, mean SE plain %.4f corrected %.4f;"
            + " coverage plain %.3f corrected %.3f%n",
        size,
        effectSlope,
        mean,
        Math.sqrt(sumSquares / replications - mean * mean),
        plainSe / replications,
        correctedSe / replications,
        (double) coveredPlain / replications,
        (double) coveredCorrected / replications);
  }
}
