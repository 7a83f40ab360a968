package org.rishe.analytics;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.rishe.analytics.publish.ResultsPublisher;
import org.rishe.analytics.scope.CuratedInputs;

/**
 * What the steps of one analyze run share: the session, the curated tables pinned for the run, the
 * run's parameters, the publisher that writes the run's tables, the progress lines, and what the
 * steps record for the manifest (a method text per table, the settings they used). Steps may run at
 * the same time ({@link AnalyzeJob}): each gets its own context ({@link #forStep}) sharing the
 * run's records, which are safe to add to from several threads.
 */
public final class AnalysisContext {
  private final SparkSession spark;
  private final CuratedInputs inputs;
  private final AnalyzeParameters parameters;
  private final ResultsPublisher publisher;
  private final Consumer<String> progress;
  private final Records records;

  /** What the steps record for the manifest; one per run, guarded by its own lock. */
  private static final class Records {
    private final List<Map<String, String>> programImpactGaps = new ArrayList<>();
    private final Map<String, String> methods = new LinkedHashMap<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
  }

  /** A context whose recorded parameters start with the run's own ({@code parameters}). */
  public AnalysisContext(
      SparkSession spark,
      CuratedInputs inputs,
      AnalyzeParameters parameters,
      ResultsPublisher publisher,
      Consumer<String> progress) {
    this(spark, inputs, parameters, publisher, progress, new Records());
    records.parameters.putAll(parameters.asMap());
  }

  private AnalysisContext(
      SparkSession spark,
      CuratedInputs inputs,
      AnalyzeParameters parameters,
      ResultsPublisher publisher,
      Consumer<String> progress,
      Records records) {
    this.spark = requireNonNull(spark, "spark is null");
    this.inputs = requireNonNull(inputs, "inputs is null");
    this.parameters = requireNonNull(parameters, "parameters is null");
    this.publisher = requireNonNull(publisher, "publisher is null");
    this.progress = requireNonNull(progress, "progress is null");
    this.records = records;
  }

  /**
   * The context of one step: the same run and records, with a publisher of the step's own ({@link
   * ResultsPublisher#forStep}), so what the step wrote is known even while others write too.
   */
  AnalysisContext forStep() {
    return new AnalysisContext(spark, inputs, parameters, publisher.forStep(), progress, records);
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
    requireNonNull(table, "table is null");
    requireNonNull(method, "method is null");
    synchronized (records) {
      records.methods.put(table, method);
    }
  }

  /** Records settings a step used, for the manifest's {@code parameters}. */
  public void recordParameters(Map<String, ?> settings) {
    requireNonNull(settings, "settings is null");
    synchronized (records) {
      records.parameters.putAll(settings);
    }
  }

  /** Records programme × outcome pairs left without an estimate, for the manifest. */
  public void recordProgramImpactGaps(List<Map<String, String>> entries) {
    requireNonNull(entries, "entries is null");
    synchronized (records) {
      records.programImpactGaps.addAll(entries);
    }
  }

  /** The programme impact gaps recorded so far, in order. */
  public List<Map<String, String>> programImpactGaps() {
    synchronized (records) {
      return List.copyOf(records.programImpactGaps);
    }
  }

  /** The method texts recorded so far, by table. */
  public Map<String, String> methods() {
    synchronized (records) {
      return Map.copyOf(records.methods);
    }
  }

  /** The run's parameters and every setting recorded so far. */
  public Map<String, Object> recordedParameters() {
    synchronized (records) {
      return Map.copyOf(records.parameters);
    }
  }
}
