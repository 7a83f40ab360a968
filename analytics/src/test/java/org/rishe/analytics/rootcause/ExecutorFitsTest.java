package org.rishe.analytics.rootcause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.analytics.stats.Estimate;
import org.rishe.spark.TestSparkSessions;

/**
 * The models fitted on the executors, one group per model, against the same models fitted on the
 * driver over each problem's collected sample: the same people reach each model, so every adjusted
 * odds ratio and total effect must agree to rounding. A small budget (400 people a model) makes the
 * draws and their offsets part of what is compared.
 */
class ExecutorFitsTest {
  private static final int BUDGET = 400;

  @Test
  void executorsFitTheModelsTheDriverFits(@TempDir Path work) {
    SparkSession spark = TestSparkSessions.shared();
    try (GeneratedFiles.Counted counted =
        GeneratedFiles.Counted.generate(spark, work.resolve("batch"), 600, 7)) {
      RootCauseInputs inputs = counted.inputs();
      PersonTimeline.Codes dictionary = counted.dictionary();
      List<String> regions = counted.regions();
      CausalOrder order = counted.order();
      List<ModelSampling> samplings = new ArrayList<>();
      Map<AdjustedOddsRatios.Key, Estimate> driverAdjusted = new HashMap<>();
      Map<AdjustedOddsRatios.Key, TotalEffects.TotalEffect> driverTotals = new HashMap<>();
      for (int problem = 0; problem < dictionary.problemCount(); problem++) {
        String name = dictionary.problems.get(problem);
        ModelSampling sampling =
            ModelSampling.of(name, counted.counts(), regions, counted.codes(), BUDGET);
        samplings.add(sampling);
        AdjustedOddsRatios.Sample sample =
            AdjustedOddsRatios.Sample.of(
                RootCauseTransforms.adjustmentSample(
                        inputs.timelines, dictionary, problem, sampling)
                    .collectAsList(),
                regions);
        driverAdjusted.putAll(AdjustedOddsRatios.estimate(name, sample, sampling, order));
        driverTotals.putAll(TotalEffects.estimateAll(name, sample, sampling, order));
      }

      ExecutorFits.Results executors =
          ExecutorFits.fit(inputs.timelines, dictionary, samplings, order);

      // Enough models are fitted, and some on a draw, for the comparison to mean something.
      assertThat(driverAdjusted).hasSizeGreaterThan(50);
      assertThat(driverTotals).hasSizeGreaterThan(50);
      assertThat(inputs.timelines.count()).isGreaterThan(3L * BUDGET);
      assertThat(driverTotals.values()).anyMatch(total -> total.people() <= BUDGET * 1.2);
      assertThat(executors.adjusted().keySet()).isEqualTo(driverAdjusted.keySet());
      assertThat(executors.totals().keySet()).isEqualTo(driverTotals.keySet());
      driverAdjusted.forEach(
          (key, estimate) -> assertSame(executors.adjusted().get(key), estimate));
      driverTotals.forEach(
          (key, total) -> {
            TotalEffects.TotalEffect other = executors.totals().get(key);
            assertSame(other.riskRatio(), total.riskRatio());
            assertSame(other.riskDifference(), total.riskDifference());
            assertSame(other.attributableFraction(), total.attributableFraction());
            assertThat(other.riskExposed()).isCloseTo(total.riskExposed(), within(1e-7));
            assertThat(other.logRatioStandardError())
                .isCloseTo(total.logRatioStandardError(), within(1e-7));
            assertThat(other.people()).isEqualTo(total.people());
            assertThat(other.families()).isEqualTo(total.families());
            assertThat(other.adjustedFor()).isEqualTo(total.adjustedFor());
          });
    }
  }

  private static void assertSame(Estimate actual, Estimate expected) {
    for (double[] pair :
        new double[][] {
          {actual.estimate(), expected.estimate()},
          {actual.low(), expected.low()},
          {actual.high(), expected.high()}
        }) {
      assertThat(pair[0]).isCloseTo(pair[1], within(1e-6 * Math.max(1, Math.abs(pair[1]))));
    }
  }
}
