package org.rishe.analytics.rootcause;

import static java.util.Objects.requireNonNull;

import org.rishe.analytics.stats.Estimate;

/**
 * One row of the {@code root_causes} table: a problem × factor comparison, overall (region null) or
 * within one region. Estimates are null where they are undefined (an empty exposure group, no
 * adjusted model); the p- and q-value are NaN then. {@code totalEffect} is the standardised risk
 * ratio and difference ({@link TotalEffects}), null where its model is not fitted; {@code
 * totalPValue} and {@code totalQValue} are its Wald test's p-value and Benjamini–Hochberg q-value
 * (NaN without a total effect), on which {@code evidence} rests.
 */
public record RootCauseRow(
    String problem,
    String region,
    String factor,
    long exposedCases,
    long exposedTotal,
    long unexposedCases,
    long unexposedTotal,
    long missing,
    Estimate relativeRisk,
    Estimate oddsRatio,
    Estimate adjustedOddsRatio,
    Estimate attributableFraction,
    double pValue,
    double qValue,
    Double medianLeadDays,
    EvidenceGrade evidence,
    long population,
    long cases,
    TotalEffects.TotalEffect totalEffect,
    double totalPValue,
    double totalQValue) {
  public RootCauseRow {
    requireNonNull(problem, "problem is null");
    requireNonNull(factor, "factor is null");
    requireNonNull(evidence, "evidence is null");
  }
}
