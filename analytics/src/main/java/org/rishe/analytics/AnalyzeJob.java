package org.rishe.analytics;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.rishe.analytics.catalogue.CatalogueStep;
import org.rishe.analytics.cubes.CubeStep;
import org.rishe.analytics.dashboard.DashboardStep;
import org.rishe.analytics.impact.ProgramImpactSettings;
import org.rishe.analytics.impact.ProgramImpactStep;
import org.rishe.analytics.needs.NeedsBoardStep;
import org.rishe.analytics.occasions.OccasionsStep;
import org.rishe.analytics.problems.ProblemsStep;
import org.rishe.analytics.publish.ResultsPublisher;
import org.rishe.analytics.publish.RunManifest;
import org.rishe.analytics.rootcause.CausalGraphSettings;
import org.rishe.analytics.rootcause.RootCauseStep;
import org.rishe.analytics.scope.CuratedInputs;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.spark.SchedulerPools;
import org.rishe.spark.SparkSessions;
import org.rishe.spark.warehouse.WarehouseFiles;

/**
 * Computes every result table from the curated tables and publishes them as one run. Each
 * capability is an {@link AnalysisStep} whose work is in pure transforms; this class only pins the
 * inputs, runs the steps (the heavy ones in order, the light ones beside them: {@link StepLanes})
 * and publishes what they wrote.
 */
public final class AnalyzeJob {
  private final SparkSession spark;
  private final WarehouseLayout layout;
  private final Consumer<String> progress;

  public AnalyzeJob(SparkSession spark, WarehouseLayout layout, Consumer<String> progress) {
    this.spark = requireNonNull(spark, "spark is null");
    this.layout = requireNonNull(layout, "layout is null");
    this.progress = requireNonNull(progress, "progress is null");
  }

  /**
   * The steps of a full run, in order: the catalogue, problems, researcher cubes, the dashboard's
   * tables, giving by occasion, programme impact, root causes with the causal graph, then the needs
   * board.
   */
  public static List<AnalysisStep> steps(
      ProgramImpactSettings impactSettings, CausalGraphSettings causalGraphSettings) {
    return List.of(
        new CatalogueStep(),
        new ProblemsStep(),
        new CubeStep(),
        new DashboardStep(),
        new OccasionsStep(),
        new ProgramImpactStep(impactSettings),
        new RootCauseStep(causalGraphSettings),
        new NeedsBoardStep());
  }

  /** Computes and publishes a run; returns its manifest. */
  public RunManifest run(AnalyzeParameters parameters) {
    return run(parameters, ProgramImpactSettings.defaults());
  }

  /** Computes and publishes a run with the given programme-evaluation settings. */
  public RunManifest run(AnalyzeParameters parameters, ProgramImpactSettings impactSettings) {
    return run(parameters, impactSettings, CausalGraphSettings.defaults());
  }

  /** Computes and publishes a run with the given programme-evaluation and causal-graph settings. */
  public RunManifest run(
      AnalyzeParameters parameters,
      ProgramImpactSettings impactSettings,
      CausalGraphSettings causalGraphSettings) {
    return run(parameters, steps(impactSettings, causalGraphSettings));
  }

  /**
   * Runs the given steps, one progress line {@code [i/n] name} as each starts and one with its time
   * as it ends, and publishes the tables they wrote as one run: the heavy steps started one after
   * another in their order, and beside them the light ones in theirs, then the next heavy step
   * ({@link StepLanes}; the steps read only the pinned curated tables, never each other's results).
   * A step that fails, or writes other tables than it declares, leaves the run unpublished.
   */
  public RunManifest run(AnalyzeParameters parameters, List<AnalysisStep> steps) {
    requireNonNull(parameters, "parameters is null");
    List<AnalysisStep> ordered = List.copyOf(steps);
    WarehouseFiles files = new WarehouseFiles(spark.sparkContext().hadoopConfiguration());
    ResultsPublisher.removeIncompleteRuns(layout, files);
    String partitions = spark.conf().get("spark.sql.shuffle.partitions");
    long curatedBytes = files.totalBytes(layout.curatedRoot());
    int fitted = SparkSessions.fitShufflePartitions(spark, curatedBytes);
    if (!String.valueOf(fitted).equals(partitions)) {
      progress.accept(
          "  %,d shuffle partitions for %,d MB of curated tables"
              .formatted(fitted, curatedBytes >> 20));
    }
    try (CuratedInputs inputs = new CuratedInputs(spark, layout)) {
      return run(parameters, ordered, files, inputs);
    }
  }

  private RunManifest run(
      AnalyzeParameters parameters,
      List<AnalysisStep> ordered,
      WarehouseFiles files,
      CuratedInputs inputs) {
    if (inputs.versions().isEmpty()) {
      throw new IllegalStateException(
          "the warehouse "
              + layout.root()
              + " holds no curated tables yet; run `rishe ingest --batch DIR` first");
    }
    ResultsPublisher publisher =
        new ResultsPublisher(layout, files, WarehouseLayout.newId(Instant.now()));
    AnalysisContext context = new AnalysisContext(spark, inputs, parameters, publisher, progress);
    // each lane's jobs in a fair scheduler pool of its own: a heavy step's long tasks do not keep
    // the cores from the other lane's, whether that lane runs a light step or the next heavy one
    StepLanes.run(
        ordered,
        (index, step, lane) ->
            SchedulerPools.run(
                spark.sparkContext(),
                lane == StepLanes.Lane.HEAVY
                    ? SchedulerPools.ANALYZE_HEAVY
                    : SchedulerPools.ANALYZE_LIGHT,
                () -> runStep(context, index, ordered.size(), step)));

    RunManifest manifest =
        new RunManifest(
            publisher.runId(),
            Instant.now().toString(),
            inputs.versions(),
            context.recordedParameters(),
            publisher.rowCounts(),
            context.methods(),
            context.programImpactGaps());
    publisher.publish(manifest);
    return manifest;
  }

  /**
   * Runs one step on a context of its own, between its {@code [i/n] name} line and the line with
   * its time, and checks that it wrote exactly the tables it declares.
   */
  private static void runStep(AnalysisContext run, int index, int count, AnalysisStep step) {
    String label = "[" + (index + 1) + "/" + count + "] " + step.name();
    run.progress().accept(label);
    long started = System.nanoTime();
    AnalysisContext context = run.forStep();
    step.run(context);
    Set<String> written = context.publisher().rowCounts().keySet();
    if (!written.equals(Set.copyOf(step.publishes()))) {
      throw new IllegalStateException(
          "the analyze step '"
              + step.name()
              + "' wrote the tables "
              + written.stream().sorted().toList()
              + " but declares "
              + step.publishes()
              + "; its publishes() must name exactly the tables it writes");
    }
    run.progress().accept(label + " done in " + elapsed(System.nanoTime() - started));
  }

  /** A step's time: {@code 4.2 s} under a minute, else {@code 14 min 56 s}. */
  static String elapsed(long nanoseconds) {
    double seconds = nanoseconds / 1e9;
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1f s", seconds);
    }
    long whole = Math.round(seconds);
    return (whole / 60) + " min " + (whole % 60) + " s";
  }
}
