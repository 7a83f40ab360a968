package org.rishe.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.analytics.AnalyzeCommand;
import org.rishe.analytics.AnalyzeJob;
import org.rishe.analytics.AnalyzeParameters;
import org.rishe.analytics.reliability.JavaProcess;
import org.rishe.analytics.reliability.Polling;
import org.rishe.analytics.reliability.ReliabilityWarehouse;
import org.rishe.analytics.reliability.WarehouseSnapshot;
import org.rishe.common.contract.DateParser;
import org.rishe.common.privacy.PseudonymKeys;
import org.rishe.common.privacy.Pseudonymizer;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.ingest.IngestCommand;
import org.rishe.ingest.IngestJob;
import org.rishe.spark.TestSparkSessions;

/**
 * Kills ingest and analyze with SIGKILL at chosen points of their work and checks what a reader
 * sees afterwards: every table at its previous or its new complete version, LATEST at a complete
 * run; and that running the command again converges to exactly what an uninterrupted run gives. The
 * children run the ingest and analyze commands of the modules' own jars. An integration test of
 * this module, so it runs in the JVM of {@link ClusterModeIT} and compares with the same reference
 * warehouse ({@link ReliabilityWarehouse}: one ingest and analyze for both).
 */
class CrashSafetyIT {
  private static final Duration CHILD_TIMEOUT = Duration.ofMinutes(5);

  @TempDir static Path temporary;

  private static SparkSession spark;
  private static Path batch;
  private static Path referenceWarehouse;
  private static WarehouseSnapshot reference;
  private static String classpath;

  @BeforeAll
  static void useTheBatchIngestedUninterrupted() {
    spark = TestSparkSessions.shared();
    classpath = TestClasspath.asString();
    ReliabilityWarehouse shared = ReliabilityWarehouse.shared();
    batch = shared.batch;
    referenceWarehouse = shared.warehouse;
    reference = shared.snapshot();
  }

  @Test
  void killedIngestLeavesEachTableAtItsPreviousOrNewVersionAndARerunConverges() {
    assertThat(reference.table("quarantine/people").rows())
        .as("the batch has rows to quarantine, so quarantine is checked too")
        .isPositive();
    Path warehouse = warehouseWithTheReferenceKey("ingest-killed");
    WarehouseLayout layout = new WarehouseLayout(warehouse.toString());
    // The catalogue seeded (version 0), then, on the second attempt, the cases table created
    // (version 0 holds its rows) after the entities loaded before it were merged again and while
    // others load beside it.
    List<String> killPoints =
        List.of(
            "curated/indicators/_delta_log/00000000000000000000.json",
            "curated/cases/_delta_log/00000000000000000000.json");
    int attempt = 0;
    // what the warehouse holds before each attempt: after the first, what the one before left
    WarehouseSnapshot before = WarehouseSnapshot.of(spark, layout);
    for (String killPoint : killPoints) {
      attempt++;
      Path marker = warehouse.resolve(killPoint);
      assertThat(marker).as("kill point %s not reached before", killPoint).doesNotExist();
      try (JavaProcess ingest = startIngest(warehouse, "ingest-" + attempt)) {
        killWhen(ingest, marker);
      }
      WarehouseSnapshot after = WarehouseSnapshot.of(spark, layout);
      for (String table : WarehouseSnapshot.tableNames()) {
        assertThat(after.table(table))
            .as("%s after a kill at %s (counts %s)", table, killPoint, after.counts())
            .isIn(before.table(table), reference.table(table));
      }
      before = after;
    }
    // the rerun needs no process of its own: it only has to converge
    new IngestJob(
            spark, layout, new Pseudonymizer(PseudonymKeys.loadOrCreate(warehouse)), line -> {})
        .run(batch.toString(), DateParser.BatchCalendar.GREGORIAN);
    WarehouseSnapshot rerun = WarehouseSnapshot.of(spark, layout);
    for (String table : WarehouseSnapshot.tableNames()) {
      assertThat(rerun.table(table))
          .as(
              "%s after the rerun (counts %s, reference %s)",
              table, rerun.counts(), reference.counts())
          .isEqualTo(reference.table(table));
    }
  }

  @Test
  void killedAnalyzeNeverMovesLatestToAPartialRunAndTheNextRunCleansUp() {
    Path warehouse = temporary.resolve("analyze-killed");
    copyFolder(referenceWarehouse, warehouse);
    WarehouseLayout layout = new WarehouseLayout(warehouse.toString());
    Path results = warehouse.resolve("results");
    // the first run was published when the shared warehouse was made, in this JVM: only the run
    // to kill needs a process of its own
    String firstRun = latest(results);
    assertPublishedRunIsComplete(results, firstRun);

    List<String> killPoints = List.of("problems");
    Set<String> killedRuns = new TreeSet<>();
    int attempt = 0;
    for (String killPoint : killPoints) {
      attempt++;
      Set<String> runsBefore = runFolders(results);
      try (JavaProcess analyze = startAnalyze(warehouse, "analyze-" + attempt)) {
        Polling.await(
            CHILD_TIMEOUT,
            () -> newRunPath(results, runsBefore, killPoint) != null,
            analyze::isAlive,
            () -> "no new run with " + killPoint + "\n" + analyze.output());
        assertThat(analyze.isAlive()).as("analyze still running at the kill").isTrue();
        analyze.kill();
        assertThat(analyze.awaitExit(CHILD_TIMEOUT)).isNotZero();
        killedRuns.add(newRunPath(results, runsBefore, "").getFileName().toString());
      }
      assertThat(latest(results)).as("LATEST after a kill at '%s'", killPoint).isEqualTo(firstRun);
      assertPublishedRunIsComplete(results, firstRun);
    }

    // the next run cleans up whatever its steps: the first two (catalogue, problems) suffice
    new AnalyzeJob(spark, layout, line -> {})
        .run(AnalyzeParameters.defaults(), ReliabilityWarehouse.catalogueAndProblems());
    String lastRun = latest(results);
    assertThat(lastRun).isNotEqualTo(firstRun).isNotIn(killedRuns);
    assertPublishedRunIsComplete(results, lastRun);
    assertThat(runFolders(results)).containsExactlyInAnyOrder(firstRun, lastRun);
    assertThat(WarehouseSnapshot.state(spark.read().parquet(layout.runTable(lastRun, "problems"))))
        .isEqualTo(
            WarehouseSnapshot.state(spark.read().parquet(layout.runTable(firstRun, "problems"))));
  }

  private void killWhen(JavaProcess process, Path marker) {
    Polling.await(
        CHILD_TIMEOUT,
        () -> Files.exists(marker),
        process::isAlive,
        () -> marker + " never appeared\n" + process.output());
    assertThat(process.isAlive()).as("the child is still working at the kill").isTrue();
    process.kill();
    assertThat(process.awaitExit(CHILD_TIMEOUT)).as("exit status after SIGKILL").isNotZero();
  }

  private static JavaProcess startIngest(Path warehouse, String name) {
    return startCommand(
        name,
        IngestCommand.class.getName(),
        "--batch",
        batch.toString(),
        "--warehouse",
        warehouse.toString());
  }

  private static JavaProcess startAnalyze(Path warehouse, String name) {
    return startCommand(name, AnalyzeCommand.class.getName(), "--warehouse", warehouse.toString());
  }

  /** A command's main class in a child JVM on this JVM's classpath, logging to logs/NAME.log. */
  private static JavaProcess startCommand(String name, String mainClass, String... arguments) {
    return JavaProcess.start(
        name,
        classpath,
        localSparkOptions(),
        Map.of(),
        temporary.resolve("logs").resolve(name + ".log"),
        mainClass,
        arguments);
  }

  /**
   * The child's Spark settings as system properties: local mode on loopback, and interpreted like
   * this JVM's session ({@link TestSparkSessions#INTERPRETED}).
   */
  static List<String> localSparkOptions() {
    List<String> options =
        new ArrayList<>(
            List.of(
                "-Xmx1g",
                "-Dspark.master=local[2]",
                "-Dspark.sql.shuffle.partitions=2",
                "-Dspark.default.parallelism=2",
                "-Dspark.driver.host=127.0.0.1",
                "-Dspark.driver.bindAddress=127.0.0.1"));
    TestSparkSessions.INTERPRETED.forEach((key, value) -> options.add("-D" + key + "=" + value));
    return options;
  }

  /** A fresh warehouse holding only the reference warehouse's pseudonym key, so ids match. */
  private static Path warehouseWithTheReferenceKey(String name) {
    Path warehouse = temporary.resolve(name);
    Path key = PseudonymKeys.keyFile(warehouse);
    try {
      Files.createDirectories(key.getParent());
      Files.copy(PseudonymKeys.keyFile(referenceWarehouse), key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return warehouse;
  }

  private static String latest(Path results) {
    try {
      return Files.readString(results.resolve("LATEST"), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The run's manifest parses and each table it lists reads with the row count it states. */
  private static void assertPublishedRunIsComplete(Path results, String run) {
    Path folder = results.resolve(run);
    JsonNode manifest;
    try {
      manifest = new ObjectMapper().readTree(folder.resolve("run.json").toFile());
    } catch (IOException e) {
      throw new AssertionError("run " + run + " has no readable run.json", e);
    }
    assertThat(manifest.path("runId").asText()).isEqualTo(run);
    JsonNode tables = manifest.path("tables");
    assertThat(tables.size()).as("tables of run %s", run).isGreaterThanOrEqualTo(2);
    tables
        .properties()
        .forEach(
            table ->
                assertThat(spark.read().parquet(folder.resolve(table.getKey()).toString()).count())
                    .as("rows of %s in run %s", table.getKey(), run)
                    .isEqualTo(table.getValue().asLong()));
  }

  private static Set<String> runFolders(Path results) {
    if (!Files.isDirectory(results)) {
      return Set.of();
    }
    try (Stream<Path> children = Files.list(results)) {
      Set<String> runs = new HashSet<>();
      children
          .filter(Files::isDirectory)
          .forEach(child -> runs.add(child.getFileName().toString()));
      return runs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The new run folder's {@code inside} path if it exists, else null. */
  private static Path newRunPath(Path results, Set<String> known, String inside) {
    List<String> fresh = new ArrayList<>(runFolders(results));
    fresh.removeAll(known);
    for (String run : fresh) {
      Path path = inside.isEmpty() ? results.resolve(run) : results.resolve(run).resolve(inside);
      if (Files.exists(path)) {
        return path;
      }
    }
    return null;
  }

  private static void copyFolder(Path from, Path to) {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
    }
  }
}
