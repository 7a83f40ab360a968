package org.rishe.analytics.impact;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.rishe.analytics.stats.Estimate;

/**
 * Effect of treatment on the treated by each method, each with its 95% interval ({@code variance}
 * says how it was computed: closed form clustered by family, or bootstrap), and the sample sizes
 * behind them: {@code treated} and {@code controls} before trimming, {@code trimmedControls}
 * dropped for lying outside the treated propensity range, {@code unmatchedTreated} treated units
 * with no control within the caliper (left out of the matching estimate only), and {@code strata}
 * the number of propensity strata the stratification estimate averaged over, with {@code
 * stratumImbalances} the covariates left unbalanced within them; {@code resamples} bootstrap
 * resamples of {@code resampleUnits} units each (treated and controls before trimming: the sample
 * size at full size, fewer for an m-out-of-n bootstrap, see {@link ResampleSize}; both 0 for
 * closed-form intervals); {@code clusters} the families the units belong to.
 */
public record ImpactResult(
    Estimate naiveDifference,
    Estimate inverseProbabilityWeighting,
    Estimate matching,
    Estimate doublyRobust,
    Estimate stratification,
    Estimate entropyBalancing,
    int treated,
    int controls,
    int trimmedControls,
    int unmatchedTreated,
    int strata,
    int resamples,
    int resampleUnits,
    List<BalanceRow> balance,
    List<StratumImbalance> stratumImbalances,
    ImpactOptions.Variance variance,
    int clusters)
    implements java.io.Serializable {
  public ImpactResult {
    requireNonNull(naiveDifference, "naiveDifference is null");
    requireNonNull(inverseProbabilityWeighting, "inverseProbabilityWeighting is null");
    requireNonNull(matching, "matching is null");
    requireNonNull(doublyRobust, "doublyRobust is null");
    requireNonNull(stratification, "stratification is null");
    requireNonNull(entropyBalancing, "entropyBalancing is null");
    requireNonNull(variance, "variance is null");
    balance = List.copyOf(requireNonNull(balance, "balance is null"));
    stratumImbalances = List.copyOf(requireNonNull(stratumImbalances, "stratumImbalances is null"));
  }
}
