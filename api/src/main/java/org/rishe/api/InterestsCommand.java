package org.rishe.api;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rishe.api.volunteers.Interest;
import org.rishe.api.volunteers.InterestLog;

/**
 * {@code rishe interests export [--out FILE]}: the volunteers' registered interests in programmes
 * as CSV, for the charity's own volunteer system ({@link LogExport}).
 */
public final class InterestsCommand {
  static final String USAGE =
      """
      Usage: rishe interests export [--out FILE] [--warehouse DIR]

      export   writes every interest volunteers registered in a programme (POST
               /api/v1/programs/{id}/interest), oldest first, as CSV: volunteer_id (as the
               warehouse stores it, the id the volunteer's key was made for), program_id,
               registered_at (UTC); RFC 4180, UTF-8, CRLF, a header line

        --out FILE        write the CSV to FILE (replaced whole, at once) instead of standard output
        --warehouse DIR   the warehouse (default $RISHE_WAREHOUSE or ./warehouse); a local one, where
                          the API keeps <warehouse>/logs/interests.jsonl""";

  static final List<String> COLUMNS = List.of("volunteer_id", "program_id", "registered_at");

  private static final LogExport EXPORT =
      new LogExport(
          "interests",
          USAGE,
          "interests",
          COLUMNS,
          layout ->
              InterestLog.read(layout.interestLog()).stream().map(InterestsCommand::row).toList());

  private InterestsCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    return EXPORT.run(args, out, err);
  }

  private static Map<String, Object> row(Interest interest) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("volunteer_id", interest.volunteerId());
    row.put("program_id", interest.programId());
    row.put("registered_at", interest.registeredAt());
    return row;
  }
}
