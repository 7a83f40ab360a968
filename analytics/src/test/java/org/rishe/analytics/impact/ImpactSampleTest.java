package org.rishe.analytics.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImpactSampleTest {
  private static final List<String> NAMES = List.of("age", "income");
  private static final boolean[] TREATED = {true, false, false};
  private static final double[] OUTCOMES = {1, 0, 1};
  private static final int[] FAMILIES = {7, 7, 9};

  @Test
  void unitRowsAndCovariateColumnsGiveTheSameSample() {
    ImpactSample byUnit =
        new ImpactSample(
            NAMES, TREATED, new double[][] {{10, 100}, {12, 80}, {14, 60}}, OUTCOMES, FAMILIES);
    ImpactSample byColumn =
        ImpactSample.ofColumns(
            NAMES,
            TREATED.clone(),
            new double[][] {{10, 12, 14}, {100, 80, 60}},
            OUTCOMES.clone(),
            FAMILIES.clone());

    for (int unit = 0; unit < 3; unit++) {
      assertThat(byColumn.covariate(unit, 0)).isEqualTo(byUnit.covariate(unit, 0));
      assertThat(byColumn.covariate(unit, 1)).isEqualTo(byUnit.covariate(unit, 1));
    }
    assertThat(byUnit.covariate(2, 1)).isEqualTo(60);
  }

  @Test
  void theDesignMatrixIsBuiltOnceAndStandardisesEachColumn() {
    ImpactSample sample =
        ImpactSample.ofColumns(
            NAMES,
            TREATED.clone(),
            new double[][] {{10, 12, 14}, {100, 80, 60}},
            OUTCOMES.clone(),
            FAMILIES.clone());

    double[][] design = Standardised.designMatrix(sample);

    assertThat(Standardised.designMatrix(sample)).isSameAs(design);
    // age: mean 12, sd 2 (n - 1 denominator); income: mean 80, sd 20
    assertThat(design[0]).containsExactly(1, -1, 1);
    assertThat(design[2]).containsExactly(1, 1, -1);
  }

  @Test
  void aSelectionCopiesTheChosenUnitsInOrder() {
    ImpactSample sample =
        new ImpactSample(
            NAMES, TREATED, new double[][] {{10, 100}, {12, 80}, {14, 60}}, OUTCOMES, FAMILIES);

    ImpactSample drawn = sample.select(new int[] {2, 0, 2});

    assertThat(drawn.size()).isEqualTo(3);
    assertThat(drawn.covariate(0, 0)).isEqualTo(14);
    assertThat(drawn.covariate(1, 1)).isEqualTo(100);
    assertThat(drawn.isTreated(1)).isTrue();
    assertThat(drawn.cluster(2)).isEqualTo(9);
  }

  @Test
  void aMissingCovariateInAColumnIsRefused() {
    assertThatThrownBy(
            () ->
                ImpactSample.ofColumns(
                    NAMES,
                    TREATED.clone(),
                    new double[][] {{10, Double.NaN, 14}, {100, 80, 60}},
                    OUTCOMES.clone(),
                    FAMILIES.clone()))
        .hasMessageContaining("unit 1 has a missing or infinite covariate");
  }
}
