package org.rishe.api;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rishe.api.table.Csv;
import org.rishe.api.volunteers.Interest;
import org.rishe.api.volunteers.InterestLog;
import org.rishe.common.cli.Arguments;
import org.rishe.common.warehouse.WarehouseLayout;

/**
 * {@code rishe interests export [--out FILE]}: the volunteers' registered interests in programmes
 * as CSV, for the charity's own volunteer system. Reads the log the API writes and never changes
 * it, so it may run while the server does.
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

  private InterestsCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      out.println(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    if (!args[0].equals("export")) {
      err.println(
          "rishe interests: unknown action '" + args[0] + "'; the action is export (see --help)");
      return 2;
    }
    Arguments arguments;
    try {
      arguments =
          Arguments.parse(
              Arrays.copyOfRange(args, 1, args.length), Set.of("--out", "--warehouse"), Set.of());
    } catch (IllegalArgumentException e) {
      err.println("rishe interests: " + e.getMessage() + " (see --help)");
      return 2;
    }
    if (arguments.help()) {
      out.println(USAGE);
      return 0;
    }
    WarehouseLayout layout = WarehouseLayout.resolve(arguments.value("--warehouse").orElse(null));
    if (!layout.isLocal()) {
      err.println(
          "rishe interests: the warehouse "
              + layout.root()
              + " is not on the local file system; the API writes interests only to a local one");
      return 2;
    }
    try {
      List<Interest> interests = InterestLog.read(layout.interestLog());
      String csv = Csv.writeMaps(COLUMNS, interests.stream().map(InterestsCommand::row).toList());
      if (arguments.value("--out").isEmpty()) {
        out.print(csv);
        out.flush();
        return 0;
      }
      Path file = Path.of(arguments.value("--out").get()).toAbsolutePath();
      write(file, csv);
      err.println("rishe interests: wrote " + interests.size() + " interests to " + file);
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println("rishe interests: failed: " + e.getMessage());
      return 1;
    }
  }

  private static Map<String, Object> row(Interest interest) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("volunteer_id", interest.volunteerId());
    row.put("program_id", interest.programId());
    row.put("registered_at", interest.registeredAt());
    return row;
  }

  /** Replaces {@code file} at once: a reader never sees half an export. */
  private static void write(Path file, String csv) throws IOException {
    Path folder = file.getParent();
    Files.createDirectories(folder);
    Path temporary = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
    try {
      Files.writeString(temporary, csv, StandardCharsets.UTF_8);
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
