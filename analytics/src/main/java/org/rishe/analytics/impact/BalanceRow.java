package org.rishe.analytics.impact;

import static java.util.Objects.requireNonNull;

/**
 * Standardised mean difference of one covariate between treated and controls, before adjustment
 * (all units, unweighted) and after (overlap-trimmed, controls weighted by their propensity odds).
 * Both use the same denominator, the pooled unweighted standard deviation {@code sqrt((s_t^2 +
 * s_c^2) / 2)}, so a change between them reflects the means alone. |SMD| below 0.1 is the usual
 * threshold for adequate balance. {@code binary}: the covariate takes only the values 0 and 1 (an
 * indicator), so its difference is one of two shares over the groups' known sizes, and gives the
 * counts behind them back (the API withholds it from researchers).
 */
public record BalanceRow(String covariate, double before, double after, boolean binary)
    implements java.io.Serializable {
  public BalanceRow {
    requireNonNull(covariate, "covariate is null");
  }
}
