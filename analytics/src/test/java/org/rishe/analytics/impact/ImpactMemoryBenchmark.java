package org.rishe.analytics.impact;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark, not a unit test: the memory one programme × outcome group needs on an executor. Builds
 * a synthetic comparison group of U units with K covariates (half 0/1, half normal; about 2%
 * enrolled, enrolment logistic in the first covariates; families of 2) and estimates every method
 * with the default closed-form intervals, as the analyze job does per group. Prints the wall time
 * and the largest heap in use seen by a 20 ms sampler. Run it under a heap limit to see whether a
 * group of that size fits: bench/impact/memory.sh [UNITS=1280000] [COVARIATES=40] with BENCH_HEAP.
 */
public final class ImpactMemoryBenchmark {
  private ImpactMemoryBenchmark() {}

  public static void main(String[] arguments) throws InterruptedException {
    int units = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 1_280_000;
    int covariates = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 40;
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong peak = new AtomicLong();
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    sampler.start();
    long start = System.nanoTime();
    ImpactSample sample = sample(units, covariates, new SplittableRandom(20261204));
    double built = (System.nanoTime() - start) / 1e9;
    ImpactEstimator estimator =
        new ImpactEstimator(
            new NewtonLogisticPropensityModel(),
            new NewtonLogisticPropensityModel(),
            ImpactOptions.defaults(1));
    ImpactResult result = estimator.estimate(sample);
    double seconds = (System.nanoTime() - start) / 1e9;
    sampler.interrupt();
    sampler.join();
    System.out.printf(
        "units=%d covariates=%d treated=%d controls=%d trimmed=%d%n",
        units, covariates, result.treated(), result.controls(), result.trimmedControls());
    System.out.printf(
        "weighting %s | doubly robust %s | entropy balancing %s (true effect 1)%n",
        result.inverseProbabilityWeighting(), result.doublyRobust(), result.entropyBalancing());
    System.out.printf(
        "sample built in %.1f s, estimated in %.1f s; largest heap in use %.0f MB of %.0f MB"
            + " allowed%n",
        built, seconds - built, peak.get() / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
  }

  /** The synthetic group, built a column at a time as the analyze job builds it. */
  private static ImpactSample sample(int units, int count, SplittableRandom random) {
    List<String> names = new ArrayList<>();
    double[][] columns = new double[count][units];
    for (int covariate = 0; covariate < count; covariate++) {
      names.add("x" + covariate);
      boolean binary = covariate % 2 == 0;
      double[] column = columns[covariate];
      for (int unit = 0; unit < units; unit++) {
        column[unit] = binary ? (random.nextDouble() < 0.3 ? 1 : 0) : random.nextGaussian();
      }
    }
    boolean[] treated = new boolean[units];
    double[] outcomes = new double[units];
    int[] families = new int[units];
    for (int unit = 0; unit < units; unit++) {
      double score = -4.2 + 0.8 * columns[0][unit] + 0.5 * columns[Math.min(1, count - 1)][unit];
      treated[unit] = random.nextDouble() < 1 / (1 + Math.exp(-score));
      outcomes[unit] =
          0.5 * columns[0][unit]
              + 0.3 * columns[Math.min(1, count - 1)][unit]
              + (treated[unit] ? 1 : 0)
              + random.nextGaussian();
      families[unit] = unit / 2;
    }
    return ImpactSample.ofColumns(names, treated, columns, outcomes, families);
  }
}
