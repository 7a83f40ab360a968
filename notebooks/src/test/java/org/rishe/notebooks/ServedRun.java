package org.rishe.notebooks;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.rishe.analytics.AnalyzeJob;
import org.rishe.analytics.AnalyzeParameters;
import org.rishe.analytics.impact.ImpactOptions;
import org.rishe.analytics.impact.ProgramImpactSettings;
import org.rishe.analytics.rootcause.CausalGraphSettings;
import org.rishe.api.ApiDependencies;
import org.rishe.api.ServeCommand;
import org.rishe.api.ServeSettings;
import org.rishe.api.auth.ApiKeyStore;
import org.rishe.api.auth.Role;
import org.rishe.common.contract.DateParser;
import org.rishe.common.privacy.Pseudonymizer;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.generator.GeneratorConfig;
import org.rishe.generator.SyntheticBatchGenerator;
import org.rishe.ingest.IngestJob;
import org.rishe.spark.TestSparkSessions;

/**
 * A small generated batch (500 families, seed 7) ingested and analyzed with the project's own jobs,
 * then served by the real API on a free port with one key per role: built once per test JVM, under
 * {@code target/notebook-test/}, and shared by the client and notebook tests.
 */
final class ServedRun {
  static final int FAMILIES = 500;
  static final long SEED = 7;
  static final Path WORK = Path.of("target", "notebook-test").toAbsolutePath();
  private static ServedRun instance;

  final Javalin app;
  final Map<Role, String> keys;

  private ServedRun(Javalin app, Map<Role, String> keys) {
    this.app = app;
    this.keys = keys;
  }

  static synchronized ServedRun get() {
    if (instance == null) {
      instance = build();
    }
    return instance;
  }

  String url() {
    return "http://127.0.0.1:" + app.port();
  }

  String key(Role role) {
    return keys.get(role);
  }

  private static ServedRun build() {
    Path batch = WORK.resolve("batch");
    WarehouseLayout layout = new WarehouseLayout(WORK.resolve("warehouse").toString());
    try {
      deleteRecursively(WORK);
      Files.createDirectories(WORK);
    } catch (IOException e) {
      throw new UncheckedIOException("could not clear " + WORK, e);
    }
    long start = System.nanoTime();
    SyntheticBatchGenerator.generate(
        GeneratorConfig.defaults(batch).withFamilies(FAMILIES).withSeed(SEED));
    SparkSession spark = TestSparkSessions.shared();
    new IngestJob(spark, layout, new Pseudonymizer(new byte[32]), line -> {})
        .run(batch.toString(), DateParser.BatchCalendar.GREGORIAN);
    log(start, "generated and ingested " + FAMILIES + " families");
    // fewer resamples than a real run: the notebooks need every table, not tight intervals
    new AnalyzeJob(spark, layout, line -> {})
        .run(
            AnalyzeParameters.defaults(),
            ProgramImpactSettings.defaults()
                .withOptions(new ImpactOptions(50, SEED, ImpactOptions.DEFAULT_CALIPER)),
            CausalGraphSettings.defaults().withResamples(10));
    log(start, "analyzed");
    // the session stays: PledgeToConfirmationTest may be using it beside this run

    ApiKeyStore store = new ApiKeyStore(layout.apiKeys());
    Map<Role, String> keys = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      if (role != Role.DONOR && role != Role.VOLUNTEER) {
        keys.put(role, store.create(role, null));
      }
    }
    Javalin app =
        ServeCommand.start(
            layout,
            ServeSettings.local(0, ApiDependencies.DEFAULT_SMALL_CELL_THRESHOLD),
            new PrintStream(PrintStream.nullOutputStream()));
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
    return new ServedRun(app, Map.copyOf(keys));
  }

  /**
   * Copies the run's warehouse (built first if it is not yet), but for the API's logs, to {@code
   * target}: a warehouse with the batch ingested and analyzed, for a test that ingests more into
   * it.
   */
  static void copyWarehouse(Path target) throws IOException {
    get();
    Path warehouse = WORK.resolve("warehouse");
    Path logs = new WarehouseLayout(warehouse.toString()).auditLog().getParent();
    try (Stream<Path> paths = Files.walk(warehouse)) {
      for (Path path : paths.filter(p -> !p.startsWith(logs)).toList()) {
        Path copy = target.resolve(warehouse.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(path, copy);
        }
      }
    }
  }

  private static void log(long start, String what) {
    System.out.printf("ServedRun: %s after %.0f s%n", what, (System.nanoTime() - start) / 1e9);
  }

  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
