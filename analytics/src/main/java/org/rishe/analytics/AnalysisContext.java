package org.rishe.analytics;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.rishe.analytics.publish.ResultsPublisher;
import org.rishe.analytics.scope.CuratedInputs;

/**
 * What the steps of one analyze run share: the session, the curated tables pinned for the run, the
 * run's parameters, the publisher that writes the run's tables, the progress lines, and what the
 * steps record for the manifest (a method text per table, the settings they used).
 */
public final class AnalysisContext {
  private final java.util.List<java.util.Map<String, String>> programImpactGaps =
      new java.util.ArrayList<>();
  private final SparkSession spark;
  private final CuratedInputs inputs;
  private final AnalyzeParameters parameters;
  private final ResultsPublisher publisher;
  private final Consumer<String> progress;
  private final Map<String, String> methods = new LinkedHashMap<>();
  private final Map<String, Object> recordedParameters = new LinkedHashMap<>();

  /** A context whose recorded parameters start with the run's own ({@code parameters}). */
  public AnalysisContext(
      SparkSession spark,
      CuratedInputs inputs,
      AnalyzeParameters parameters,
      ResultsPublisher publisher,
      Consumer<String> progress) {
    this.spark = requireNonNull(spark, "spark is null");
    this.inputs = requireNonNull(inputs, "inputs is null");
    this.parameters = requireNonNull(parameters, "parameters is null");
    this.publisher = requireNonNull(publisher, "publisher is null");
    this.progress = requireNonNull(progress, "progress is null");
    recordedParameters.putAll(parameters.asMap());
  }

  public SparkSession spark() {
    return spark;
  }

  /** The curated tables, each at the version current when the run started. */
  public CuratedInputs inputs() {
    return inputs;
  }

  public AnalyzeParameters parameters() {
    return parameters;
  }

  /** Writes the run's tables; a step writes exactly the tables it declares. */
  public ResultsPublisher publisher() {
    return publisher;
  }

  /** Where a step reports what it is doing (detail lines are indented). */
  public Consumer<String> progress() {
    return progress;
  }

  /** Records how {@code table} was computed, for the manifest's {@code methods}. */
  public void recordMethod(String table, String method) {
    methods.put(requireNonNull(table, "table is null"), requireNonNull(method, "method is null"));
  }

  /** Records settings a step used, for the manifest's {@code parameters}. */
  public void recordParameters(Map<String, ?> settings) {
    recordedParameters.putAll(requireNonNull(settings, "settings is null"));
  }

  /** Records programme × outcome pairs left without an estimate, for the manifest. */
  public void recordProgramImpactGaps(java.util.List<java.util.Map<String, String>> entries) {
    programImpactGaps.addAll(requireNonNull(entries, "entries is null"));
  }

  /** The programme impact gaps recorded so far, in order. */
  public java.util.List<java.util.Map<String, String>> programImpactGaps() {
    return java.util.List.copyOf(programImpactGaps);
  }

  /** The method texts recorded so far, by table. */
  public Map<String, String> methods() {
    return Map.copyOf(methods);
  }

  /** The run's parameters and every setting recorded so far. */
  public Map<String, Object> recordedParameters() {
    return Map.copyOf(recordedParameters);
  }
}
