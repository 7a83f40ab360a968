package org.rishe.analytics.causal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
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
                  return new SkeletonSearch(testFactory.apply(resampled), perResample, knowledge)
                      .search(new SeparationSets(size));
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

  /** Multinomial bootstrap counts over the patterns, as many draws as the total weight. */
  static double[] bootstrapWeights(DiscreteData data, long seed) {
    int patterns = data.patternCount();
    double[] cumulative = new double[patterns];
    double running = 0;
    for (int pattern = 0; pattern < patterns; pattern++) {
      running += data.weight(pattern);
      cumulative[pattern] = running;
    }
    long draws = Math.round(running);
    double[] weights = new double[patterns];
    SplittableRandom random = new SplittableRandom(seed);
    for (long draw = 0; draw < draws; draw++) {
      double target = random.nextDouble() * running;
      int low = 0;
      int high = patterns - 1;
      while (low < high) {
        int middle = (low + high) >>> 1;
        if (cumulative[middle] > target) {
          high = middle;
        } else {
          low = middle + 1;
        }
      }
      weights[low]++;
    }
    return weights;
  }
}
