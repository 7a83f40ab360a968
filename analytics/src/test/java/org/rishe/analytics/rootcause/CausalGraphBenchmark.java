package org.rishe.analytics.rootcause;

import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.rishe.analytics.AnalyzeParameters;
import org.rishe.analytics.scope.CuratedInputs;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.spark.SparkSessions;

/**
 * Times the causal-graph step of {@code rishe analyze} alone on an ingested warehouse: the shared
 * root-cause inputs (timelines), the pattern counts, PC-stable, edge stability over the given
 * number of resamples and the chains, each from the step's own progress lines.
 * bench/rootcause/causal-graph.sh runs it.
 */
public final class CausalGraphBenchmark {
  private CausalGraphBenchmark() {}

  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: CausalGraphBenchmark WAREHOUSE [RESAMPLES]");
      System.exit(2);
    }
    CausalGraphSettings settings = CausalGraphSettings.defaults();
    if (args.length > 1) {
      settings = settings.withResamples(Integer.parseInt(args[1]));
    }
    SparkSession spark = SparkSessions.getOrCreate("rishe-causal-graph-bench");
    CuratedInputs inputs = new CuratedInputs(spark, WarehouseLayout.resolve(args[0]));
    AnalyzeParameters parameters = AnalyzeParameters.defaults();
    long started = System.nanoTime();
    try (RootCauseInputs rootCauseInputs =
        RootCauseInputs.of(inputs, parameters.minimumAge(), parameters.maximumAge())) {
      CausalGraphStep.Result result =
          CausalGraphStep.run(
              rootCauseInputs,
              settings,
              line ->
                  System.out.printf(
                      Locale.ROOT, "[%.1f s] %s%n", (System.nanoTime() - started) / 1e9, line));
      System.out.printf(
          Locale.ROOT,
          "causal graph step: %d edges, %d chains, %d resamples, %.1f s in all%n",
          result.graph().edges().size(),
          result.chains().size(),
          settings.resamples(),
          (System.nanoTime() - started) / 1e9);
    }
    spark.stop();
  }
}
