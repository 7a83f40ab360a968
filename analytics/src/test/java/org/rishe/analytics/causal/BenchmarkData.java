package org.rishe.analytics.causal;

import java.nio.file.Path;
import org.rishe.analytics.impact.benchmark.BenchmarkSamples;

/**
 * Locates the bnlearn benchmark files (the repository's {@code benchmarks/bn}) for tests and the
 * benchmark main class.
 */
final class BenchmarkData {
  private BenchmarkData() {}

  static Path bayesianNetworks() {
    return BenchmarkSamples.directory().resolve("bn");
  }

  static Path samples(String network) {
    return bayesianNetworks().resolve("samples-10000").resolve(network + ".txt");
  }

  static Path truth(String network) {
    return bayesianNetworks().resolve("truth").resolve(network + ".graph.txt");
  }

  static Path referencePc(String network) {
    return bayesianNetworks()
        .resolve("reference-pc")
        .resolve(network + "_pc_chisq_0.05_stable_0_-1.txt");
  }

  static Path bif(String network) {
    return bayesianNetworks().resolve(network + ".bif");
  }
}
