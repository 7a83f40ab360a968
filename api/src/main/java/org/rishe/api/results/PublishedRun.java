package org.rishe.api.results;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.rishe.common.results.ProgramImpactGap;

/**
 * One published results run, held in memory: everything the API serves, loaded once when the run is
 * published and never touched by a request.
 */
public record PublishedRun(
    String runId,
    String publishedAt,
    List<IndicatorRow> indicators,
    List<ProblemRow> problems,
    DashboardRun dashboard,
    List<ProgramRow> programs,
    List<ProgramImpactRow> programImpacts,
    List<ProgramBalanceRow> programBalance,
    RootCauseResults rootCauses,
    List<Cube> cubes,
    List<ProgramImpactGap> programImpactGaps,
    List<OccasionGivingRow> occasionGiving,
    List<NeedRow> needsBoard,
    List<RegionRow> regions) {
  public PublishedRun {
    requireNonNull(runId, "runId is null");
    indicators = List.copyOf(indicators);
    problems = List.copyOf(problems);
    requireNonNull(dashboard, "dashboard is null");
    programs = List.copyOf(programs);
    programImpacts = List.copyOf(programImpacts);
    programBalance = List.copyOf(programBalance);
    requireNonNull(rootCauses, "rootCauses is null");
    cubes = List.copyOf(cubes);
    programImpactGaps = List.copyOf(programImpactGaps);
    occasionGiving = List.copyOf(occasionGiving);
    needsBoard = List.copyOf(needsBoard);
    regions = List.copyOf(regions);
  }

  /**
   * A region of the catalogue; labels, parent and outline null where the catalogue gives none. The
   * outline is a GeoJSON geometry object, parsed once when the run is loaded.
   */
  public record RegionRow(
      String code, String labelEn, String labelFa, String parent, Map<String, Object> geometry) {}

  /** A programme; {@code costPerParticipant} null when unknown. */
  public record ProgramRow(
      String id,
      String name,
      String kind,
      String targetProblem,
      Double costPerParticipant,
      long participants) {}

  /**
   * One programme, outcome and method's effect on the treated; bounds and costs null where not
   * defined.
   */
  public record ProgramImpactRow(
      String programId,
      String outcome,
      String outcomeType,
      String method,
      boolean primary,
      Double estimate,
      Double low,
      Double high,
      double naiveDifference,
      long treated,
      long controls,
      long trimmedControls,
      Double costPerOutcome,
      Double costPerOutcomeLow,
      Double costPerOutcomeHigh) {}

  /**
   * Standardised mean difference of one covariate before and after adjustment; {@code binary}
   * whether the covariate is an indicator (0 or 1 only), null for a run that did not say; {@code
   * strata} the propensity strata of the estimate and {@code unbalancedStrata} in how many of them
   * the covariate's treated and control means still differ at 5% (Dehejia &amp; Wahba's check),
   * both null for a run published before they were.
   */
  public record ProgramBalanceRow(
      String programId,
      String outcome,
      String covariate,
      Double before,
      Double after,
      Boolean binary,
      Integer strata,
      Integer unbalancedStrata) {}

  /** A catalogue entry. */
  public record IndicatorRow(
      String code, String kind, String domain, String labelEn, String labelFa) {}

  /** One problem's counts. */
  public record ProblemRow(String code, String labelEn, String labelFa, long cases, long people) {}

  /** The need on the board with this public reference, if any. */
  public java.util.Optional<NeedRow> need(String needRef) {
    return needsBoard.stream().filter(n -> n.needRef().equals(needRef)).findFirst();
  }

  /**
   * A donation's designation as it may be served: {@code need:<need_id>} becomes {@code
   * need:<need_ref>} for a need on the board, and {@code need} alone for one that is not (met or
   * withdrawn), since a need id is never served; every other designation is unchanged.
   */
  public String servedDesignation(String designation) {
    if (designation == null || !designation.startsWith(NEED_DESIGNATION)) {
      return designation;
    }
    String needId = designation.substring(NEED_DESIGNATION.length());
    return needsBoard.stream()
        .filter(need -> need.needId().equals(needId))
        .findFirst()
        .map(need -> NEED_DESIGNATION + need.needRef())
        .orElse("need");
  }

  private static final String NEED_DESIGNATION = "need:";

  public Map<String, IndicatorRow> indicatorsByCode() {
    return indicators.stream()
        .collect(java.util.stream.Collectors.toUnmodifiableMap(IndicatorRow::code, i -> i));
  }
}
