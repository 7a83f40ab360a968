package org.rishe.analytics.impact;

import java.nio.file.Path;
import java.util.Locale;
import org.rishe.analytics.impact.benchmark.BenchmarkSamples;
import org.rishe.analytics.impact.benchmark.LalondeSpecification;
import org.rishe.analytics.stats.Estimate;

/**
 * Prints every method's estimate on LaLonde's experimental sample and the PSID and CPS comparison
 * groups (Dehejia &amp; Wahba's specifications) with closed-form and bootstrap intervals side by
 * side, and the time each took. {@code bench/impact/intervals.sh} runs it.
 */
public final class IntervalComparison {
  private IntervalComparison() {}

  public static void main(String[] args) {
    int resamples = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Path directory = BenchmarkSamples.directory();
    report("experimental", BenchmarkSamples.lalondeExperimental(directory), resamples);
    report(
        "psid",
        BenchmarkSamples.lalondeObservational(
            directory, "psid", LalondeSpecification.DEHEJIA_WAHBA_PSID),
        resamples);
    report(
        "psid, contract coding",
        BenchmarkSamples.lalondeObservational(directory, "psid"),
        resamples);
    ImpactSample psid = BenchmarkSamples.lalondeObservational(directory, "psid");
    int[] inAges =
        java.util.stream.IntStream.range(0, psid.size())
            .filter(unit -> psid.covariate(unit, 0) >= 17 && psid.covariate(unit, 0) <= 55)
            .toArray();
    report("psid, contract coding, ages 17-55", psid.select(inAges), resamples);
    report(
        "cps, contract coding", BenchmarkSamples.lalondeObservational(directory, "cps"), resamples);
    report(
        "cps",
        BenchmarkSamples.lalondeObservational(
            directory, "cps", LalondeSpecification.DEHEJIA_WAHBA_CPS),
        resamples);
  }

  private static void report(String name, ImpactSample sample, int resamples) {
    PropensityModel model = new NewtonLogisticPropensityModel();
    ImpactOptions closed = new ImpactOptions(resamples, 20260101, 0.2);
    long started = System.nanoTime();
    ImpactResult closedForm = new ImpactEstimator(model, model, closed).estimate(sample);
    double closedSeconds = (System.nanoTime() - started) / 1e9;
    started = System.nanoTime();
    ImpactResult bootstrap =
        new ImpactEstimator(model, model, closed.withVariance(ImpactOptions.Variance.BOOTSTRAP))
            .estimate(sample);
    double bootstrapSeconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%s: %d treated, %d controls; closed form %.2f s, bootstrap (%d) %.2f s%n",
        name,
        closedForm.treated(),
        closedForm.controls(),
        closedSeconds,
        resamples,
        bootstrapSeconds);
    String[] names = {"naive", "ipw", "matching", "doubly robust", "stratification", "entropy"};
    Estimate[] left = estimates(closedForm);
    Estimate[] right = estimates(bootstrap);
    for (int i = 0; i < names.length; i++) {
      System.out.printf(
          Locale.ROOT,
          "  %-15s %9.0f  closed [%7.0f, %7.0f]  bootstrap [%7.0f, %7.0f]%n",
          names[i],
          left[i].estimate(),
          left[i].low(),
          left[i].high(),
          right[i].low(),
          right[i].high());
    }
  }

  private static Estimate[] estimates(ImpactResult result) {
    return new Estimate[] {
      result.naiveDifference(),
      result.inverseProbabilityWeighting(),
      result.matching(),
      result.doublyRobust(),
      result.stratification(),
      result.entropyBalancing()
    };
  }
}
