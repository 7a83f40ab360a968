package org.rishe.analytics.impact.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LalondeSpecificationTest {
  @Test
  void dehejiaWahbaPsidTermsAreComputedFromTheRawColumns() {
    Map<String, String> row =
        Map.of(
            "age",
            "30",
            "educ",
            "10",
            "married",
            "1",
            "nodegree",
            "1",
            "black",
            "0",
            "hisp",
            "1",
            "re74",
            "0",
            "re75",
            "2000.5");

    double[] values = LalondeSpecification.DEHEJIA_WAHBA_PSID.values(row);

    assertThat(values)
        .containsExactly(
            30, 900, 27000, 10, 100, 1, 1, 0, 1, 0, 2000.5, 0, 2000.5 * 2000.5, 1, 0, 0);
  }

  @Test
  void cpsSpecificationDropsTheSquaredEarnings() {
    assertThat(LalondeSpecification.DEHEJIA_WAHBA_CPS.terms())
        .doesNotContain("re74_squared", "re75_squared")
        .contains("age_cubed", "educ_re74")
        .hasSize(14);
  }

  @Test
  void unknownTermIsRejectedWithTheKnownOnes() {
    assertThatThrownBy(() -> new LalondeSpecification("mine", List.of("age", "income")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown LaLonde covariate term 'income' in specification mine")
        .hasMessageContaining("educ_re74");
  }
}
