package org.rishe.analytics.causal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Locates the shared benchmark files for tests and the benchmark main class. */
final class BenchmarkData {
  private BenchmarkData() {}

  static Path bayesianNetworks() {
    String property = System.getProperty("rishe.benchmarks");
    List<Path> candidates =
        property == null
            ? List.of(
                Path.of("../shared/benchmarks"),
                Path.of("../../shared/benchmarks"),
                Path.of("/work/shared/benchmarks"))
            : List.of(
                Path.of(property),
                Path.of("../shared/benchmarks"),
                Path.of("/work/shared/benchmarks"));
    for (Path candidate : candidates) {
      if (Files.isDirectory(candidate.resolve("bn"))) {
        return candidate.resolve("bn");
      }
    }
    throw new IllegalStateException(
        "benchmark data not found in %s: set -Drishe.benchmarks=<path to shared/benchmarks>"
            .formatted(candidates));
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
