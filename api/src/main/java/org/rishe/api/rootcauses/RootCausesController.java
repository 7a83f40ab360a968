package org.rishe.api.rootcauses;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.LongStream;
import org.rishe.api.auth.Authorizer;
import org.rishe.api.auth.Role;
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
      String evidence) {}

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
    boolean suppress = Authorizer.key(ctx).role() == Role.RESEARCHER;
    boolean persian = Language.of(ctx).equals("fa");
    Map<String, PublishedRun.IndicatorRow> indicators = run.indicatorsByCode();
    List<RootCauseResults.FactorRow> rows =
        ofProblem.stream()
            .filter(row -> Objects.equals(row.region(), region))
            .sorted(BY_ADJUSTED_ODDS_RATIO)
            .toList();
    List<FactorView> factors =
        rows.stream()
            .map(row -> view(row, indicators.get(row.factor()), persian, suppress))
            .toList();
    Long population = rows.isEmpty() ? null : count(rows.get(0).population(), suppress);
    Long cases = rows.isEmpty() ? null : count(rows.get(0).cases(), suppress);
    return new Tables.Computed<>(
        factors,
        (page, next) ->
            new RootCausesResponse(run.runId(), problem, region, population, cases, page, next));
  }

  private FactorView view(
      RootCauseResults.FactorRow row,
      PublishedRun.IndicatorRow indicator,
      boolean persian,
      boolean suppress) {
    String label =
        indicator == null ? row.factor() : persian ? indicator.labelFa() : indicator.labelEn();
    if (suppress && hasSmallCell(row)) {
      return new FactorView(
          row.factor(),
          label,
          null,
          null,
          null,
          null,
          WITHHELD,
          WITHHELD,
          estimate(row.adjustedOddsRatio()),
          estimate(row.attributableFraction()),
          null,
          null,
          null,
          row.evidence());
    }
    return new FactorView(
        row.factor(),
        label,
        count(row.exposedCases(), suppress),
        count(row.exposedTotal(), suppress),
        count(row.unexposedCases(), suppress),
        count(row.unexposedTotal(), suppress),
        estimate(row.relativeRisk()),
        estimate(row.oddsRatio()),
        estimate(row.adjustedOddsRatio()),
        estimate(row.attributableFraction()),
        row.pValue(),
        row.qValue(),
        row.medianLeadDays(),
        row.evidence());
  }

  /** Whether any of the factor's six cells (with missing answers as a third row) is 1 to k-1. */
  private boolean hasSmallCell(RootCauseResults.FactorRow row) {
    long missingTotal = row.population() - row.exposedTotal() - row.unexposedTotal();
    long missingCases = row.cases() - row.exposedCases() - row.unexposedCases();
    return LongStream.of(
            row.exposedCases(),
            row.exposedTotal() - row.exposedCases(),
            row.unexposedCases(),
            row.unexposedTotal() - row.unexposedCases(),
            missingCases,
            missingTotal - missingCases)
        .anyMatch(cell -> cell > 0 && cell < smallCellThreshold);
  }

  /** A count a researcher may see: any count from 1 to k-1 is withheld. */
  private Long count(long count, boolean suppress) {
    return suppress && count > 0 && count < smallCellThreshold ? null : count;
  }

  private static EstimateView estimate(RootCauseResults.Interval interval) {
    return new EstimateView(interval.estimate(), interval.low(), interval.high());
  }
}
