package org.rishe.api.results;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * One published results run, held in memory: everything the API serves, loaded once when the run is
 * published and never touched by a request.
 */
public record PublishedRun(
    String runId,
    String publishedAt,
    List<IndicatorRow> indicators,
    List<ProblemRow> problems,
    DashboardRun dashboard) {
  public PublishedRun {
    requireNonNull(runId, "runId is null");
    indicators = List.copyOf(indicators);
    problems = List.copyOf(problems);
    requireNonNull(dashboard, "dashboard is null");
  }

  /** A run without dashboard tables. */
  public PublishedRun(
      String runId, String publishedAt, List<IndicatorRow> indicators, List<ProblemRow> problems) {
    this(runId, publishedAt, indicators, problems, DashboardRun.empty());
  }

  /** A catalogue entry. */
  public record IndicatorRow(
      String code, String kind, String domain, String labelEn, String labelFa) {}

  /** One problem's counts. */
  public record ProblemRow(String code, String labelEn, String labelFa, long cases, long people) {}

  public Map<String, IndicatorRow> indicatorsByCode() {
    return indicators.stream()
        .collect(java.util.stream.Collectors.toUnmodifiableMap(IndicatorRow::code, i -> i));
  }
}
