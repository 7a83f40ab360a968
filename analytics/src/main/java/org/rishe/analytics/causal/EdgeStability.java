package org.rishe.analytics.causal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Bootstrap stability of PC's adjacencies: PC-stable's skeleton search is rerun on resamples of the
 * rows and each adjacency is scored by the fraction of resamples showing it. Orientation never adds
 * or removes an adjacency, so a resample stops after the skeleton: the collider and Meek phases
 * (and a conservative collider rule's retests, more than half of a run) would change nothing that
 * is scored. A resample is the same distinct patterns with multinomial weights, so no row is
 * copied; results depend only on the seed, not on the thread count or scheduling.
 */
public final class EdgeStability {
  private EdgeStability() {}

  /**
   * Runs PC-stable's skeleton search on {@code resamples} bootstrap resamples.
   *
   * @param testFactory builds the independence test for one resample, e.g. {@code
   *     ChiSquareTest::new}. The resample holds every pattern of {@code data}, in the same order,
   *     with its bootstrap multiplicity as weight (0 for patterns not drawn).
   * @param settings PC settings; each resample runs single-threaded, resamples run in parallel
   */
  public static EdgeFrequencies estimate(
      DiscreteData data,
      Function<DiscreteData, IndependenceTest> testFactory,
      PcSettings settings,
      BackgroundKnowledge knowledge,
      StabilitySettings stability) {
    return estimate(data, testFactory, settings, knowledge, stability, () -> {});
  }

  /** As {@link #estimate}, running {@code resampleDone} as each resample's search ends. */
  public static EdgeFrequencies estimate(
      DiscreteData data,
      Function<DiscreteData, IndependenceTest> testFactory,
      PcSettings settings,
      BackgroundKnowledge knowledge,
      StabilitySettings stability,
      Runnable resampleDone) {
    requireNonNull(resampleDone, "resampleDone is null");
    requireNonNull(data, "data is null");
    requireNonNull(testFactory, "testFactory is null");
    requireNonNull(settings, "settings is null");
    requireNonNull(knowledge, "knowledge is null");
    requireNonNull(stability, "stability is null");
    SplittableRandom root = new SplittableRandom(stability.seed());
    long[] seeds = new long[stability.resamples()];
    for (int resample = 0; resample < seeds.length; resample++) {
      seeds[resample] = root.nextLong();
    }
    PcSettings perResample = settings.withThreads(1);
    int size = data.variableCount();
    ExecutorService executor = Executors.newFixedThreadPool(stability.threads());
    try {
      List<Future<MixedGraph>> skeletons = new ArrayList<>();
      for (long seed : seeds) {
        skeletons.add(
            executor.submit(
                () -> {
                  DiscreteData resampled = data.withWeights(bootstrapWeights(data, seed));
                  MixedGraph skeleton =
                      new SkeletonSearch(testFactory.apply(resampled), perResample, knowledge)
                          .search(new SeparationSets(size));
                  resampleDone.run();
                  return skeleton;
                }));
      }
      int[][] adjacencies = new int[size][size];
      for (Future<MixedGraph> future : skeletons) {
        MixedGraph skeleton = future.get();
        for (int x = 0; x < size; x++) {
          for (int y : skeleton.neighbors(x)) {
            adjacencies[x][y]++;
          }
        }
      }
      return new EdgeFrequencies(data.names(), seeds.length, adjacencies);
    } catch (InterruptedException exception) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("edge stability was interrupted", exception);
    } catch (ExecutionException exception) {
      throw new IllegalStateException("a bootstrap resample failed", exception.getCause());
    } finally {
      executor.shutdownNow();
    }
  }

  /**
   * Multinomial bootstrap counts over the patterns, as many draws as the total weight. Each draw is
   * a uniform point on the patterns' cumulative weights; the points are sorted and the cumulative
   * weights walked once, rather than each point searched for: at a million people a binary search
   * of a million and a half cumulative weights misses the cache at nearly every step. A pattern's
   * count is the number of points in its stretch whatever their order, so the counts are those of
   * the same points searched one by one.
   */
  static double[] bootstrapWeights(DiscreteData data, long seed) {
    int patterns = data.patternCount();
    double[] cumulative = new double[patterns];
    double running = 0;
    for (int pattern = 0; pattern < patterns; pattern++) {
      running += data.weight(pattern);
      cumulative[pattern] = running;
    }
    long draws = Math.round(running);
    if (draws > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "%d draws are more than one resample can hold; resample fewer rows".formatted(draws));
    }
    double[] targets = new double[(int) draws];
    SplittableRandom random = new SplittableRandom(seed);
    for (int draw = 0; draw < targets.length; draw++) {
      targets[draw] = random.nextDouble() * running;
    }
    Arrays.sort(targets);
    double[] weights = new double[patterns];
    int pattern = 0;
    for (double target : targets) {
      // the first pattern whose cumulative weight exceeds the target, as a binary search finds it
      while (pattern < patterns - 1 && !(cumulative[pattern] > target)) {
        pattern++;
      }
      weights[pattern]++;
    }
    return weights;
  }
}
