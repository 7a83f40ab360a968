package org.rishe.analytics.rootcause;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rishe.spark.SparkSessions;

/**
 * The truth check at benchmark size (20,000 families by default): generate, ingest, run the whole
 * analyze job, compare with the truth, print every estimate and the timings. Too slow for the test
 * suite; bench/rootcause/run.sh runs it and bench/rootcause/README.md records its results.
 */
public final class RootCauseBenchmark {
  private RootCauseBenchmark() {}

  public static void main(String[] args) {
    long families = args.length > 0 ? Long.parseLong(args[0]) : 20_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
    Path work;
    try {
      work = Files.createTempDirectory("rishe-rootcause-bench");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder", e);
    }
    RootCauseTruthCheck.Outcome outcome =
        RootCauseTruthCheck.throughIngestAndAnalyze(
            SparkSessions.getOrCreate("rishe-rootcause-bench"),
            work,
            families,
            seed,
            System.out::println);
    outcome.lines().forEach(System.out::println);
    System.out.println(
        "families "
            + families
            + ": ingest "
            + outcome.ingestMillis()
            + " ms, analyze "
            + outcome.analyzeMillis()
            + " ms, work folder "
            + work);
    outcome.failures().forEach(line -> System.out.println("FAILED " + line));
    System.exit(outcome.failures().isEmpty() ? 0 : 1);
  }
}
