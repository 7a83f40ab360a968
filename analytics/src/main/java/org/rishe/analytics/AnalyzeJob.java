package org.rishe.analytics;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.rishe.analytics.cubes.CubeSteps;
import org.rishe.analytics.dashboard.DashboardSteps;
import org.rishe.analytics.impact.ProgramImpactJob;
import org.rishe.analytics.impact.ProgramImpactSettings;
import org.rishe.analytics.impact.ProgramImpactTables;
import org.rishe.analytics.impact.ProgramImpactTransforms;
import org.rishe.analytics.problems.ProblemTransforms;
import org.rishe.analytics.publish.ResultsPublisher;
import org.rishe.analytics.publish.RunManifest;
import org.rishe.analytics.rootcause.CausalGraphSettings;
import org.rishe.analytics.rootcause.CausalGraphStep;
import org.rishe.analytics.rootcause.CausalGraphTables;
import org.rishe.analytics.rootcause.RootCauseAnalysis;
import org.rishe.analytics.rootcause.RootCauseInputs;
import org.rishe.analytics.scope.CuratedInputs;
import org.rishe.common.contract.Entity;
import org.rishe.common.results.ResultTables;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.spark.warehouse.WarehouseFiles;

/**
 * Computes every result table from the curated tables and publishes them as one run. Each result is
 * a pure transform; this class only reads, sequences and writes.
 */
public final class AnalyzeJob {
  private final SparkSession spark;
  private final WarehouseLayout layout;
  private final Consumer<String> progress;

  public AnalyzeJob(SparkSession spark, WarehouseLayout layout, Consumer<String> progress) {
    this.spark = requireNonNull(spark, "spark is null");
    this.layout = requireNonNull(layout, "layout is null");
    this.progress = requireNonNull(progress, "progress is null");
  }

  /** Computes and publishes a run; returns its manifest. */
  public RunManifest run(AnalyzeParameters parameters) {
    return run(parameters, ProgramImpactSettings.defaults());
  }

  /** Computes and publishes a run with the given programme-evaluation settings. */
  public RunManifest run(AnalyzeParameters parameters, ProgramImpactSettings impactSettings) {
    return run(parameters, impactSettings, CausalGraphSettings.defaults());
  }

  /** Computes and publishes a run with the given programme-evaluation and causal-graph settings. */
  public RunManifest run(
      AnalyzeParameters parameters,
      ProgramImpactSettings impactSettings,
      CausalGraphSettings causalGraphSettings) {
    requireNonNull(causalGraphSettings, "causalGraphSettings is null");
    WarehouseFiles files = new WarehouseFiles(spark.sparkContext().hadoopConfiguration());
    ResultsPublisher.removeIncompleteRuns(layout, files);
    CuratedInputs inputs = new CuratedInputs(spark, layout);
    if (inputs.versions().isEmpty()) {
      throw new IllegalStateException(
          "the warehouse "
              + layout.root()
              + " holds no curated tables yet; run `rishe ingest --batch DIR` first");
    }
    ResultsPublisher publisher =
        new ResultsPublisher(layout, files, WarehouseLayout.newId(Instant.now()));
    Map<String, String> methods = new LinkedHashMap<>();

    progress.accept("[1/5] catalogue");
    publisher.write(
        ResultTables.INDICATORS,
        inputs
            .table(Entity.INDICATORS)
            .select(
                col("code"),
                col("kind"),
                col("value_type"),
                col("domain"),
                col("label_en"),
                col("label_fa"),
                col("threshold"),
                col("direction"))
            .orderBy("code"));

    progress.accept("[2/5] problems");
    publisher.write(
        ResultTables.PROBLEMS,
        ProblemTransforms.problemCounts(inputs.cases(), inputs.table(Entity.INDICATORS)));
    methods.put(
        ResultTables.PROBLEMS, "cases and distinct people per problem, consenting people only");
    progress.accept("[2/5] researcher cubes");
    CubeSteps.run(inputs, publisher, methods);

    DashboardSteps.run(inputs, publisher, methods, progress);
    progress.accept("[3/5] programme impact");
    List<ProgramImpactJob.Evaluation> evaluations =
        new ProgramImpactJob(spark, impactSettings, progress)
            .evaluate(
                inputs.people(),
                inputs.table(Entity.FAMILIES),
                inputs.enrollments(),
                inputs.observations(),
                inputs.table(Entity.INDICATORS),
                inputs.table(Entity.PROGRAMS));
    publisher.write(
        ResultTables.PROGRAMS,
        ProgramImpactTransforms.programs(inputs.table(Entity.PROGRAMS), inputs.enrollments()));
    publisher.write(ResultTables.PROGRAM_IMPACT, ProgramImpactTables.impact(spark, evaluations));
    publisher.write(ResultTables.PROGRAM_BALANCE, ProgramImpactTables.balance(spark, evaluations));
    methods.put(ResultTables.PROGRAM_IMPACT, ProgramImpactTables.METHODS_TEXT);
    methods.put(
        ResultTables.PROGRAM_BALANCE,
        "standardised mean difference per covariate, before (all units) and after (trimmed,"
            + " controls weighted by propensity odds), pooled unweighted SD");
    Map<String, Object> recordedParameters = new LinkedHashMap<>(parameters.asMap());
    recordedParameters.putAll(impactSettings.asMap());
    progress.accept("[4/5] root causes");
    CausalGraphStep.Result graph;
    // Scope, onsets, observations and timelines are built once for both steps.
    try (RootCauseInputs rootCauseInputs =
        RootCauseInputs.of(inputs, parameters.minimumAge(), parameters.maximumAge())) {
      publisher.write(
          ResultTables.ROOT_CAUSES, RootCauseAnalysis.run(spark, rootCauseInputs, progress));
      methods.put(ResultTables.ROOT_CAUSES, RootCauseAnalysis.METHOD);
      progress.accept("[5/5] causal graph");
      graph = CausalGraphStep.run(rootCauseInputs, causalGraphSettings, progress);
    }
    publisher.write(
        ResultTables.CAUSAL_GRAPH_NODES,
        CausalGraphTables.nodes(spark, graph, inputs.table(Entity.INDICATORS)));
    publisher.write(ResultTables.CAUSAL_GRAPH_EDGES, CausalGraphTables.edges(spark, graph));
    publisher.write(ResultTables.ROOT_CAUSE_CHAINS, CausalGraphTables.chains(spark, graph));
    methods.put(ResultTables.CAUSAL_GRAPH_EDGES, CausalGraphStep.METHOD);
    methods.put(ResultTables.ROOT_CAUSE_CHAINS, CausalGraphStep.METHOD);
    recordedParameters.putAll(causalGraphSettings.asMap());

    RunManifest manifest =
        new RunManifest(
            publisher.runId(),
            Instant.now().toString(),
            inputs.versions(),
            recordedParameters,
            publisher.rowCounts(),
            methods);
    publisher.publish(manifest);
    return manifest;
  }
}
