package org.rishe.analytics.rootcause;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rishe.analytics.scope.CuratedInputs;
import org.rishe.common.contract.Entity;

/**
 * What the root-cause analysis and the causal graph both read, built and cached once per run: the
 * people in scope, their problems' onsets, their factor observations, one timeline per person, and
 * the code dictionary with the problems' lags. Close it to release the cached tables.
 */
public final class RootCauseInputs implements AutoCloseable {
  final Dataset<Row> scope;
  final Dataset<Row> onsets;
  final Dataset<Row> factorObservations;
  final Dataset<Row> timelines;
  final Dataset<Row> indicators;
  private PersonTimeline.Codes dictionary;
  private List<String> regions;

  private RootCauseInputs(
      Dataset<Row> scope,
      Dataset<Row> onsets,
      Dataset<Row> factorObservations,
      Dataset<Row> timelines,
      Dataset<Row> indicators) {
    this.scope = scope;
    this.onsets = onsets;
    this.factorObservations = factorObservations;
    this.timelines = timelines;
    this.indicators = indicators;
  }

  /**
   * The inputs of the people aged {@code minimumAge} to {@code maximumAge}. {@code
   * consentingPeople} and {@code cases} must already be limited to consenting people; observations
   * of others are dropped by the joins. Nothing is computed until a step reads them.
   */
  public static RootCauseInputs of(
      Dataset<Row> consentingPeople,
      Dataset<Row> families,
      Dataset<Row> cases,
      Dataset<Row> observations,
      Dataset<Row> indicators,
      int minimumAge,
      int maximumAge) {
    requireNonNull(indicators, "indicators is null");
    Dataset<Row> scope =
        ExposureTransforms.peopleInScope(consentingPeople, families, minimumAge, maximumAge)
            .cache();
    Dataset<Row> onsets = ExposureTransforms.onsets(scope, cases).cache();
    Dataset<Row> factorObservations =
        ExposureTransforms.factorObservations(scope, observations, indicators).cache();
    Dataset<Row> timelines =
        RootCauseTransforms.timelines(scope, onsets, factorObservations).cache();
    return new RootCauseInputs(scope, onsets, factorObservations, timelines, indicators);
  }

  /** The inputs of a warehouse's curated tables (consent already honoured there). */
  public static RootCauseInputs of(CuratedInputs inputs, int minimumAge, int maximumAge) {
    return of(
        inputs.people(),
        inputs.table(Entity.FAMILIES),
        inputs.cases(),
        inputs.table(Entity.OBSERVATIONS),
        inputs.table(Entity.INDICATORS),
        minimumAge,
        maximumAge);
  }

  /** Every exposure code of the catalogue, its problems and their lags (computed once). */
  PersonTimeline.Codes codes() {
    if (dictionary == null) {
      dictionary = RootCauseAnalysis.codes(indicators, RootCauseTransforms.lags(scope, onsets));
    }
    return dictionary;
  }

  /** The regions of the people in scope, sorted (computed once). */
  List<String> regions() {
    if (regions == null) {
      regions = RootCauseAnalysis.regions(scope);
    }
    return regions;
  }

  @Override
  public void close() {
    timelines.unpersist();
    factorObservations.unpersist();
    onsets.unpersist();
    scope.unpersist();
  }
}
