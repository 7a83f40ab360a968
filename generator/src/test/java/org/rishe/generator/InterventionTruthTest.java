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
   * A total effect through a confounded path, summed exactly over the few nodes it depends on.
   * domestic_violence = logistic(-3.0 + 1.3 family_conflict + 0.8 parent_addiction), no age, sex or
   * region terms and no problem among its causes, so its onset, and whether that falls within
   * follow-up, does not depend on the factor and cancels from the ratio. Under do(family_conflict)
   * only parent_addiction varies, through parent_unemployed and parent_illiterate: pa =
   * logistic(-2.3 + 0.8 pu), pu = logistic(-1.2 + 0.8 shift + 0.9 pi), pi = logistic(-1.3 + 1.0
   * shift), summed over the regions by their family weights (0.18 .. 0.05) and log-odds shifts
   * (-0.5 .. 0.5).
   */
  @Test
  void familyConflictOnDomesticViolenceMatchesTheExactSumOverItsOtherCause() {
    double[] regionWeights = {0.18, 0.14, 0.12, 0.11, 0.10, 0.09, 0.08, 0.07, 0.06, 0.05};
    double[] regionShift = {-0.5, -0.4, -0.2, -0.1, 0.0, 0.1, 0.2, 0.3, 0.4, 0.5};
    double addiction = 0;
    for (int region = 0; region < regionWeights.length; region++) {
      double illiterate = expit(-1.3 + regionShift[region]);
      double unemployed =
          illiterate * expit(-1.2 + 0.8 * regionShift[region] + 0.9)
              + (1 - illiterate) * expit(-1.2 + 0.8 * regionShift[region]);
      addiction +=
          regionWeights[region] * (unemployed * expit(-2.3 + 0.8) + (1 - unemployed) * expit(-2.3));
    }
    double[] risk = new double[2];
    for (int conflict = 0; conflict < 2; conflict++) {
      risk[conflict] =
          addiction * expit(-3.0 + 1.3 * conflict + 0.8)
              + (1 - addiction) * expit(-3.0 + 1.3 * conflict);
    }
    TotalEffect effect = PLAIN.get("family_conflict domestic_violence");

    assertThat(effect.logRiskRatioMcSe()).isBetween(0.001, 0.05);
    assertThat(Math.abs(Math.log(effect.riskRatio()) - Math.log(risk[1] / risk[0])))
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
