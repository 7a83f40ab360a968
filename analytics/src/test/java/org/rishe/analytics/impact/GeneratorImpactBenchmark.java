package org.rishe.analytics.impact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.rishe.analytics.stats.Estimate;

/**
 * Benchmark, not a unit test: the generator-truth check at scale. Arguments: [families (default
 * 20000)] [seed (default 11)] [resamples (default 200)]. Prints every method's estimate of PRG01
 * and PRG04 against the truth and the wall time; see bench/impact/README.md for the command and the
 * recorded results.
 */
public final class GeneratorImpactBenchmark {
  private GeneratorImpactBenchmark() {}

  public static void main(String[] arguments) throws IOException {
    long families = arguments.length > 0 ? Long.parseLong(arguments[0]) : 20_000;
    long seed = arguments.length > 1 ? Long.parseLong(arguments[1]) : 11;
    int resamples = arguments.length > 2 ? Integer.parseInt(arguments[2]) : 200;
    Path work = Files.createTempDirectory("rishe-impact-bench");
    try {
      long start = System.nanoTime();
      List<ProgramImpactJob.Evaluation> evaluations =
          GeneratorImpact.evaluate(
              families, seed, resamples, work.resolve("batch"), work.resolve("warehouse"));
      double seconds = (System.nanoTime() - start) / 1e9;
      for (ProgramImpactJob.Evaluation evaluation : evaluations) {
        double truth = truth(evaluation);
        System.out.printf(
            "%s %s truth=%+.3f treated=%d controls=%d trimmed=%d%n",
            evaluation.programId(),
            evaluation.outcome(),
            truth,
            evaluation.result().treated(),
            evaluation.result().controls(),
            evaluation.result().trimmedControls());
        for (String method : ProgramImpactJob.METHODS) {
          Estimate estimate = evaluation.estimate(method);
          System.out.printf(
              "  %-30s %+.3f [%+.3f, %+.3f] covers=%s%n",
              method, estimate.estimate(), estimate.low(), estimate.high(), estimate.covers(truth));
        }
      }
      System.out.printf(
          "families=%d seed=%d resamples=%d generate+ingest+evaluate=%.1fs%n",
          families, seed, resamples, seconds);
    } finally {
      delete(work);
    }
    System.exit(0);
  }

  private static double truth(ProgramImpactJob.Evaluation evaluation) {
    // Effects the generator did not plant (PRG01 on wellbeing, PRG04 on schooling) are zero.
    return switch (evaluation.programId() + " " + evaluation.outcome()) {
      case "PRG01 school_enrolled" -> GeneratorImpact.SCHOOL_ENROLLED_EFFECT;
      case "PRG01 reading_score" -> GeneratorImpact.READING_SCORE_EFFECT;
      default -> 0;
    };
  }

  private static void delete(Path folder) throws IOException {
    try (var paths = Files.walk(folder)) {
      paths
          .sorted(java.util.Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.delete(path);
                } catch (IOException e) {
                  throw new UncheckedIOException("cannot delete " + path, e);
                }
              });
    }
  }
}
