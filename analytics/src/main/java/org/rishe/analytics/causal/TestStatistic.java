package org.rishe.analytics.causal;

import java.util.function.LongFunction;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/** A chi-square-distributed statistic with its degrees of freedom. */
public record TestStatistic(double value, long degreesOfFreedom) {
  /** The upper-tail probability; 1 when there are no degrees of freedom. */
  public double pValue() {
    return pValue(df -> new ChiSquaredDistribution(null, df));
  }

  double pValue(LongFunction<ChiSquaredDistribution> distributions) {
    if (degreesOfFreedom <= 0) {
      return 1.0;
    }
    return 1.0 - distributions.apply(degreesOfFreedom).cumulativeProbability(value);
  }
}
