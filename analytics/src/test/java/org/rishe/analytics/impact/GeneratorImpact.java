package org.rishe.analytics.impact;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.rishe.generator.GeneratorConfig;
import org.rishe.generator.SyntheticBatchGenerator;

/**
 * Shared by the generator-truth test and benchmark: generates a batch of {@code families}, ingests
 * it and evaluates the two programmes whose effects the generator knows (PRG01 Back to School:
 * +0.15 on school_enrolled and +5 on reading_score; PRG04 Family Counselling: 0 on
 * wellbeing_score). Enrolment in both is confounded by observed factors.
 */
final class GeneratorImpact {
  static final double SCHOOL_ENROLLED_EFFECT = 0.15;
  static final double READING_SCORE_EFFECT = 5;
  static final double WELLBEING_EFFECT = 0;

  private GeneratorImpact() {}

  static List<ProgramImpactJob.Evaluation> evaluate(
      long families, long seed, int resamples, Path batch, Path warehouse) {
    SyntheticBatchGenerator.generate(
        GeneratorConfig.defaults(batch).withFamilies(families).withSeed(seed));
    ProgramImpactSettings settings =
        ProgramImpactSettings.defaults()
            .withPrograms(Set.of("PRG01", "PRG04"))
            .withOptions(
                new ImpactOptions(
                    resamples,
                    seed,
                    ImpactOptions.DEFAULT_CALIPER,
                    ImpactOptions.DEFAULT_NEIGHBOURS));
    return ImpactWarehouse.ingestAndEvaluate(batch, warehouse, settings);
  }

  static ProgramImpactJob.Evaluation find(
      List<ProgramImpactJob.Evaluation> evaluations, String programId, String outcome) {
    return evaluations.stream()
        .filter(e -> e.programId().equals(programId) && e.outcome().equals(outcome))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no evaluation of " + programId + " on " + outcome));
  }
}
