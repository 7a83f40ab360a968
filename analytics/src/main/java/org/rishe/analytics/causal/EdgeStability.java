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
 * Bootstrap stability of PC's edges: PC is rerun on resamples of the rows and each adjacency and
 * each orientation is scored by the fraction of resamples showing it. A resample is the same
 * distinct patterns with multinomial weights, so no row is copied; results depend only on the seed,
 * not on the thread count or scheduling.
 */
public final class EdgeStability {
  private EdgeStability() {}

  /**
   * Runs PC on {@code resamples} bootstrap resamples.
   *
   * @param testFactory builds the independence test for one resample, e.g. {@code
   *     ChiSquareTest::new}
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
    ExecutorService executor = Executors.newFixedThreadPool(stability.threads());
    try {
      List<Future<CausalGraph>> graphs = new ArrayList<>();
      for (long seed : seeds) {
        graphs.add(
            executor.submit(
                () -> {
                  DiscreteData resampled = data.withWeights(bootstrapWeights(data, seed));
                  return PcStable.discover(
                      testFactory.apply(resampled), data.names(), perResample, knowledge);
                }));
      }
      int size = data.variableCount();
      int[][] adjacencies = new int[size][size];
      int[][] orientations = new int[size][size];
      for (Future<CausalGraph> future : graphs) {
        for (Edge edge : future.get().edges()) {
          adjacencies[edge.from()][edge.to()]++;
          adjacencies[edge.to()][edge.from()]++;
          if (edge.directed()) {
            orientations[edge.from()][edge.to()]++;
          }
        }
      }
      return new EdgeFrequencies(data.names(), seeds.length, adjacencies, orientations);
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
