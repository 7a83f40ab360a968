package org.rishe.analytics.rootcause;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.rishe.analytics.AnalyzeParameters;
import org.rishe.analytics.scope.CuratedInputs;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.spark.SparkSessions;

/**
 * Times the root-cause 2×2 counts on an ingested warehouse: first the timelines (scope, onsets,
 * first exposure dates, one row per child, cached), then the one pass that counts every problem ×
 * code × region table from them, repeated to show the steady figure. bench/rootcause/twobytwo.sh
 * runs it; bench/rootcause/README.md records the results.
 */
public final class TwoByTwoBenchmark {
  private TwoByTwoBenchmark() {}

  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: TwoByTwoBenchmark WAREHOUSE [REPEATS]");
      System.exit(2);
    }
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    SparkSession spark = SparkSessions.getOrCreate("rishe-twobytwo-bench");
    CuratedInputs inputs = new CuratedInputs(spark, WarehouseLayout.resolve(args[0]));
    AnalyzeParameters parameters = AnalyzeParameters.defaults();
    long started = System.nanoTime();
    try (RootCauseInputs rootCauseInputs =
        RootCauseInputs.of(inputs, parameters.minimumAge(), parameters.maximumAge())) {
      long children = rootCauseInputs.timelines.count();
      PersonTimeline.Codes codes = rootCauseInputs.codes();
      List<String> regions = rootCauseInputs.regions();
      System.out.printf(
          "timelines: %,d children in scope, %d problems × %d codes × %d regions (+ overall),"
              + " built and cached in %.1f s%n",
          children, codes.problemCount(), codes.codeCount(), regions.size(), seconds(started));
      for (int repeat = 1; repeat <= repeats; repeat++) {
        long counting = System.nanoTime();
        List<RootCauseStatistics.Counts> counts =
            RootCauseTransforms.twoByTwoCounts(rootCauseInputs.timelines, codes, regions);
        System.out.printf(
            "2×2 counts, pass %d: %,d tables with their median lead days in %.2f s%n",
            repeat, counts.size(), seconds(counting));
      }
    }
    spark.stop();
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
