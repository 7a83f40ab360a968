package org.rishe.api.rootcauses;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.rishe.api.disclosure.RegionComplements;
import org.rishe.api.disclosure.SmallCells;
import org.rishe.api.error.ApiProblem;
import org.rishe.api.problems.ProblemsService;
import org.rishe.api.results.PublishedRun;
import org.rishe.api.results.RootCauseResults;

/**
 * A problem's factors ranked by adjusted odds ratio (largest first, factors without an adjusted
 * estimate last), overall or in one region, as a caller may see them.
 *
 * <p>Researchers never see a group of 1 to k-1 people. A factor's 2×2 table has six cells once its
 * missing answers are counted (exposed, unexposed and missing, each with and without the problem),
 * and the served totals and crude ratios determine any one of them from the others: the odds ratio,
 * the relative risk and their intervals alone are four equations in the four counts, and the
 * attributable fraction with the cases served gives the unexposed risk. So when one of the four
 * answered cells holds 1 to k-1 people, every number of that factor's row is withheld; only the
 * factor, its label and the evidence grade stay. When only the unanswered cells are small, the row
 * is served merged instead ({@link RegionComplements#protectMerging}): its unexposed counts include
 * the unanswered, and every number computed from the split (crude ratios, attributable fraction, p-
 * and q-values, total effect with its own p and q) is withheld; the adjusted odds ratio and the
 * lead time stay.
 */
public final class RootCausesService {
  private static final Comparator<RootCauseResults.FactorRow> BY_ADJUSTED_ODDS_RATIO =
      Comparator.comparing(
              (RootCauseResults.FactorRow row) -> row.adjustedOddsRatio().estimate(),
              Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(
              row -> row.oddsRatio().estimate(), Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(RootCauseResults.FactorRow::factor);

  private static final EstimateView WITHHELD = new EstimateView(null, null, null);

  private RootCausesService() {}

  /** An estimate with its 95% interval. */
  public record EstimateView(Double estimate, Double low, Double high) {}

  /** One factor of the problem; a count is null where it is suppressed. */
  public record FactorView(
      String factor,
      String label,
      Long exposedCases,
      Long exposedTotal,
      Long unexposedCases,
      Long unexposedTotal,
      EstimateView relativeRisk,
      EstimateView oddsRatio,
      EstimateView adjustedOddsRatio,
      EstimateView attributableFraction,
      Double pValue,
      Double qValue,
      Double medianLeadDays,
      @Schema(
              description =
                  "strong, moderate, weak or insufficient data, from the total effect (totalEffect),"
                      + " in order: insufficient data when fewer than 10 exposed cases or no total"
                      + " effect; strong when the total effect's risk-ratio 95% interval excludes 1,"
                      + " its q < 0.01 and at least 20 exposed cases; moderate when the interval"
                      + " excludes 1 and q < 0.05; weak otherwise. Served even where the row's"
                      + " numbers are withheld")
          String evidence,
      @Schema(
              description =
                  "the standardised risk ratio and difference of the factor, adjusted for its"
                      + " confounders read before the index date. Where the factor is itself a"
                      + " problem, it is a time-ordered association (how much likelier the problem"
                      + " opens after the other, hazard-like), not an identified causal effect:"
                      + " causes a family shares beyond its recorded factors raise every pair of"
                      + " problems together (docs/methods.md, \"What a problem → problem odds ratio"
                      + " measures\")")
          TotalEffectView totalEffect,
      @Schema(
              description =
                  "true when the unexposed counts include the people who did not answer (for a"
                      + " researcher, when their number is 1 to k-1); the ratios computed from the"
                      + " answers alone are then null")
          boolean unansweredMerged) {}

  /**
   * The factor's total effect: standardised risk ratio and risk difference with 95% intervals, the
   * factors adjusted for (besides age, sex and, overall, region), and the p- and q-value of its
   * test, on which the evidence grade rests; null where not estimated or withheld, the p and q with
   * it (a withheld total effect withholds its test).
   */
  public record TotalEffectView(
      EstimateView riskRatio,
      EstimateView riskDifference,
      List<String> adjustedFor,
      @Schema(
              description =
                  "two-sided Wald p-value of no total effect, z = log(risk ratio) / its"
                      + " family-clustered standard error; a p below 2.2e-308 (the smallest"
                      + " normal double) is served as 2.2e-308; null in a run published before it")
          Double p,
      @Schema(
              description =
                  "Benjamini-Hochberg q-value of p over every total effect of the run (all"
                      + " problems, factors, overall and regional rows); null in a run published"
                      + " before it")
          Double q) {}

  /**
   * One problem's factors in one region (null: overall), with its population and cases (null where
   * withheld).
   */
  public record Factors(Long population, Long cases, List<FactorView> factors) {}

  /**
   * The factors of {@code problem} in {@code region} (null: all regions).
   *
   * @throws ApiProblem 400 when the problem is missing or unknown, or the region unknown
   */
  public static Factors factors(
      PublishedRun run, String problem, String region, boolean persian, SmallCells rule) {
    List<String> problems = run.problems().stream().map(PublishedRun.ProblemRow::code).toList();
    if (problem == null || problem.isBlank()) {
      throw ApiProblem.badRequest(
          "the problem parameter is required: add ?problem=CODE with a code from validCodes",
          Map.of("validCodes", problems));
    }
    if (!problems.contains(problem)) {
      throw ApiProblem.unknownCode("problem", problem, problems);
    }
    List<RootCauseResults.FactorRow> ofProblem =
        run.rootCauses().factors().stream().filter(row -> row.problem().equals(problem)).toList();
    if (region != null) {
      List<String> regions =
          ofProblem.stream()
              .map(RootCauseResults.FactorRow::region)
              .filter(Objects::nonNull)
              .distinct()
              .sorted()
              .toList();
      if (!regions.contains(region)) {
        throw ApiProblem.unknownCode("region", region, regions);
      }
    }
    Protection protection = protect(ofProblem, run, rule);
    Map<String, PublishedRun.IndicatorRow> indicators = run.indicatorsByCode();
    List<RootCauseResults.FactorRow> rows =
        ofProblem.stream()
            .filter(row -> Objects.equals(row.region(), region))
            .sorted(BY_ADJUSTED_ODDS_RATIO)
            .toList();
    List<FactorView> factors =
        rows.stream()
            .map(
                row ->
                    view(
                        row,
                        indicators.get(row.factor()),
                        persian,
                        protection.withholds(row.factor(), region),
                        protection.merges(row.factor(), region),
                        rule))
            .toList();
    boolean totalsWithheld = protection.withholdsTotals(region);
    Long population =
        rows.isEmpty() || totalsWithheld ? null : rule.count(rows.get(0).population());
    Long cases = rows.isEmpty() || totalsWithheld ? null : rule.count(rows.get(0).cases());
    return new Factors(population, cases, factors);
  }

  private static FactorView view(
      RootCauseResults.FactorRow row,
      PublishedRun.IndicatorRow indicator,
      boolean persian,
      boolean withheld,
      boolean merged,
      SmallCells rule) {
    String label =
        indicator == null ? row.factor() : persian ? indicator.labelFa() : indicator.labelEn();
    if (withheld) {
      // Every number of the row goes, not only its counts: the crude ratios are equations in the
      // cells, the attributable fraction 1 - R0/P with the cases served gives R0, and a
      // total effect adjusted for nothing is the crude risk ratio and difference.
      return new FactorView(
          row.factor(),
          label,
          null,
          null,
          null,
          null,
          WITHHELD,
          WITHHELD,
          WITHHELD,
          WITHHELD,
          null,
          null,
          null,
          row.evidence(),
          null,
          false);
    }
    if (merged) {
      long unansweredCases = row.cases() - row.exposedCases() - row.unexposedCases();
      return new FactorView(
          row.factor(),
          label,
          rule.count(row.exposedCases()),
          rule.count(row.exposedTotal()),
          rule.count(row.unexposedCases() + unansweredCases),
          rule.count(row.population() - row.exposedTotal()),
          WITHHELD,
          WITHHELD,
          estimate(row.adjustedOddsRatio()),
          WITHHELD,
          null,
          null,
          row.medianLeadDays(),
          row.evidence(),
          null,
          true);
    }
    return new FactorView(
        row.factor(),
        label,
        rule.count(row.exposedCases()),
        rule.count(row.exposedTotal()),
        rule.count(row.unexposedCases()),
        rule.count(row.unexposedTotal()),
        estimate(row.relativeRisk()),
        estimate(row.oddsRatio()),
        estimate(row.adjustedOddsRatio()),
        estimate(row.attributableFraction()),
        row.pValue(),
        row.qValue(),
        row.medianLeadDays(),
        row.evidence(),
        row.totalEffect() == null
            ? null
            : new TotalEffectView(
                estimate(row.totalEffect().riskRatio()),
                estimate(row.totalEffect().riskDifference()),
                row.totalEffect().adjustedFor(),
                row.totalEffect().pValue(),
                row.totalEffect().qValue()),
        false);
  }

  /**
   * What a caller may not see of one problem's rows, all regions considered together: the overall
   * row minus the regions served must not give a withheld region away (see {@link
   * RegionComplements}). The population and cases of a region are protected first, starting from
   * the regions whose totals would give away a cell the run's protected lattices withhold: the root
   * causes count the people of an age range ({@code population}) and those of them with a case
   * ({@code cases}), inside the people lattice's cell of the region and the cases lattice's cell of
   * the problem and region (which counts case records of every age), so each is served only as
   * {@link SmallCells#within} allows; overall, the cases must also differ from the problem's people
   * served by {@code GET /problems} (every age) by 0 or at least k. A region whose totals are
   * withheld has all its factor rows withheld too, since a factor nobody leaves unanswered adds up
   * to the population.
   */
  static Protection protect(
      List<RootCauseResults.FactorRow> ofProblem, PublishedRun run, SmallCells rule) {
    if (!rule.active()) {
      return new Protection(new RegionComplements.Withheld(Set.of(), false), Map.of());
    }
    List<String> outside = run.rootCauses().bandsOutside();
    Long problemPeople =
        ofProblem.isEmpty()
            ? null
            : run.problems().stream()
                .filter(problem -> problem.code().equals(ofProblem.get(0).problem()))
                .findFirst()
                .map(problem -> ProblemsService.people(problem, rule))
                .orElse(null);
    long[] overallTotals = null;
    boolean overallForced = false;
    Set<String> forced = new HashSet<>();
    Set<String> determined = new HashSet<>();
    Map<String, long[]> regionTotals = new HashMap<>();
    Map<String, long[]> overallCells = new HashMap<>();
    Map<String, Map<String, long[]>> regionCells = new HashMap<>();
    // every row of a region carries the region's totals: checked once per region (null: overall)
    Map<String, TotalsCheck> checked = new HashMap<>();
    for (RootCauseResults.FactorRow row : ofProblem) {
      long[] totals = {row.cases(), row.population() - row.cases()};
      TotalsCheck check =
          checked.computeIfAbsent(
              row.region(),
              region ->
                  new TotalsCheck(
                      rule.casesWithin(row.cases(), row.problem(), region, outside) == null
                          || rule.peopleWithin(row.population(), region, outside) == null,
                      rule.cases(row.cases(), row.problem(), region, null) != null));
      boolean totalsWithheld = check.withheld();
      if (row.region() == null) {
        overallTotals = totals;
        overallForced |=
            totalsWithheld
                || problemPeople != null
                    && (problemPeople < row.cases() || rule.isSmall(problemPeople - row.cases()));
        overallCells.put(row.factor(), cells(row));
      } else {
        regionTotals.put(row.region(), totals);
        if (totalsWithheld) {
          forced.add(row.region());
        }
        if (check.determined()) {
          determined.add(row.region());
        }
        regionCells
            .computeIfAbsent(row.factor(), factor -> new HashMap<>())
            .put(row.region(), cells(row));
      }
    }
    RegionComplements.Withheld totals =
        RegionComplements.protect(
            overallTotals, regionTotals, forced, overallForced, determined, rule);
    Map<String, RegionComplements.Served> byFactor = new HashMap<>();
    Set<String> factors = new HashSet<>(overallCells.keySet());
    factors.addAll(regionCells.keySet());
    for (String factor : factors) {
      RegionComplements.Served served =
          RegionComplements.protectMerging(
              overallCells.get(factor),
              regionCells.getOrDefault(factor, Map.of()),
              totals.regions(),
              rule);
      byFactor.put(
          factor,
          new RegionComplements.Served(
              served.withheld(),
              served.merged(),
              served.overallWithheld() || totals.overall(),
              served.overallMerged()));
    }
    return new Protection(totals, byFactor);
  }

  /**
   * A region's totals as checked: whether they are withheld ({@link SmallCells#within}), and
   * whether the query serves its cases with the same count ({@link SmallCells#cases}).
   */
  private record TotalsCheck(boolean withheld, boolean determined) {}

  /** The six cells of a factor row: cases and non-cases among exposed, unexposed and unanswered. */
  private static long[] cells(RootCauseResults.FactorRow row) {
    long missingTotal = row.population() - row.exposedTotal() - row.unexposedTotal();
    long missingCases = row.cases() - row.exposedCases() - row.unexposedCases();
    return new long[] {
      row.exposedCases(),
      row.exposedTotal() - row.exposedCases(),
      row.unexposedCases(),
      row.unexposedTotal() - row.unexposedCases(),
      missingCases,
      missingTotal - missingCases
    };
  }

  /** The rows and totals withheld or merged of one problem; region null is the overall row. */
  record Protection(
      RegionComplements.Withheld totals, Map<String, RegionComplements.Served> byFactor) {
    boolean withholds(String factor, String region) {
      RegionComplements.Served served = byFactor.get(factor);
      if (served == null) {
        return false;
      }
      return region == null ? served.overallWithheld() : served.withheld().contains(region);
    }

    boolean merges(String factor, String region) {
      RegionComplements.Served served = byFactor.get(factor);
      if (served == null) {
        return false;
      }
      return region == null ? served.overallMerged() : served.merged().contains(region);
    }

    boolean withholdsTotals(String region) {
      return region == null ? totals.overall() : totals.regions().contains(region);
    }
  }

  private static EstimateView estimate(RootCauseResults.Interval interval) {
    return new EstimateView(interval.estimate(), interval.low(), interval.high());
  }
}
