package org.rishe.analytics.rootcause;

import java.util.Locale;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.rishe.analytics.AnalyzeParameters;
import org.rishe.analytics.scope.CuratedInputs;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.spark.SparkSessions;

/**
 * Runs the root-cause step of {@code rishe analyze} alone on an ingested warehouse, as the analyze
 * job does: the shared inputs (timelines), the {@code root_causes} table (2×2 tables, adjusted
 * models and total effects) and the causal graph (patterns, PC-stable, stability, chains), printing
 * each progress line with the seconds since the start. Nothing is published. {@code
 * bench/analyze/cluster.sh} runs it on a standalone cluster with a small driver ({@code
 * RISHE_CLUSTER_MAIN}), where the population-sized parts must stay on the executors.
 *
 * <p>Usage: {@code RootCauseStepBenchmark --warehouse DIR}.
 */
public final class RootCauseStepBenchmark {
  private RootCauseStepBenchmark() {}

  public static void main(String[] args) {
    if (args.length != 2 || !args[0].equals("--warehouse")) {
      System.err.println("usage: RootCauseStepBenchmark --warehouse DIR");
      System.exit(2);
    }
    SparkSession spark = SparkSessions.getOrCreate("rishe-root-cause-bench");
    CuratedInputs curated = new CuratedInputs(spark, WarehouseLayout.resolve(args[1]));
    AnalyzeParameters parameters = AnalyzeParameters.defaults();
    long started = System.nanoTime();
    Consumer<String> progress =
        line ->
            System.out.printf(
                Locale.ROOT, "[%.1f s] %s%n", (System.nanoTime() - started) / 1e9, line);
    try (RootCauseInputs inputs =
        RootCauseInputs.of(curated, parameters.minimumAge(), parameters.maximumAge())) {
      long rows = RootCauseAnalysis.run(spark, inputs, progress).count();
      progress.accept("root_causes: " + rows + " rows");
      CausalGraphStep.Result graph =
          CausalGraphStep.run(inputs, CausalGraphSettings.defaults(), progress);
      progress.accept(
          "causal graph: "
              + graph.graph().edges().size()
              + " edges, "
              + graph.chains().size()
              + " chains");
    }
    spark.stop();
  }
}
