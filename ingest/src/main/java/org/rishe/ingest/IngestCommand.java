package org.rishe.ingest;

import java.io.PrintStream;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.rishe.common.batch.BatchEncoding;
import org.rishe.common.cli.Arguments;
import org.rishe.common.contract.DateParser;
import org.rishe.common.privacy.KeyCheck;
import org.rishe.common.privacy.PseudonymKeys;
import org.rishe.common.privacy.Pseudonymizer;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.ingest.report.IngestReport;
import org.rishe.spark.SparkSessions;

/**
 * {@code rishe ingest --batch DIR [--calendar gregorian|jalali] [--encoding utf-8|windows-1256]
 * [--warehouse DIR]}: loads a batch folder. Exit 0 when every file loaded, 3 when some file failed
 * (the others loaded), 2 for bad arguments, 1 when the ingest could not run.
 */
public final class IngestCommand {
  public static final int EXIT_PARTIAL = 3;

  /** The options {@code ingest} takes, each with a value. */
  public static final java.util.Set<String> OPTIONS =
      java.util.Set.of("--batch", "--calendar", "--encoding", "--pseudonym-key", "--warehouse");

  static final String USAGE =
      """
      Usage: rishe ingest --batch DIR [--calendar gregorian|jalali] [--encoding ENC]
                          [--pseudonym-key FILE] [--warehouse DIR]

      Loads a batch folder (CSV, JSON Lines or Excel .xlsx files named after their entity, or
      one .xlsx workbook with a sheet per entity, or a KoboToolbox/ODK form export with its
      NAME.kobo.json mapping; see the repository's docs/data-contract.md) into the warehouse's
      curated tables. Rows that break the contract go to quarantine with
      a reason; the report goes to <warehouse>/reports/ingest-<id>.json.

        --batch DIR       the batch folder (required)
        --calendar CAL    gregorian (default) or jalali: the calendar of every date column
        --encoding ENC    utf-8 (default) or windows-1256 (CSV saved by Persian Windows or an
                          older Excel): the text encoding of every CSV and JSON Lines file
        --pseudonym-key FILE
                          the key that turns identifiers into pseudonyms, made on first use;
                          keep it outside the warehouse so that a copy of the warehouse cannot
                          re-identify a guessed id (default $RISHE_PSEUDONYM_KEY_FILE, else
                          <warehouse>/config/private/pseudonym.key; $RISHE_PSEUDONYM_KEY, the
                          key itself in hex, overrides both). Every ingest into one warehouse
                          must use the same key.
        --warehouse DIR   the warehouse (default $RISHE_WAREHOUSE or ./warehouse)

      Exit status: 0 all files loaded, 3 some file could not be read (the rest loaded),
      2 bad arguments, 1 the ingest failed (nothing stored was changed).""";

  private IngestCommand() {}

  public static void main(String[] args) {
    SparkSessions.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    Arguments arguments;
    try {
      arguments = Arguments.parse(args, OPTIONS, java.util.Set.of());
    } catch (IllegalArgumentException e) {
      err.println("rishe ingest: " + e.getMessage() + " (see --help)");
      return 2;
    }
    if (arguments.help()) {
      out.println(USAGE);
      return 0;
    }
    Optional<String> batch = arguments.value("--batch");
    if (batch.isEmpty()) {
      err.println("rishe ingest: --batch DIR is required (see --help)");
      return 2;
    }
    String calendarText = arguments.value("--calendar").orElse("gregorian");
    Optional<DateParser.BatchCalendar> calendar = DateParser.BatchCalendar.parse(calendarText);
    if (calendar.isEmpty()) {
      err.println(
          "rishe ingest: --calendar must be gregorian or jalali, not '" + calendarText + "'");
      return 2;
    }
    String encodingText = arguments.value("--encoding").orElse("utf-8");
    Optional<BatchEncoding> encoding = BatchEncoding.parse(encodingText);
    if (encoding.isEmpty()) {
      err.println(
          "rishe ingest: --encoding must be utf-8 or windows-1256, not '" + encodingText + "'");
      return 2;
    }
    WarehouseLayout layout = WarehouseLayout.resolve(arguments.value("--warehouse").orElse(null));
    try {
      // a warehouse with stored rows takes the key they were written with, never a new one (the
      // job compares the key with theirs, on any file system)
      boolean storedRows = layout.isLocal() && KeyCheck.storedIn(layout.localRoot()).isPresent();
      PseudonymKeys.Key key =
          PseudonymKeys.resolve(
              System::getenv,
              arguments.value("--pseudonym-key").map(java.nio.file.Path::of),
              layout.isLocal() ? Optional.of(layout.localRoot()) : Optional.empty(),
              !storedRows);
      if (key.insideWarehouse()) {
        err.println(
            "rishe ingest: note: the pseudonym key is kept inside the warehouse ("
                + key.source()
                + "), so every copy of the warehouse carries it; keep it elsewhere with"
                + " --pseudonym-key FILE (see --help)");
      }
      SparkSession spark = SparkSessions.getOrCreate("rishe-ingest");
      IngestReport report =
          new IngestJob(spark, layout, new Pseudonymizer(key.bytes()), err::println)
              .run(batch.get(), calendar.get(), encoding.get());
      out.println(report.summary());
      out.println("report: " + layout.ingestReport(report.ingestId()));
      return report.status().equals(IngestReport.COMPLETE) ? 0 : EXIT_PARTIAL;
    } catch (RuntimeException e) {
      err.println("rishe ingest: failed: " + oneLine(e));
      return 1;
    }
  }

  /** The first line of an exception's message: a failing command prints one line. */
  static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
