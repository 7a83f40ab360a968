package org.rishe.api.rootcauses;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.rishe.api.auth.Authorizer;
import org.rishe.api.disclosure.RegionComplements;
import org.rishe.api.disclosure.SmallCells;
import org.rishe.api.error.ApiProblem;
import org.rishe.api.problems.Language;
import org.rishe.api.results.PublishedRun;
import org.rishe.api.results.ResultsStore;
import org.rishe.api.results.RootCauseResults;
import org.rishe.api.table.Tables;

/**
 * {@code GET /root-causes?problem=P[&region=R]}: a problem's factors ranked by adjusted odds ratio
 * (largest first, factors without an adjusted estimate last), overall or in one region; a table
 * (paged, CSV on ask).
 *
 * <p>Researchers never see a group of 1 to k-1 people. A factor's 2×2 table has six cells once its
 * missing answers are counted (exposed, unexposed and missing, each with and without the problem),
 * and the served totals and crude ratios determine any one of them from the others: the odds ratio,
 * the relative risk and their intervals alone are four equations in the four counts. So when any of
 * the six cells holds 1 to k-1 people, a researcher gets that factor's counts, crude ratios, p- and
 * q-values and lead time as null, keeping the adjusted odds ratio, the attributable fraction and
 * the evidence grade, which come from a regression over every factor and cannot be inverted to a
 * cell.
 */
public final class RootCausesController {
  private static final Comparator<RootCauseResults.FactorRow> BY_ADJUSTED_ODDS_RATIO =
      Comparator.comparing(
              (RootCauseResults.FactorRow row) -> row.adjustedOddsRatio().estimate(),
              Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(
              row -> row.oddsRatio().estimate(), Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(RootCauseResults.FactorRow::factor);

  private static final EstimateView WITHHELD = new EstimateView(null, null, null);

  private final ResultsStore results;
  private final int smallCellThreshold;

  public RootCausesController(ResultsStore results, int smallCellThreshold) {
    this.results = requireNonNull(results, "results is null");
    this.smallCellThreshold = smallCellThreshold;
  }

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
      String evidence,
      TotalEffectView totalEffect) {}

  /**
   * The factor's total effect: standardised risk ratio and risk difference with 95% intervals, and
   * the factors adjusted for (besides age, sex and, overall, region); null where not estimated or
   * withheld.
   */
  public record TotalEffectView(
      EstimateView riskRatio, EstimateView riskDifference, List<String> adjustedFor) {}

  /**
   * The response; region null for all regions, population and cases null when suppressed; the
   * cursor of the next page of factors, null on the last.
   */
  public record RootCausesResponse(
      String run,
      String problem,
      String region,
      Long population,
      Long cases,
      List<FactorView> factors,
      String nextCursor) {}

  public void list(Context ctx) {
    PublishedRun run = results.current().orElseThrow(ApiProblem::noResults);
    Tables.respond(ctx, run.runId(), FactorView.class, () -> factors(ctx, run));
  }

  private Tables.Computed<FactorView> factors(Context ctx, PublishedRun run) {
    List<String> problems = run.problems().stream().map(PublishedRun.ProblemRow::code).toList();
    String problem = ctx.queryParam("problem");
    if (problem == null || problem.isBlank()) {
      throw ApiProblem.badRequest(
          "the problem parameter is required: add ?problem=CODE with a code from validCodes",
          Map.of("validCodes", problems));
    }
    if (!problems.contains(problem)) {
      throw ApiProblem.unknownCode("problem", problem, problems);
    }
    String region = ctx.queryParam("region");
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
    SmallCells rule = SmallCells.forRole(Authorizer.key(ctx).role(), smallCellThreshold);
    Protection protection = protect(ofProblem, rule);
    boolean persian = Language.of(ctx).equals("fa");
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
                        rule))
            .toList();
    boolean totalsWithheld = protection.withholdsTotals(region);
    Long population =
        rows.isEmpty() || totalsWithheld ? null : rule.count(rows.get(0).population());
    Long cases = rows.isEmpty() || totalsWithheld ? null : rule.count(rows.get(0).cases());
    return new Tables.Computed<>(
        factors,
        (page, next) ->
            new RootCausesResponse(run.runId(), problem, region, population, cases, page, next));
  }

  private FactorView view(
      RootCauseResults.FactorRow row,
      PublishedRun.IndicatorRow indicator,
      boolean persian,
      boolean withheld,
      SmallCells rule) {
    String label =
        indicator == null ? row.factor() : persian ? indicator.labelFa() : indicator.labelEn();
    if (withheld) {
      // Every number of the row goes, not only its counts: the crude ratios are equations in the
      // cells, the attributable fraction p(aOR-1)/aOR gives the exposed share of cases p, and a
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
          null);
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
                row.totalEffect().adjustedFor()));
  }

  /**
   * What a caller may not see of one problem's rows, all regions considered together: the overall
   * row minus the regions served must not give a withheld region away (see {@link
   * RegionComplements}). The population and cases of a region are protected first; a region whose
   * totals are withheld has all its factor rows withheld too, since a factor nobody leaves
   * unanswered adds up to the population.
   */
  static Protection protect(List<RootCauseResults.FactorRow> ofProblem, SmallCells rule) {
    if (!rule.active()) {
      return new Protection(new RegionComplements.Withheld(Set.of(), false), Map.of());
    }
    long[] overallTotals = null;
    Map<String, long[]> regionTotals = new HashMap<>();
    Map<String, long[]> overallCells = new HashMap<>();
    Map<String, Map<String, long[]>> regionCells = new HashMap<>();
    for (RootCauseResults.FactorRow row : ofProblem) {
      long[] totals = {row.cases(), row.population() - row.cases()};
      if (row.region() == null) {
        overallTotals = totals;
        overallCells.put(row.factor(), cells(row));
      } else {
        regionTotals.put(row.region(), totals);
        regionCells
            .computeIfAbsent(row.factor(), factor -> new HashMap<>())
            .put(row.region(), cells(row));
      }
    }
    RegionComplements.Withheld totals =
        RegionComplements.protect(overallTotals, regionTotals, Set.of(), rule);
    Map<String, RegionComplements.Withheld> byFactor = new HashMap<>();
    Set<String> factors = new HashSet<>(overallCells.keySet());
    factors.addAll(regionCells.keySet());
    for (String factor : factors) {
      RegionComplements.Withheld withheld =
          RegionComplements.protect(
              overallCells.get(factor),
              regionCells.getOrDefault(factor, Map.of()),
              totals.regions(),
              rule);
      byFactor.put(
          factor,
          new RegionComplements.Withheld(
              withheld.regions(), withheld.overall() || totals.overall()));
    }
    return new Protection(totals, byFactor);
  }

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

  /** The rows and totals withheld of one problem; region null is the overall row. */
  record Protection(
      RegionComplements.Withheld totals, Map<String, RegionComplements.Withheld> byFactor) {
    boolean withholds(String factor, String region) {
      RegionComplements.Withheld withheld = byFactor.get(factor);
      if (withheld == null) {
        return false;
      }
      return region == null ? withheld.overall() : withheld.regions().contains(region);
    }

    boolean withholdsTotals(String region) {
      return region == null ? totals.overall() : totals.regions().contains(region);
    }
  }

  private static EstimateView estimate(RootCauseResults.Interval interval) {
    return new EstimateView(interval.estimate(), interval.low(), interval.high());
  }
}
