package org.rishe.analytics.rootcause;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.analytics.stats.Estimate;
import org.rishe.generator.GroundTruth;
import org.rishe.generator.TruthBuilder;
import org.rishe.spark.TestSparkSessions;

/**
 * The catalogue's causal ranks against the generator's truth: child_labour shares its causes
 * (household_income, parent_unemployed, single_parent) with food_insecurity and informal_housing,
 * family factors of the same tier that cause nothing of it, so their true total effect on it is a
 * risk ratio of 1. Without ranks the total effect cannot adjust for those same-tier causes; with
 * the default catalogue's ranks (which follow the generator's edges) it does, and moves to the
 * truth. The same people and models; only the order differs.
 *
 * <p>A statistical validation at scale, left out of CI (tag {@code scale}): {@code
 * bench/truth/run.sh} runs it, with its results recorded in bench/truth/README.md.
 */
@Tag("scale")
class CausalRankTruthTest {
  private static final String PROBLEM = "child_labour";

  @Test
  void rankedSameTierConfoundersMoveTheTotalEffectToTheTruth(@TempDir Path work) {
    SparkSession spark = TestSparkSessions.shared();
    try (GeneratedFiles.Counted counted =
        GeneratedFiles.Counted.generate(spark, work.resolve("batch"), 5_000, 42)) {
      RootCauseInputs inputs = counted.inputs();
      PersonTimeline.Codes dictionary = counted.dictionary();
      List<String> regions = counted.regions();
      List<RootCauseStatistics.Counts> counts = counted.counts();
      List<String> codes = counted.codes();
      CausalOrder ranked = counted.order();
      CausalOrder unranked = new CausalOrder(ranked.tiers(), ranked.problemLags());
      assertThat(ranked.ranks()).containsEntry("household_income", 5);

      ModelSampling sampling =
          ModelSampling.of(PROBLEM, counts, regions, codes, ModelSampling.MAXIMUM_UNITS);
      AdjustedOddsRatios.Sample sample =
          AdjustedOddsRatios.Sample.of(
              RootCauseTransforms.adjustmentSample(
                      inputs.timelines, dictionary, dictionary.problems.indexOf(PROBLEM), sampling)
                  .collectAsList(),
              sampling.regions());

      GroundTruth truth = TruthBuilder.build(List.of(), Map.of());
      List<String> confounded = truth.confoundedOnly().get(PROBLEM);
      assertThat(confounded).contains("food_insecurity", "informal_housing");
      List<String> lines = new ArrayList<>();
      for (String factor : List.of("food_insecurity", "informal_housing")) {
        Estimate before = total(sample, sampling, unranked, factor).riskRatio();
        TotalEffects.TotalEffect after = total(sample, sampling, ranked, factor);
        lines.add(
            String.format(
                Locale.ROOT,
                "%s -> %s total RR (truth 1): without ranks %.2f [%.2f, %.2f], with ranks %.2f"
                    + " [%.2f, %.2f] adjusted for %s",
                factor,
                PROBLEM,
                before.estimate(),
                before.low(),
                before.high(),
                after.riskRatio().estimate(),
                after.riskRatio().low(),
                after.riskRatio().high(),
                after.adjustedFor()));
        assertThat(after.adjustedFor()).contains("household_income", "parent_unemployed");
        assertThat(before.low()).as(factor + " without ranks: confounded").isGreaterThan(1);
        assertThat(Math.abs(Math.log(after.riskRatio().estimate())))
            .as(factor + " moves towards 1")
            .isLessThan(Math.abs(Math.log(before.estimate())) / 2);
        assertThat(after.riskRatio().low()).as(factor + " covers 1").isLessThanOrEqualTo(1);
        assertThat(after.riskRatio().high()).as(factor + " covers 1").isGreaterThanOrEqualTo(1);
      }
      // a true cause keeps its effect: household_income -> child_labour (log OR 1.0)
      TotalEffects.TotalEffect cause = total(sample, sampling, ranked, "household_income");
      lines.add(
          String.format(
              Locale.ROOT,
              "household_income -> %s total RR with ranks %.2f [%.2f, %.2f] adjusted for %s",
              PROBLEM,
              cause.riskRatio().estimate(),
              cause.riskRatio().low(),
              cause.riskRatio().high(),
              cause.adjustedFor()));
      lines.forEach(System.out::println);
      assertThat(cause.riskRatio().low()).isGreaterThan(1);
      assertThat(cause.adjustedFor()).doesNotContain("food_insecurity", "informal_housing");
    }
  }

  private static TotalEffects.TotalEffect total(
      AdjustedOddsRatios.Sample sample, ModelSampling sampling, CausalOrder order, String factor) {
    List<String> codes = sampling.codes();
    List<String> adjustedFor = order.totalEffectConfounders(factor, PROBLEM, codes);
    int[] confounders = adjustedFor.stream().mapToInt(codes::indexOf).toArray();
    return TotalEffects.estimate(
            sample, codes.indexOf(factor), confounders, adjustedFor, -1, sampling)
        .orElseThrow();
  }
}
