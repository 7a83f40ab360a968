package org.rishe.analytics.rootcause;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.rishe.analytics.AnalysisContext;
import org.rishe.analytics.AnalysisStep;
import org.rishe.analytics.AnalyzeParameters;
import org.rishe.analytics.publish.ResultsPublisher;
import org.rishe.analytics.scope.CuratedInputs;
import org.rishe.common.contract.Entity;
import org.rishe.common.results.ResultTables;

/**
 * The analyze step that publishes the root causes ({@link RootCauseAnalysis}) and the causal graph
 * with its chains ({@link CausalGraphStep}). One step for both, since they read the same people in
 * scope, onsets, observations and timelines ({@link RootCauseInputs}), built and cached once and
 * released before the graph's tables are written.
 */
public final class RootCauseStep implements AnalysisStep {
  private final CausalGraphSettings causalGraphSettings;

  /** The step with the given causal-graph settings, recorded in the run's parameters. */
  public RootCauseStep(CausalGraphSettings causalGraphSettings) {
    this.causalGraphSettings = requireNonNull(causalGraphSettings, "causalGraphSettings is null");
  }

  @Override
  public String name() {
    return "root causes and causal graph";
  }

  @Override
  public Set<Entity> reads() {
    return Set.of(
        Entity.PEOPLE, Entity.FAMILIES, Entity.CASES, Entity.OBSERVATIONS, Entity.INDICATORS);
  }

  /** Its cached timelines hold every person in scope. */
  @Override
  public boolean heavy() {
    return true;
  }

  @Override
  public List<String> publishes() {
    return List.of(
        ResultTables.ROOT_CAUSES,
        ResultTables.CAUSAL_GRAPH_NODES,
        ResultTables.CAUSAL_GRAPH_EDGES,
        ResultTables.ROOT_CAUSE_CHAINS);
  }

  @Override
  public void run(AnalysisContext context) {
    requireNonNull(context, "context is null");
    SparkSession spark = context.spark();
    CuratedInputs inputs = context.inputs();
    ResultsPublisher publisher = context.publisher();
    Consumer<String> progress = context.progress();
    AnalyzeParameters parameters = context.parameters();
    CausalGraphStep.Result graph;
    try (RootCauseInputs rootCauseInputs =
        RootCauseInputs.of(inputs, parameters.minimumAge(), parameters.maximumAge())) {
      progress.accept("  root causes");
      publisher.write(
          ResultTables.ROOT_CAUSES, RootCauseAnalysis.run(spark, rootCauseInputs, progress));
      context.recordMethod(ResultTables.ROOT_CAUSES, RootCauseAnalysis.METHOD);
      progress.accept("  causal graph");
      graph = CausalGraphStep.run(rootCauseInputs, causalGraphSettings, progress);
    }
    publisher.write(
        ResultTables.CAUSAL_GRAPH_NODES,
        CausalGraphTables.nodes(spark, graph, inputs.table(Entity.INDICATORS)));
    publisher.write(ResultTables.CAUSAL_GRAPH_EDGES, CausalGraphTables.edges(spark, graph));
    publisher.write(ResultTables.ROOT_CAUSE_CHAINS, CausalGraphTables.chains(spark, graph));
    context.recordMethod(ResultTables.CAUSAL_GRAPH_EDGES, CausalGraphStep.METHOD);
    context.recordMethod(ResultTables.ROOT_CAUSE_CHAINS, CausalGraphStep.METHOD);
    context.recordParameters(causalGraphSettings.asMap());
  }
}
