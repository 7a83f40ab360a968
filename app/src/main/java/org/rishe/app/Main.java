package org.rishe.app;

import java.io.PrintStream;
import java.util.Arrays;
import org.rishe.analytics.AnalyzeCommand;
import org.rishe.ingest.IngestCommand;
import org.rishe.spark.SparkSessions;

/**
 * The main class of the application jar for {@code spark-submit}: the first argument names the
 * command ({@code ingest}, {@code analyze}, or {@code pipeline}: an ingest then an analyze in one
 * Spark session), the rest are that command's options, exactly as {@code bin/rishe ingest}, {@code
 * bin/rishe analyze} and {@code bin/rishe pipeline} take them. The command then exits with its own
 * status.
 */
public final class Main {
  static final String USAGE =
      """
      Usage: spark-submit [SPARK OPTIONS] --class org.rishe.app.Main rishe-app-VERSION.jar COMMAND [OPTIONS]

        ingest    --batch DIR [--calendar gregorian|jalali] [--encoding utf-8|windows-1256]
                  [--warehouse DIR]        loads a batch folder into the curated tables
        analyze   [--warehouse DIR] ...    computes and publishes a new results run
        pipeline  --batch DIR [--warehouse DIR] ...
                                           ingest, then analyze, in one Spark session

      COMMAND --help lists a command's options. The warehouse must be a path or URI that the
      driver and every executor can reach.""";

  private Main() {}

  public static void main(String[] args) {
    String[] options = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    switch (args.length == 0 ? "" : args[0]) {
      case "ingest" -> IngestCommand.main(options);
      case "analyze" -> AnalyzeCommand.main(options);
      case "pipeline" -> SparkSessions.exit(Pipeline.run(options, System.out, System.err));
      default -> System.exit(notACommand(args, System.out, System.err));
    }
  }

  /**
   * For anything but a command: the usage, on standard output with status 0 when it was asked for,
   * else on standard error with status 2.
   */
  static int notACommand(String[] args, PrintStream out, PrintStream err) {
    if (args.length > 0 && Arrays.asList("help", "--help", "-h").contains(args[0])) {
      out.println(USAGE);
      return 0;
    }
    err.println(
        args.length == 0
            ? "rishe: no command given: the first argument must be ingest, analyze or pipeline"
            : "rishe: unknown command '"
                + args[0]
                + "': the first argument must be ingest, analyze or pipeline");
    err.println(USAGE);
    return 2;
  }
}
