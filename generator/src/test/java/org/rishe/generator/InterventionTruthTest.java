package org.rishe.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rishe.generator.GroundTruth.TotalEffect;

/** The truth's total effects by simulated intervention, against what the model implies. */
class InterventionTruthTest {
  private static final Timeline TIMELINE =
      new Timeline(GeneratorConfig.DEFAULT_START_YEAR, GeneratorConfig.DEFAULT_END_YEAR);

  private static final Map<String, TotalEffect> PLAIN =
      byPair(InterventionTruth.compute(42, TIMELINE, Traps.NONE, 20_000));

  private static final Map<String, TotalEffect> TRAPPED =
      byPair(InterventionTruth.compute(42, TIMELINE, Traps.STANDARD, 20_000));

  /**
   * With no directed path the two arms draw every outcome from the same numbers, so the ratio is 1
   * exactly, not approximately, with and without the traps.
   */
  @Test
  void aFactorWithNoPathToAProblemHasARiskRatioOfExactlyOne() {
    for (Map<String, TotalEffect> effects : List.of(PLAIN, TRAPPED)) {
      for (String pair :
          List.of(
              "learning_difficulty domestic_violence",
              "household_income domestic_violence",
              "malnutrition child_labour",
              "substance_use delinquency",
              "disability domestic_violence",
              "disability substance_use")) {
        TotalEffect effect = effects.get(pair);
        assertThat(effect.riskRatio()).as(pair).isEqualTo(1.0);
        assertThat(effect.riskDifference()).as(pair).isEqualTo(0.0);
      }
    }
  }

  /**
   * Malnutrition's only cause is food insecurity (log-odds -3.2 + 1.3 F - 0.10 (age - 11), age
   * uniform on 5..17, no frailty). Whether an onset falls within follow-up does not depend on the
   * factor or the age, so it cancels from the ratio: RR = mean over ages of expit(-1.9 - 0.1 (a -
   * 11)) over the same mean of expit(-3.2 - 0.1 (a - 11)).
   */
  @Test
  void aSingleUnconfoundedEdgeGivesTheLogisticModelsRiskRatio() {
    double exposed = 0;
    double unexposed = 0;
    for (int age = 5; age <= 17; age++) {
      exposed += expit(-3.2 + 1.3 - 0.10 * (age - 11));
      unexposed += expit(-3.2 - 0.10 * (age - 11));
    }
    double closedForm = exposed / unexposed;
    TotalEffect effect = PLAIN.get("food_insecurity malnutrition");
    // At age 11 alone it would be expit(-1.9) / expit(-3.2) = 0.1301 / 0.0392 = 3.32.
    assertThat(closedForm).isBetween(3.2, 3.35);
    assertThat(effect.logRiskRatioMcSe()).isBetween(0.001, 0.03);
    assertThat(Math.abs(Math.log(effect.riskRatio()) - Math.log(closedForm)))
        .isLessThan(4 * effect.logRiskRatioMcSe());
  }

  /**
   * Every node but the problem itself, for every problem; a root acting only through other nodes
   * (parent_illiterate on child_labour) has a total effect above 1, like a direct cause.
   */
  @Test
  void everyPairHasATruthAndIndirectRootsRaiseTheRisk() {
    assertThat(TRAPPED.keySet()).hasSize(CausalModel.size() * 8 - 8);
    assertThat(PLAIN.get("household_income child_labour").riskRatio()).isGreaterThan(1.5);
    assertThat(PLAIN.get("parent_illiterate child_labour").riskRatio()).isGreaterThan(1.05);
    // do(low income) forbids recovery, so the traps leave the contrast always-low vs never-low.
    assertThat(TRAPPED.get("household_income child_labour").riskRatio()).isGreaterThan(1.5);
  }

  private static Map<String, TotalEffect> byPair(List<TotalEffect> effects) {
    return effects.stream()
        .collect(Collectors.toMap(e -> e.factor() + " " + e.problem(), Function.identity()));
  }

  private static double expit(double x) {
    return 1.0 / (1.0 + Math.exp(-x));
  }
}
