package org.rishe.analytics.causal;

import java.nio.file.Path;

/**
 * Benchmark, not a unit test: samples ALARM with the forward sampler and times PC-stable on it.
 * Arguments: [rows (default 1000000)] [seed (default 1)] [path to alarm.bif]. See
 * bench/causal/README.md for the command and recorded results.
 */
public final class AlarmBenchmark {
  private AlarmBenchmark() {}

  public static void main(String[] arguments) {
    int rows = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 1_000_000;
    long seed = arguments.length > 1 ? Long.parseLong(arguments[1]) : 1;
    Path bif = arguments.length > 2 ? Path.of(arguments[2]) : BenchmarkData.bif("alarm");
    BifNetwork network = BifNetwork.read(bif);
    CausalGraph truth = GraphMetrics.cpdag(network.dag());

    long samplingStart = System.nanoTime();
    DiscreteData data = network.sample(rows, seed);
    double samplingSeconds = (System.nanoTime() - samplingStart) / 1e9;

    for (String testName : new String[] {"G-test", "chi-square"}) {
      long start = System.nanoTime();
      DiscreteData fresh = data.withWeights(weights(data));
      IndependenceTest test =
          testName.equals("chi-square") ? new ChiSquareTest(fresh) : new GSquareTest(fresh);
      CausalGraph found = PcStable.discover(test, network.names(), PcSettings.defaults());
      double seconds = (System.nanoTime() - start) / 1e9;
      GraphScore score = GraphMetrics.compare(truth, found);
      System.out.printf(
          "ALARM rows=%d seed=%d patterns=%d sampling=%.2fs test=%s pc=%.2fs SHD=%d"
              + " precision=%.3f recall=%.3f F1=%.3f threads=%d%n",
          rows,
          seed,
          data.patternCount(),
          samplingSeconds,
          testName,
          seconds,
          score.structuralHammingDistance(),
          score.adjacencyPrecision(),
          score.adjacencyRecall(),
          score.adjacencyF1(),
          PcSettings.defaults().threads());
    }
  }

  // A fresh copy per run so the second test does not reuse the first one's cached tables.
  private static double[] weights(DiscreteData data) {
    double[] weights = new double[data.patternCount()];
    for (int pattern = 0; pattern < weights.length; pattern++) {
      weights[pattern] = data.weight(pattern);
    }
    return weights;
  }
}
