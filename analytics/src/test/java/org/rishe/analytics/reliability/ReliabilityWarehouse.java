package org.rishe.analytics.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.rishe.analytics.AnalysisStep;
import org.rishe.analytics.AnalyzeJob;
import org.rishe.analytics.AnalyzeParameters;
import org.rishe.analytics.impact.ProgramImpactSettings;
import org.rishe.analytics.rootcause.CausalGraphSettings;
import org.rishe.common.contract.DateParser;
import org.rishe.common.privacy.PseudonymKeys;
import org.rishe.common.privacy.Pseudonymizer;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.generator.GeneratorConfig;
import org.rishe.generator.SyntheticBatchGenerator;
import org.rishe.ingest.IngestJob;
import org.rishe.spark.TestSparkSessions;

/**
 * The batch the reliability tests run in child processes, and the warehouse this JVM made of it
 * without interruption (ingested, then analyzed once: its catalogue and problems): made once per
 * test JVM, since an ingest and an analyze are most of what a reliability test costs. Used through
 * this module's test-jar by the app module's {@code CrashSafetyIT} and {@code ClusterModeIT}, in
 * one JVM. 120 families, seed 5, 2% dirty rows; donations, aid events and volunteers are left out
 * (fewer Spark jobs per run), programmes and enrolments kept so programme impact runs too. Tests
 * copy the warehouse before changing anything.
 */
public final class ReliabilityWarehouse {
  private static ReliabilityWarehouse prepared;
  private static boolean ingestedAndAnalyzed;

  public final Path batch;
  public final Path warehouse;
  public final WarehouseLayout layout;
  private WarehouseSnapshot snapshot;

  private ReliabilityWarehouse(Path batch, Path warehouse) {
    this.batch = batch;
    this.warehouse = warehouse;
    this.layout = new WarehouseLayout(warehouse.toString());
  }

  /** The warehouse, ingested and analyzed on first use; the same one for every caller. */
  public static synchronized ReliabilityWarehouse shared() {
    ReliabilityWarehouse made = prepared();
    if (!ingestedAndAnalyzed) {
      try {
        made.ingestAndAnalyze();
      } catch (RuntimeException | Error e) {
        prepared = null; // half written: the next caller starts again in a new folder
        throw e;
      }
      ingestedAndAnalyzed = true;
    }
    return made;
  }

  /**
   * What a reader sees of the warehouse once ingested ({@link #shared()}): read once, as the
   * reference both reliability tests compare with. Tests copy the warehouse before changing it.
   */
  public synchronized WarehouseSnapshot snapshot() {
    if (snapshot == null) {
      snapshot = WarehouseSnapshot.of(TestSparkSessions.shared(), layout);
    }
    return snapshot;
  }

  /**
   * The batch and the warehouse's pseudonym key, before the warehouse holds anything: what a test
   * that runs the same batch elsewhere too (with the same key, so the rows compare) needs first.
   * {@link #shared()} then ingests and analyzes it.
   */
  public static synchronized ReliabilityWarehouse prepared() {
    if (prepared == null) {
      prepared = prepare();
    }
    return prepared;
  }

  private static ReliabilityWarehouse prepare() {
    try {
      Path temporary = Files.createTempDirectory("rishe-reliability-");
      temporary.toFile().deleteOnExit();
      Path batch = temporary.resolve("batch");
      SyntheticBatchGenerator.generate(
          GeneratorConfig.defaults(batch).withFamilies(120).withSeed(5).withDirtyRate(0.02));
      for (String file : List.of("donations", "aid_events", "volunteers")) {
        Files.deleteIfExists(batch.resolve(file + ".csv"));
      }
      ReliabilityWarehouse made = new ReliabilityWarehouse(batch, temporary.resolve("reference"));
      PseudonymKeys.loadOrCreate(made.warehouse);
      return made;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void ingestAndAnalyze() {
    SparkSession spark = TestSparkSessions.shared();
    new IngestJob(
            spark, layout, new Pseudonymizer(PseudonymKeys.loadOrCreate(warehouse)), line -> {})
        .run(batch.toString(), DateParser.BatchCalendar.GREGORIAN);
    // a complete run to compare and to keep as LATEST; the whole analysis runs in the cluster
    // test's application and in the killed child
    new AnalyzeJob(spark, layout, line -> {})
        .run(AnalyzeParameters.defaults(), catalogueAndProblems());
  }

  /** The analysis's first two steps, catalogue and problems: the least that publishes a run. */
  public static List<AnalysisStep> catalogueAndProblems() {
    return AnalyzeJob.steps(ProgramImpactSettings.defaults(), CausalGraphSettings.defaults())
        .subList(0, 2);
  }
}
