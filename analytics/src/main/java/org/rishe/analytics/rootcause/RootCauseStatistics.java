package org.rishe.analytics.rootcause;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rishe.analytics.stats.Estimate;
import org.rishe.analytics.stats.FamilySums;
import org.rishe.analytics.stats.MultipleTesting;
import org.rishe.analytics.stats.TwoByTwo;

/**
 * The driver side of the root-cause analysis: from the aggregated 2×2 counts (a few thousand rows
 * at most: problems × codes × regions) to the published rows. Crude relative risk and odds ratio
 * with their family-clustered 95% CIs and the p-value come from {@link FamilySums} and {@link
 * TwoByTwo} (Haldane–Anscombe correction when a cell is zero; Fisher's exact test when an expected
 * count is below 5, else Pearson's chi-square over the design effect of the family clustering);
 * q-values are Benjamini–Hochberg over every test of the run, overall and regional rows together;
 * the attributable fraction is the total effect's, 1 - R0/P by g-computation ({@link
 * TotalEffects}). The total effects' Wald tests have q-values of their own, Benjamini–Hochberg over
 * the same family: every row of the run with a total effect, overall and regional together (a
 * regional row is another test of the same question on a subset, and a family per scope would let a
 * run lower its q-values by splitting its tests); the evidence grade rests on them ({@link
 * EvidenceGrade}).
 */
public final class RootCauseStatistics {
  private RootCauseStatistics() {}

  /**
   * The 2×2 counts of one comparison, as aggregated by Spark, with the families' sums of products
   * that make its intervals and test family-clustered (null: people counted as independent).
   */
  public record Counts(
      String problem,
      String region,
      String factor,
      long exposedCases,
      long exposedTotal,
      long unexposedCases,
      long unexposedTotal,
      Double medianLeadDays,
      FamilySums families) {}

  /** People in scope and cases of one problem in one region (null = overall). */
  public record Population(long population, long cases) {}

  /**
   * One row per comparison, in the order given. {@code populations}, {@code adjusted} and {@code
   * totals} are keyed by {@link AdjustedOddsRatios.Key} (factor null for populations).
   */
  public static List<RootCauseRow> rows(
      List<Counts> counts,
      Map<AdjustedOddsRatios.Key, Population> populations,
      Map<AdjustedOddsRatios.Key, Estimate> adjusted,
      Map<AdjustedOddsRatios.Key, TotalEffects.TotalEffect> totals) {
    double[] pValues = new double[counts.size()];
    List<TwoByTwo> tables = new ArrayList<>();
    for (int i = 0; i < counts.size(); i++) {
      Counts count = counts.get(i);
      TwoByTwo table =
          count.exposedTotal() > 0 && count.unexposedTotal() > 0
              ? new TwoByTwo(
                  count.exposedCases(),
                  count.exposedTotal(),
                  count.unexposedCases(),
                  count.unexposedTotal())
              : null;
      tables.add(table);
      pValues[i] =
          table == null
              ? Double.NaN
              : count.families() == null ? table.pValue() : count.families().pValue(table);
    }
    double[] qValues = MultipleTesting.benjaminiHochberg(pValues);
    List<TotalEffects.TotalEffect> totalEffects = new ArrayList<>();
    double[] totalPValues = new double[counts.size()];
    for (int i = 0; i < counts.size(); i++) {
      Counts count = counts.get(i);
      TotalEffects.TotalEffect total =
          totals.get(new AdjustedOddsRatios.Key(count.problem(), count.factor(), count.region()));
      totalEffects.add(total);
      totalPValues[i] = total == null ? Double.NaN : total.pValue();
    }
    double[] totalQValues = MultipleTesting.benjaminiHochberg(totalPValues);
    List<RootCauseRow> rows = new ArrayList<>();
    for (int i = 0; i < counts.size(); i++) {
      Counts count = counts.get(i);
      TwoByTwo table = tables.get(i);
      Population population =
          populations.getOrDefault(
              new AdjustedOddsRatios.Key(count.problem(), null, count.region()),
              new Population(0, 0));
      Estimate adjustedRatio =
          adjusted.get(new AdjustedOddsRatios.Key(count.problem(), count.factor(), count.region()));
      TotalEffects.TotalEffect total = totalEffects.get(i);
      Estimate fraction = total == null ? null : total.attributableFraction();
      rows.add(
          new RootCauseRow(
              count.problem(),
              count.region(),
              count.factor(),
              count.exposedCases(),
              count.exposedTotal(),
              count.unexposedCases(),
              count.unexposedTotal(),
              population.population() - count.exposedTotal() - count.unexposedTotal(),
              table == null ? null : relativeRisk(count, table),
              table == null ? null : oddsRatio(count, table),
              adjustedRatio,
              fraction,
              pValues[i],
              qValues[i],
              count.medianLeadDays(),
              EvidenceGrade.of(count.exposedCases(), total, totalQValues[i]),
              population.population(),
              population.cases(),
              total,
              totalPValues[i],
              totalQValues[i]));
    }
    return rows;
  }

  private static Estimate relativeRisk(Counts count, TwoByTwo table) {
    return count.families() == null ? table.relativeRisk() : count.families().relativeRisk(table);
  }

  private static Estimate oddsRatio(Counts count, TwoByTwo table) {
    return count.families() == null ? table.oddsRatio() : count.families().oddsRatio(table);
  }
}
