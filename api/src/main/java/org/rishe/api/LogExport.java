package org.rishe.api;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.rishe.api.table.Csv;
import org.rishe.common.cli.Arguments;
import org.rishe.common.warehouse.WarehouseLayout;

/**
 * {@code rishe COMMAND export [--out FILE]} for a log the API writes: its records as CSV, to
 * standard output or a file replaced whole, for the charity's own systems. Reads the log and never
 * changes it, so it may run while the server does.
 *
 * @param command the command's name, e.g. {@code interests}
 * @param usage the command's help
 * @param noun what a record is, in the plural, e.g. {@code interests}
 * @param columns the CSV's header
 * @param rows every record of the warehouse's log, oldest first, as a row of {@code columns}
 */
record LogExport(
    String command,
    String usage,
    String noun,
    List<String> columns,
    Function<WarehouseLayout, List<Map<String, Object>>> rows) {
  LogExport {
    requireNonNull(command, "command is null");
    requireNonNull(usage, "usage is null");
    requireNonNull(noun, "noun is null");
    columns = List.copyOf(columns);
    requireNonNull(rows, "rows is null");
  }

  int run(String[] args, PrintStream out, PrintStream err) {
    String name = "rishe " + command + ": ";
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      out.println(usage);
      return args.length == 0 ? 2 : 0;
    }
    if (!args[0].equals("export")) {
      err.println(name + "unknown action '" + args[0] + "'; the action is export (see --help)");
      return 2;
    }
    Arguments arguments;
    try {
      arguments =
          Arguments.parse(
              Arrays.copyOfRange(args, 1, args.length), Set.of("--out", "--warehouse"), Set.of());
    } catch (IllegalArgumentException e) {
      err.println(name + e.getMessage() + " (see --help)");
      return 2;
    }
    if (arguments.help()) {
      out.println(usage);
      return 0;
    }
    WarehouseLayout layout = WarehouseLayout.resolve(arguments.value("--warehouse").orElse(null));
    if (!layout.isLocal()) {
      err.println(
          name
              + "the warehouse "
              + layout.root()
              + " is not on the local file system; the API writes "
              + noun
              + " only to a local one");
      return 2;
    }
    try {
      List<Map<String, Object>> records = rows.apply(layout);
      String csv = Csv.writeMaps(columns, records);
      if (arguments.value("--out").isEmpty()) {
        out.print(csv);
        out.flush();
        return 0;
      }
      Path file = Path.of(arguments.value("--out").get()).toAbsolutePath();
      write(file, csv);
      err.println(name + "wrote " + records.size() + " " + noun + " to " + file);
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println(name + "failed: " + e.getMessage());
      return 1;
    }
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
