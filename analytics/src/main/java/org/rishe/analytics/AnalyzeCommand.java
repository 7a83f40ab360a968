package org.rishe.analytics;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.rishe.analytics.impact.FollowUpWindow;
import org.rishe.analytics.impact.ImpactOptions;
import org.rishe.analytics.impact.ProgramImpactSettings;
import org.rishe.analytics.publish.RunManifest;
import org.rishe.common.cli.Arguments;
import org.rishe.common.warehouse.WarehouseLayout;
import org.rishe.spark.SparkSessions;

/**
 * {@code rishe analyze [--warehouse DIR] [--min-age N] [--max-age N] [impact options]}: computes
 * and publishes a run.
 */
public final class AnalyzeCommand {
  static final String USAGE =
      """
      Usage: rishe analyze [--warehouse DIR] [--min-age N] [--max-age N]
                           [--follow-up-days START-END] [--impact-variance closed-form|bootstrap]
                           [--impact-resamples N]
                           [--impact-resample-units N] [--caliper SD]
                           [--impact-seed N] [--program ID ...]

      Computes every result from the curated tables and publishes it as a new results run:
      Parquet under <warehouse>/results/<run-id>/, its run.json manifest, and last
      results/LATEST, which the API follows. An interrupted run is never published.

        --warehouse DIR   the warehouse (default $RISHE_WAREHOUSE or ./warehouse)
        --min-age N       youngest age in scope for person-level analyses (default 0)
        --max-age N       oldest age in scope (default 17: children)

      Programme impact:
        --follow-up-days START-END  days after enrolment in which an outcome counts,
                          for programmes that give no window of their own; START- has no
                          end (default 30-: the first observation from day 30 on)
        --impact-variance closed-form|bootstrap  how intervals are computed (default
                          closed-form: influence functions of the estimating equations,
                          clustered by family, Abadie-Imbens for matching; bootstrap: the
                          stratified bootstrap of the whole procedure, slower, for comparison)
        --impact-resamples N  bootstrap resamples per estimate, at least 20 (default 200)
        --impact-resample-units N  largest resample, at least 1000 (default 20000): a
                          larger sample is resampled m out of n and its intervals
                          rescaled, so the bootstrap costs the same at any size
        --caliper SD      matching caliper in standard deviations of the propensity logit
                          (default 0.2)
        --impact-seed N   the bootstrap's seed (default 20260101): same data, same intervals
        --program ID      evaluate only this programme; repeat for more (default: all)

      Exit status: 0 published, 2 bad arguments, 1 failed (the previous run stays published).""";

  /** The options that take a value. */
  static final Set<String> OPTIONS =
      Set.of(
          "--warehouse",
          "--min-age",
          "--max-age",
          "--follow-up-days",
          "--impact-variance",
          "--impact-resamples",
          "--impact-resample-units",
          "--caliper",
          "--impact-seed",
          "--program");

  private AnalyzeCommand() {}

  public static void main(String[] args) {
    SparkSessions.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    Arguments arguments;
    AnalyzeParameters parameters;
    ProgramImpactSettings impact;
    try {
      arguments = Arguments.parse(args, OPTIONS, Set.of());
      AnalyzeParameters defaults = AnalyzeParameters.defaults();
      parameters =
          new AnalyzeParameters(
              (int) arguments.longValue("--min-age", defaults.minimumAge(), 0, 120),
              (int) arguments.longValue("--max-age", defaults.maximumAge(), 0, 120));
      impact = impactSettings(arguments);
    } catch (IllegalArgumentException e) {
      err.println("rishe analyze: " + e.getMessage() + " (see --help)");
      return 2;
    }
    if (arguments.help()) {
      out.println(USAGE);
      return 0;
    }
    WarehouseLayout layout = WarehouseLayout.resolve(arguments.value("--warehouse").orElse(null));
    try {
      RunManifest manifest =
          new AnalyzeJob(SparkSessions.getOrCreate("rishe-analyze"), layout, timed(err))
              .run(parameters, impact);
      out.println("published run " + manifest.runId() + " " + manifest.tables());
      return 0;
    } catch (RuntimeException e) {
      String message =
          e.getMessage() == null
              ? e.getClass().getSimpleName()
              : e.getMessage().lines().findFirst().orElse("");
      err.println("rishe analyze: failed: " + message);
      return 1;
    }
  }

  /**
   * Progress lines prefixed with the time since the command started ({@code [m:ss]}), so a long run
   * shows where its time goes.
   */
  static Consumer<String> timed(PrintStream err) {
    long started = System.nanoTime();
    return line -> {
      long seconds = (System.nanoTime() - started) / 1_000_000_000L;
      err.printf("[%d:%02d] %s%n", seconds / 60, seconds % 60, line);
    };
  }

  /** The programme-impact settings the options ask for, the defaults otherwise. */
  static ProgramImpactSettings impactSettings(Arguments arguments) {
    ProgramImpactSettings settings = ProgramImpactSettings.defaults();
    Optional<String> window = arguments.value("--follow-up-days");
    if (window.isPresent()) {
      try {
        settings = settings.withFollowUp(FollowUpWindow.parse(window.get()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--follow-up-days: " + e.getMessage(), e);
      }
    }
    ImpactOptions options = settings.options();
    double caliper = options.caliperStandardDeviations();
    Optional<String> caliperText = arguments.value("--caliper");
    if (caliperText.isPresent()) {
      try {
        caliper = Double.parseDouble(caliperText.get());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--caliper takes a number of standard deviations, e.g. 0.2, got '"
                + caliperText.get()
                + "'");
      }
    }
    settings =
        settings.withOptions(
            new ImpactOptions(
                (int) arguments.longValue("--impact-resamples", options.resamples(), 20, 100_000),
                arguments.longValue("--impact-seed", options.seed(), 0, Long.MAX_VALUE),
                caliper,
                options.matchingNeighbours(),
                (int)
                    arguments.longValue(
                        "--impact-resample-units",
                        options.maxResampleUnits(),
                        ImpactOptions.MIN_RESAMPLE_UNITS,
                        Integer.MAX_VALUE),
                arguments
                    .value("--impact-variance")
                    .map(ImpactOptions.Variance::parse)
                    .orElse(options.variance())));
    List<String> programs = arguments.values("--program");
    return programs.isEmpty() ? settings : settings.withPrograms(Set.copyOf(programs));
  }
}
