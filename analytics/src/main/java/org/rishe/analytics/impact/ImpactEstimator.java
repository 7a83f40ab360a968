package org.rishe.analytics.impact;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.rishe.analytics.Awaited;
import org.rishe.analytics.stats.Bootstrap;
import org.rishe.analytics.stats.Estimate;

/**
 * Effect of a programme on its participants (ATT) from observational data, by five methods that
 * should agree when the covariates capture why people enrolled: odds weighting, nearest-neighbour
 * matching on the logit ({@link PropensityMatching}), the doubly robust ATT-AIPW, Dehejia &amp;
 * Wahba's stratification on the propensity ({@link PropensityStratification}) and entropy balancing
 * ({@link EntropyBalance}). The naive difference is reported alongside so the size of the selection
 * bias is visible.
 *
 * <p>Procedure: fit the propensity on all units; drop the controls outside the treated propensity
 * range (counted in the result); estimate on what remains. Stratification applies its own,
 * published trimming rule (controls below the lowest treated propensity only) to the untrimmed
 * sample. {@link ProgramImpactJob} runs one estimator per programme and outcome on the executor
 * holding that group, with the in-JVM {@link NewtonLogisticPropensityModel} as the propensity
 * model.
 *
 * <p>Intervals ({@link ImpactOptions#variance()}): by default closed forms, clustered by family
 * ({@link ClusteredVariance}): the influence values of the stacked estimating equations, the
 * propensity model's own estimation included ({@link AttInfluence}), for the naive difference,
 * weighting, doubly robust, stratification and entropy balancing; Abadie &amp; Imbens's variance
 * with their correction for the estimated propensity for matching ({@link
 * EstimatedPropensityCorrection}). Formulas and references: docs/methods.md.
 *
 * <p>The stratified bootstrap stays available for comparison ({@link
 * ImpactOptions.Variance#BOOTSTRAP}): treated and controls resampled separately, so every resample
 * has both groups, repeating the whole procedure, propensity fit and trimming included; resamples
 * refit with {@code resampleModel}, starting from the sample's own fit, in parallel on the JVM's
 * cores, each with its own random stream split off in order, so the interval does not depend on the
 * number of cores or the threads' timing. A sample of at most {@link
 * ImpactOptions#maxResampleUnits} units is resampled at full size with percentile intervals; a
 * larger one m out of n, both groups at the same fraction, each interval the basic interval
 * rescaled by sqrt(m/n) ({@link ResampleSize}, {@link Bootstrap#rescaledInterval}). The n-out-of-n
 * bootstrap is not consistent for nearest-neighbour matching with a fixed number of matches (Abadie
 * &amp; Imbens 2008), so its matching interval is indicative only. For a 0/1 outcome the doubly
 * robust outcome model is a linear probability model.
 */
public final class ImpactEstimator {
  private final PropensityModel propensityModel;
  private final PropensityModel resampleModel;
  private final ImpactOptions options;

  public ImpactEstimator(
      PropensityModel propensityModel, PropensityModel resampleModel, ImpactOptions options) {
    this.propensityModel = requireNonNull(propensityModel, "propensityModel is null");
    this.resampleModel = requireNonNull(resampleModel, "resampleModel is null");
    this.options = requireNonNull(options, "options is null");
  }

  public ImpactResult estimate(ImpactSample sample) {
    requireNonNull(sample, "sample is null");
    if (sample.treatedCount() < 2 || sample.controlCount() < 2) {
      throw new IllegalArgumentException(
          "an impact estimate needs at least 2 treated and 2 control units, got "
              + sample.treatedCount()
              + " and "
              + sample.controlCount());
    }
    double[] propensities = propensityModel.propensities(sample);
    AttEstimators.Trimmed trimmed = AttEstimators.trimToTreatedRange(sample, propensities);
    ClusteredVariance clusters = new ClusteredVariance(sample);
    double[][] design = Standardised.designMatrix(sample);
    SharedEstimates shared;
    Intervals intervals;
    if (options.variance() == ImpactOptions.Variance.BOOTSTRAP) {
      shared = SharedEstimates.of(sample, propensities, trimmed, options, design);
      intervals = bootstrap(sample, trimmed, shared);
    } else {
      // Given the propensities, entropy balancing, weighting and the doubly robust stack read
      // nothing the other estimates write: they run on a second thread meanwhile. A group of a
      // million units holds most of the heap, so the groups are estimated one at a time and the
      // machine's other core would otherwise idle.
      Future<InfluenceStacks> stacks =
          SIDE.submit(() -> InfluenceStacks.of(sample, design, propensities, clusters));
      PropensityMatching.Result matching = matchOnPropensity(trimmed, options);
      PropensityStratification.Result strata =
          PropensityStratification.estimate(sample, propensities);
      ClosedForms closed = closedForm(sample, propensities, trimmed, matching, strata, clusters);
      InfluenceStacks fitted = Awaited.result(stacks, "estimating the influence stacks");
      shared = new SharedEstimates(matching, strata, fitted.entropy());
      intervals =
          new Intervals(
              new Estimate[] {
                closed.naive(),
                fitted.weighting(),
                closed.matching(),
                fitted.doublyRobust(),
                closed.stratification(),
                clusters.interval(fitted.entropy())
              },
              0,
              0);
    }
    List<BalanceRow> balance = AttEstimators.balance(sample, trimmed);
    return new ImpactResult(
        intervals.estimates()[0],
        intervals.estimates()[1],
        intervals.estimates()[2],
        intervals.estimates()[3],
        intervals.estimates()[4],
        intervals.estimates()[5],
        sample.treatedCount(),
        sample.controlCount(),
        trimmed.droppedControls(),
        shared.matching().unmatchedTreated(),
        shared.stratification().strata().size(),
        intervals.resamples(),
        intervals.resampleUnits(),
        balance,
        PropensityStratification.imbalances(sample, propensities, shared.stratification()),
        options.variance(),
        clusters.clusters());
  }

  /**
   * Naive, weighting, matching, doubly robust, stratification and entropy balancing, each with its
   * interval, and the bootstrap's size (zero for closed forms).
   */
  private record Intervals(Estimate[] estimates, int resamples, int resampleUnits) {}

  /**
   * The naive difference, matching (Abadie &amp; Imbens's variance, {@link
   * PropensityMatching#variance}) and stratification, each with its interval clustered by family
   * ({@link AttInfluence}, {@link ClusteredVariance}).
   */
  private ClosedForms closedForm(
      ImpactSample sample,
      double[] propensities,
      AttEstimators.Trimmed trimmed,
      PropensityMatching.Result matching,
      PropensityStratification.Result strata,
      ClusteredVariance clusters) {
    ClusteredVariance trimmedClusters = new ClusteredVariance(trimmed.sample());
    return new ClosedForms(
        clusters.interval(AttInfluence.naive(sample)),
        trimmedClusters.interval(
            matching.estimate(), matchingVariance(trimmed, matching, trimmedClusters)),
        clusters.interval(AttInfluence.stratification(sample, propensities, strata)));
  }

  /** The closed-form estimates that do not read the design matrix ({@link #closedForm}). */
  private record ClosedForms(Estimate naive, Estimate matching, Estimate stratification) {}

  /**
   * Weighting and the doubly robust estimate with their intervals, from the stacks that include the
   * propensity model's own estimation, and entropy balancing's influence values: the closed-form
   * estimates that read the design matrix.
   */
  private record InfluenceStacks(
      Estimate weighting, Estimate doublyRobust, AttInfluence.Fitted entropy) {
    static InfluenceStacks of(
        ImpactSample sample, double[][] design, double[] propensities, ClusteredVariance clusters) {
      // the propensity model's information, read by the weighting and doubly robust stacks alike
      double[][] information = AttInfluence.information(design, propensities);
      boolean[] kept = AttEstimators.keptMask(sample, propensities);
      return new InfluenceStacks(
          clusters.interval(
              AttInfluence.weighting(sample, design, propensities, information, kept)),
          clusters.interval(
              AttInfluence.doublyRobust(sample, design, propensities, information, kept)),
          AttInfluence.entropyBalancing(sample, design));
    }
  }

  /** Threads for the estimates that run beside the others ({@link InfluenceStacks}). */
  private static final ExecutorService SIDE =
      Executors.newCachedThreadPool(
          work -> {
            Thread thread = new Thread(work, "rishe-impact-stacks");
            thread.setDaemon(true);
            return thread;
          });

  private static PropensityMatching.Result matchOnPropensity(
      AttEstimators.Trimmed trimmed, ImpactOptions options) {
    return PropensityMatching.estimate(
        trimmed.sample(),
        trimmed.propensities(),
        options.caliperStandardDeviations(),
        options.matchingNeighbours());
  }

  /**
   * Abadie &amp; Imbens's (2006) variance with their (2016) adjustment for the estimated
   * propensity; the unadjusted variance where the adjustment cannot be estimated or would leave
   * nothing.
   */
  private double matchingVariance(
      AttEstimators.Trimmed trimmed,
      PropensityMatching.Result matching,
      ClusteredVariance clusters) {
    double plain = PropensityMatching.variance(trimmed.sample(), matching, clusters);
    double adjustment =
        EstimatedPropensityCorrection.varianceTerm(
            trimmed.sample(), trimmed.propensities(), matching, options.matchingNeighbours());
    double adjusted = plain + adjustment;
    return Double.isFinite(adjusted) && adjusted > 0 ? adjusted : plain;
  }

  /** The stratified bootstrap of the whole procedure (see the class comment). */
  private Intervals bootstrap(
      ImpactSample sample, AttEstimators.Trimmed trimmed, SharedEstimates shared) {
    int[] treatedUnits = IntStream.range(0, sample.size()).filter(sample::isTreated).toArray();
    int[] controlUnits =
        IntStream.range(0, sample.size()).filter(unit -> !sample.isTreated(unit)).toArray();
    // One random stream per resample, split off in order before any runs: the replicates are the
    // same whatever order the threads take them in.
    SplittableRandom random = new SplittableRandom(options.seed());
    SplittableRandom[] streams = new SplittableRandom[options.resamples()];
    for (int resample = 0; resample < streams.length; resample++) {
      streams[resample] = random.split();
    }
    ResampleSize size =
        ResampleSize.of(treatedUnits.length, controlUnits.length, options.maxResampleUnits());
    PropensityModel refit = resampleModel.forResamplesOf(sample);
    double[][] replicates = new double[6][options.resamples()];
    IntStream.range(0, options.resamples())
        .parallel()
        .forEach(
            resample -> {
              ImpactSample drawn =
                  sample.select(
                      stratifiedDraw(treatedUnits, controlUnits, size, streams[resample]));
              double[] drawnPropensities = refit.propensities(drawn);
              AttEstimators.Trimmed drawnTrimmed =
                  AttEstimators.trimToTreatedRange(drawn, drawnPropensities);
              double[] estimates =
                  points(
                      drawn,
                      drawnTrimmed,
                      SharedEstimates.of(
                          drawn,
                          drawnPropensities,
                          drawnTrimmed,
                          options,
                          Standardised.designMatrix(drawn)));
              for (int method = 0; method < estimates.length; method++) {
                replicates[method][resample] = estimates[method];
              }
            });
    double[] points = points(sample, trimmed, shared);
    Estimate[] estimates = new Estimate[points.length];
    for (int method = 0; method < points.length; method++) {
      estimates[method] = size.interval(points[method], replicates[method]);
    }
    return new Intervals(estimates, options.resamples(), size.units());
  }

  /** {@code size.treated()} treated and then {@code size.controls()} controls, with replacement. */
  private static int[] stratifiedDraw(
      int[] treatedUnits, int[] controlUnits, ResampleSize size, SplittableRandom random) {
    int[] drawn = new int[size.units()];
    int[] treatedPositions = Bootstrap.resample(treatedUnits.length, size.treated(), random);
    int[] controlPositions = Bootstrap.resample(controlUnits.length, size.controls(), random);
    for (int i = 0; i < treatedPositions.length; i++) {
      drawn[i] = treatedUnits[treatedPositions[i]];
    }
    for (int i = 0; i < controlPositions.length; i++) {
      drawn[treatedPositions.length + i] = controlUnits[controlPositions[i]];
    }
    return drawn;
  }

  /**
   * The six estimates of one sample, in the order of {@link Intervals}, for the bootstrap: the
   * closed forms give the naive difference, weighting and the doubly robust estimate with their
   * influence values instead ({@link AttInfluence}; the same numbers).
   */
  private static double[] points(
      ImpactSample sample, AttEstimators.Trimmed trimmed, SharedEstimates shared) {
    return new double[] {
      AttEstimators.naiveDifference(sample),
      AttEstimators.inverseProbabilityWeighting(trimmed.sample(), trimmed.propensities()),
      shared.matching().estimate(),
      AttEstimators.doublyRobust(trimmed.sample(), trimmed.propensities()),
      shared.stratification().estimate(),
      shared.entropy().estimate()
    };
  }

  /**
   * The estimates both variance methods need beyond a point: matching's pairs (for Abadie &amp;
   * Imbens's variance and its count of unmatched treated), the strata (for their count and
   * imbalances) and entropy balancing's influence values.
   */
  private record SharedEstimates(
      PropensityMatching.Result matching,
      PropensityStratification.Result stratification,
      AttInfluence.Fitted entropy) {
    static SharedEstimates of(
        ImpactSample sample,
        double[] propensities,
        AttEstimators.Trimmed trimmed,
        ImpactOptions options,
        double[][] design) {
      return new SharedEstimates(
          matchOnPropensity(trimmed, options),
          PropensityStratification.estimate(sample, propensities),
          AttInfluence.entropyBalancing(sample, design));
    }
  }
}
