package org.rishe.app;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.rishe.analytics.AnalyzeCommand;
import org.rishe.ingest.IngestCommand;

/**
 * {@code pipeline}: an ingest and then an analyze of the same warehouse in one JVM and one Spark
 * session, as a nightly job or {@code rishe demo} runs them. Both commands keep their own options
 * and meaning; starting Spark once and letting the analyze run on code the ingest has already
 * loaded and compiled saves the second start (several seconds of CPU even on a small batch).
 *
 * <p>Ingest's options ({@link IngestCommand#OPTIONS}) go to the ingest, {@code --warehouse} to
 * both, every other argument to the analyze. The analyze runs when the ingest loaded every file
 * (exit 0) or all but some unreadable ones (exit 3: the rest loaded, as {@code rishe ingest}
 * reports); it does not run after bad arguments (2) or a failed ingest (1). The pipeline's status
 * is the analyze's when it ran and failed, else the ingest's.
 */
final class Pipeline {
  static final String USAGE =
      """
      Usage: pipeline --batch DIR [ingest options] [analyze options] [--warehouse DIR]

      Ingests the batch folder and then analyzes the warehouse, in one Spark session. The ingest
      options (--batch, --calendar, --encoding, --pseudonym-key) are those of ingest --help, the
      rest those of analyze --help; --warehouse is the warehouse of both. The analyze runs when
      the ingest stored its batch (exit 0, or 3 when some file could not be read).

      Exit status: the ingest's when it did not store the batch (1 or 2) or when the analyze
      succeeded after it (0 or 3); the analyze's when the analyze failed (1 or 2).""";

  private Pipeline() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    Split split = Split.of(args);
    if (split.help()) {
      out.println(USAGE);
      return 0;
    }
    int ingested = IngestCommand.run(split.ingest().toArray(String[]::new), out, err);
    if (ingested != 0 && ingested != IngestCommand.EXIT_PARTIAL) {
      return ingested;
    }
    int analyzed = AnalyzeCommand.run(split.analyze().toArray(String[]::new), out, err);
    return analyzed != 0 ? analyzed : ingested;
  }

  /**
   * The pipeline's arguments dealt to its two commands: each ingest option with the word after it
   * to the ingest, {@code --warehouse} and its value to both, anything else to the analyze, in the
   * order given; {@code help} when {@code --help} or {@code -h} appears.
   */
  record Split(List<String> ingest, List<String> analyze, boolean help) {
    static Split of(String[] args) {
      List<String> ingest = new ArrayList<>();
      List<String> analyze = new ArrayList<>();
      boolean help = false;
      for (int index = 0; index < args.length; index++) {
        String argument = args[index];
        help |= argument.equals("--help") || argument.equals("-h");
        if (!IngestCommand.OPTIONS.contains(argument)) {
          analyze.add(argument);
          continue;
        }
        List<String> option =
            index + 1 < args.length ? List.of(argument, args[++index]) : List.of(argument);
        ingest.addAll(option);
        if (argument.equals("--warehouse")) {
          analyze.addAll(option);
        }
      }
      return new Split(List.copyOf(ingest), List.copyOf(analyze), help);
    }
  }
}
