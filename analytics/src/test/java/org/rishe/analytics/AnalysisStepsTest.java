package org.rishe.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rishe.analytics.impact.ProgramImpactSettings;
import org.rishe.analytics.rootcause.CausalGraphSettings;
import org.rishe.common.results.ResultTables;

/** The steps of a full analyze run, as declared, without starting Spark. */
class AnalysisStepsTest {
  private static final List<AnalysisStep> STEPS =
      AnalyzeJob.steps(ProgramImpactSettings.defaults(), CausalGraphSettings.defaults());

  @Test
  void theStepsRunInTheOrderTheirInputsNeed() {
    assertThat(STEPS.stream().map(AnalysisStep::name))
        .containsExactly(
            "catalogue",
            "problems",
            "researcher cubes",
            "dashboard, donations, hotspots and volunteers",
            "giving by occasion",
            "programme impact",
            "root causes and causal graph",
            "needs board");
  }

  @Test
  void everyTableIsPublishedByExactlyOneStepAndEveryStepReadsCuratedTables() {
    List<String> tables = STEPS.stream().flatMap(step -> step.publishes().stream()).toList();

    assertThat(tables)
        .doesNotHaveDuplicates()
        .hasSize(22)
        .contains(
            ResultTables.INDICATORS,
            ResultTables.REGIONS,
            ResultTables.PROBLEMS,
            ResultTables.DONATION_JOURNEYS,
            ResultTables.PROGRAM_IMPACT,
            ResultTables.PROGRAM_IMPACT_GAPS,
            ResultTables.OCCASION_GIVING,
            ResultTables.ROOT_CAUSES,
            ResultTables.ROOT_CAUSE_CHAINS,
            ResultTables.NEEDS_BOARD);
    assertThat(STEPS).allSatisfy(step -> assertThat(step.reads()).as(step.name()).isNotEmpty());
  }

  @Test
  void aStepsTimeReadsInSecondsUnderAMinuteAndInMinutesAndSecondsAbove() {
    assertThat(AnalyzeJob.elapsed(4_240_000_000L)).isEqualTo("4.2 s");
    assertThat(AnalyzeJob.elapsed(896_400_000_000L)).isEqualTo("14 min 56 s");
  }
}
