package org.rishe.analytics;

import java.io.PrintStream;
import java.util.Set;
import org.rishe.analytics.publish.RunManifest;
import org.rishe.common.cli.Arguments;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.ingest.spark.SparkSessions;

/**
 * {@code rishe analyze [--warehouse DIR] [--min-age N] [--max-age N]}: computes and publishes a
 * run.
 */
public final class AnalyzeCommand {
  static final String USAGE =
      """
      Usage: rishe analyze [--warehouse DIR] [--min-age N] [--max-age N]

      Computes every result from the curated tables and publishes it as a new results run:
      Parquet under <warehouse>/results/<run-id>/, its run.json manifest, and last
      results/LATEST, which the API follows. An interrupted run is never published.

        --warehouse DIR   the warehouse (default $RISHE_WAREHOUSE or ./warehouse)
        --min-age N       youngest age in scope for person-level analyses (default 0)
        --max-age N       oldest age in scope (default 17: children)

      Exit status: 0 published, 2 bad arguments, 1 failed (the previous run stays published).""";

  private AnalyzeCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    Arguments arguments;
    AnalyzeParameters parameters;
    try {
      arguments = Arguments.parse(args, Set.of("--warehouse", "--min-age", "--max-age"), Set.of());
      AnalyzeParameters defaults = AnalyzeParameters.defaults();
      parameters =
          new AnalyzeParameters(
              (int) arguments.longValue("--min-age", defaults.minimumAge(), 0, 120),
              (int) arguments.longValue("--max-age", defaults.maximumAge(), 0, 120));
    } catch (IllegalArgumentException e) {
      err.println("rishe analyze: " + e.getMessage() + " (see --help)");
      return 2;
    }
    if (arguments.help()) {
      out.println(USAGE);
      return 0;
    }
    WarehouseLayout layout = WarehouseLayout.resolve(arguments.value("--warehouse").orElse(null));
    try {
      RunManifest manifest =
          new AnalyzeJob(SparkSessions.getOrCreate("rishe-analyze"), layout, err::println)
              .run(parameters);
      out.println("published run " + manifest.runId() + " " + manifest.tables());
      return 0;
    } catch (RuntimeException e) {
      String message =
          e.getMessage() == null
              ? e.getClass().getSimpleName()
              : e.getMessage().lines().findFirst().orElse("");
      err.println("rishe analyze: failed: " + message);
      return 1;
    }
  }
}
