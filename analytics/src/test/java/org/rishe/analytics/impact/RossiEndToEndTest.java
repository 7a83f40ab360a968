package org.rishe.analytics.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.analytics.impact.benchmark.BenchmarkSamples;
import org.rishe.analytics.impact.benchmark.RossiBatchWriter;
import org.rishe.common.results.ResultTables;

/**
 * Rossi's randomised trial through the data contract, ingest and the Spark job: re-arrest 48/216
 * with aid against 66/216 without, a risk difference of -8.3 points.
 */
class RossiEndToEndTest {
  private static final double TRIAL_EFFECT = 48.0 / 216 - 66.0 / 216;

  @TempDir Path batch;
  @TempDir Path warehouse;

  @Test
  void everyMethodCoversTheRandomisedDifference() {
    RossiBatchWriter.write(BenchmarkSamples.directory(), batch);

    List<ProgramImpactJob.Evaluation> evaluations =
        ImpactWarehouse.ingestAndEvaluate(batch, warehouse, ProgramImpactSettings.defaults());

    assertThat(evaluations).hasSize(1);
    ProgramImpactJob.Evaluation evaluation = evaluations.get(0);
    assertThat(evaluation.outcome()).isEqualTo("rearrested");
    assertThat(evaluation.outcomeType()).isEqualTo(ResultTables.OUTCOME_RISK_DIFFERENCE);
    assertThat(evaluation.result().treated()).isEqualTo(216);
    assertThat(evaluation.result().controls()).isEqualTo(216);
    // The naive difference is the trial's own, counted from the file by hand in the README.
    assertThat(evaluation.result().naiveDifference().estimate())
        .isCloseTo(TRIAL_EFFECT, within(1e-12));
    for (String method : ProgramImpactJob.METHODS) {
      assertThat(evaluation.estimate(method).covers(TRIAL_EFFECT)).as(method).isTrue();
    }
    assertThat(evaluation.result().doublyRobust().estimate()).isCloseTo(TRIAL_EFFECT, within(0.02));
  }
}
