package org.rishe.analytics.impact;

import static java.util.Objects.requireNonNull;

/**
 * A covariate whose treated and control means still differ significantly (Welch t-test, 5%) within
 * one propensity stratum [low, high): Dehejia &amp; Wahba's signal that the propensity model misses
 * something. {@code difference} is the treated mean minus the control mean, in covariate units.
 */
public record StratumImbalance(double low, double high, String covariate, double difference)
    implements java.io.Serializable {
  public StratumImbalance {
    requireNonNull(covariate, "covariate is null");
  }
}
