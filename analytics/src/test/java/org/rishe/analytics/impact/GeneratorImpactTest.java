package org.rishe.analytics.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.analytics.stats.Estimate;
import org.rishe.common.results.ResultTables;

/**
 * The generator's programmes through generate, ingest and the Spark job, against the true effects
 * the generator was built with (data-samples/README.md). 4,000 families give about 1,000 treated
 * children with a school outcome: the risk difference then has a standard error near 0.015, so 0.03
 * is two standard errors.
 */
class GeneratorImpactTest {
  @TempDir Path batch;
  @TempDir Path warehouse;

  @Test
  void estimatesRecoverTheGeneratorsTrueEffectsWhereTheNaiveDifferenceIsBiased() {
    List<ProgramImpactJob.Evaluation> evaluations =
        GeneratorImpact.evaluate(4000, 11, 100, batch, warehouse);

    ProgramImpactJob.Evaluation enrolled =
        GeneratorImpact.find(evaluations, "PRG01", "school_enrolled");
    Estimate school = enrolled.result().doublyRobust();
    assertThat(enrolled.outcomeType()).isEqualTo(ResultTables.OUTCOME_RISK_DIFFERENCE);
    assertThat(school.estimate()).isCloseTo(GeneratorImpact.SCHOOL_ENROLLED_EFFECT, within(0.03));
    assertThat(school.covers(GeneratorImpact.SCHOOL_ENROLLED_EFFECT)).isTrue();
    assertThat(enrolled.result().inverseProbabilityWeighting().covers(0.15)).isTrue();
    // Children enrolled were more often out of school: comparing raw rates understates the effect.
    assertThat(enrolled.result().naiveDifference().high())
        .isLessThan(GeneratorImpact.SCHOOL_ENROLLED_EFFECT);
    // Cost 45 per participant over a +0.15 effect: about 300 per extra child in school.
    Estimate cost = ProgramImpactTables.costPerOutcome(45.0, school);
    assertThat(cost.estimate()).isCloseTo(45.0 / school.estimate(), within(1e-9));

    Estimate reading =
        GeneratorImpact.find(evaluations, "PRG01", "reading_score").result().doublyRobust();
    assertThat(reading.covers(GeneratorImpact.READING_SCORE_EFFECT)).isTrue();

    ProgramImpactJob.Evaluation wellbeing =
        GeneratorImpact.find(evaluations, "PRG04", "wellbeing_score");
    assertThat(wellbeing.result().doublyRobust().covers(GeneratorImpact.WELLBEING_EFFECT)).isTrue();
    // Family conflict lowers wellbeing and drives enrolment: the naive difference is negative.
    assertThat(wellbeing.result().naiveDifference().high()).isLessThan(0);
  }
}
