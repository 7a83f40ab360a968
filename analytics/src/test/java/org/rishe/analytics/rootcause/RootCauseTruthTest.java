package org.rishe.analytics.rootcause;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.spark.TestSparkSessions;

/**
 * The analyze step's root causes against the generator's truth at 5,000 families (about 12,000
 * children), drawn with the generator's traps on (sibling frailty, income recovery, a factor
 * recorded after onset, loss to follow-up). The 20,000-family run is bench/rootcause
 * (RootCauseBenchmark). The total-effect coverage is held to the 85% that issue 15 asks at 20,000
 * families: the intervals are about twice as wide at 5,000, so a bias that keeps coverage below 85%
 * here would keep it lower still at 20,000 (measured: 93.7% here, 87.4% there; see
 * bench/rootcause/README.md).
 *
 * <p>A statistical validation at scale, left out of CI (tag {@code scale}): {@code
 * bench/truth/run.sh} runs it, with its results recorded in bench/truth/README.md.
 */
@Tag("scale")
class RootCauseTruthTest {
  @Test
  void directCausesAreFoundConfoundersAdjustedAwayAndUnrelatedFactorsNotSignificant(
      @TempDir Path work) {
    RootCauseTruthCheck.Outcome outcome =
        RootCauseTruthCheck.straightFromFiles(
            TestSparkSessions.shared(), work, 5_000, 42, System.out::println);
    outcome.lines().forEach(System.out::println);
    System.out.println(
        "ingest " + outcome.ingestMillis() + " ms, analyze " + outcome.analyzeMillis() + " ms");
    assertThat(outcome.lines()).isNotEmpty();
    assertThat(outcome.failures()).isEmpty();
  }
}
