import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the latest commit of each curated Delta table of a warehouse did to the table's data files,
 * read from the Delta log alone: the files live before it, the files it took out and did not add
 * back, the files it added back with a deletion vector (their replaced rows marked, the file not
 * rewritten), the new files, and the unchanged rows it wrote again ({@code numTargetRowsCopied}).
 * A file is rewritten when its unchanged rows are copied to a new one: with deletion vectors no row
 * is copied. Usage: {@code java -cp <jackson> DeltaLogReport.java WAREHOUSE [VERSION_BEFORE]}.
 */
public final class DeltaLogReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws IOException {
    Path curated = Path.of(args[0], "curated");
    System.out.printf(
        "%-14s %8s %7s %9s %8s %8s %8s %12s %10s%n",
        "table", "version", "live", "operation", "removed", "marked", "new", "rows copied",
        "rewritten");
    try (Stream<Path> tables = Files.list(curated)) {
      for (Path table : tables.sorted().toList()) {
        report(table);
      }
    }
  }

  private static void report(Path table) throws IOException {
    List<Path> commits;
    try (Stream<Path> log = Files.list(table.resolve("_delta_log"))) {
      commits =
          log.filter(file -> file.getFileName().toString().matches("\\d{20}\\.json"))
              .sorted()
              .toList();
    }
    if (commits.isEmpty()) {
      return;
    }
    try (Stream<Path> log = Files.list(table.resolve("_delta_log"))) {
      if (log.anyMatch(file -> file.getFileName().toString().contains("checkpoint"))) {
        System.out.printf("%-14s has a checkpoint: replay it first%n", table.getFileName());
        return;
      }
    }
    Set<String> live = new HashSet<>();
    for (Path commit : commits.subList(0, commits.size() - 1)) {
      for (String line : Files.readAllLines(commit)) {
        JsonNode action = JSON.readTree(line);
        if (action.has("add")) {
          live.add(action.get("add").get("path").asText());
        } else if (action.has("remove")) {
          live.remove(action.get("remove").get("path").asText());
        }
      }
    }
    Set<String> removed = new HashSet<>();
    Set<String> added = new HashSet<>();
    Set<String> marked = new HashSet<>();
    String operation = "?";
    long copied = 0;
    for (String line : Files.readAllLines(commits.get(commits.size() - 1))) {
      JsonNode action = JSON.readTree(line);
      if (action.has("commitInfo")) {
        operation = action.get("commitInfo").get("operation").asText();
        JsonNode metrics = action.get("commitInfo").path("operationMetrics");
        copied = metrics.path("numTargetRowsCopied").asLong(0);
      } else if (action.has("remove")) {
        removed.add(action.get("remove").get("path").asText());
      } else if (action.has("add")) {
        JsonNode add = action.get("add");
        added.add(add.get("path").asText());
        if (add.hasNonNull("deletionVector")) {
          marked.add(add.get("path").asText());
        }
      }
    }
    Set<String> gone = new HashSet<>(removed);
    gone.removeAll(added);
    Set<String> fresh = new HashSet<>(added);
    fresh.removeAll(live);
    // Without copied rows, a file taken out and not added back held only replaced rows.
    long rewritten = copied > 0 ? gone.size() : 0;
    System.out.printf(
        "%-14s %8d %7d %9s %8d %8d %8d %12d %9.1f%%%n",
        table.getFileName(),
        commits.size() - 1,
        live.size(),
        operation,
        gone.size(),
        marked.size(),
        fresh.size(),
        copied,
        live.isEmpty() ? 0.0 : 100.0 * rewritten / live.size());
  }
}
