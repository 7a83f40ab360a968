package org.rishe.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The Monte Carlo truth against the same quantity summed exactly over the few nodes it depends on.
 */
class TotalEffectTruthTest {
  private static final double[] REGION_WEIGHTS = {
    0.18, 0.14, 0.12, 0.11, 0.10, 0.09, 0.08, 0.07, 0.06, 0.05
  };
  private static final double[] REGION_SHIFT = {
    -0.5, -0.4, -0.2, -0.1, 0.0, 0.1, 0.2, 0.3, 0.4, 0.5
  };

  @Test
  void familyConflictOnDomesticViolenceMatchesTheExactSumOverItsOtherCause() {
    // domestic_violence = logistic(-3.0 + 1.3 family_conflict + 0.8 parent_addiction); under
    // do(family_conflict) only parent_addiction varies, through parent_unemployed and
    // parent_illiterate: pa = logistic(-2.3 + 0.8 pu), pu = logistic(-1.2 + 0.8 shift + 0.9 pi),
    // pi = logistic(-1.3 + 1.0 shift), summed over the regions by their family weights.
    double addiction = 0;
    for (int region = 0; region < REGION_WEIGHTS.length; region++) {
      double illiterate = logistic(-1.3 + REGION_SHIFT[region]);
      double unemployed =
          illiterate * logistic(-1.2 + 0.8 * REGION_SHIFT[region] + 0.9)
              + (1 - illiterate) * logistic(-1.2 + 0.8 * REGION_SHIFT[region]);
      addiction +=
          REGION_WEIGHTS[region]
              * (unemployed * logistic(-2.3 + 0.8) + (1 - unemployed) * logistic(-2.3));
    }
    double[] risk = new double[2];
    for (int conflict = 0; conflict < 2; conflict++) {
      risk[conflict] =
          addiction * logistic(-3.0 + 1.3 * conflict + 0.8)
              + (1 - addiction) * logistic(-3.0 + 1.3 * conflict);
    }

    double ratio =
        TotalEffectTruth.riskRatios("family_conflict", 400_000, 1).get("domestic_violence");

    assertThat(ratio).isCloseTo(risk[1] / risk[0], within(0.01));
  }

  @Test
  void aCodeThatIsNoAncestorOfAProblemHasARatioOfExactlyOne() {
    // chronic_illness causes no problem: the two worlds draw the same problems
    assertThat(TotalEffectTruth.riskRatios("chronic_illness", 10_000, 1).values())
        .allMatch(ratio -> ratio == 1.0);
  }

  private static double logistic(double logit) {
    return 1 / (1 + Math.exp(-logit));
  }
}
