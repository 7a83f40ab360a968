import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * The yardstick of bench/ingest/run.sh: DuckDB reading every .csv and .jsonl file of a batch folder
 * into one Parquet file each, with its own type detection and no validation, pseudonymisation or
 * quarantine. Run as a single-file program on the api module's runtime classpath (which holds the
 * DuckDB JDBC driver): {@code java -cp CLASSPATH bench/ingest/DuckDbLoad.java BATCH OUT}.
 */
public final class DuckDbLoad {
  private DuckDbLoad() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: DuckDbLoad BATCH OUT");
      System.exit(2);
    }
    Path batch = Path.of(args[0]);
    Path out = Files.createDirectories(Path.of(args[1]));
    List<Path> files;
    try (Stream<Path> listed = Files.list(batch)) {
      files =
          listed
              .filter(file -> file.toString().endsWith(".csv") || file.toString().endsWith(".jsonl"))
              .sorted()
              .toList();
    }
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        String reader = name.endsWith(".csv") ? "read_csv" : "read_json";
        String target = out.resolve(name.substring(0, name.lastIndexOf('.')) + ".parquet").toString();
        long started = System.nanoTime();
        statement.execute(
            "COPY (SELECT * FROM %s('%s')) TO '%s' (FORMAT parquet)"
                .formatted(reader, file.toAbsolutePath(), target));
        System.out.printf(
            "duckdb %s: %.2f s%n", name, (System.nanoTime() - started) / 1e9);
      }
    }
  }
}
