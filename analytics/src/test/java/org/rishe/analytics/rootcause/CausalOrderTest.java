package org.rishe.analytics.rootcause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CausalOrderTest {
  private final CausalOrder order =
      new CausalOrder(
          Map.of(
              "food_insecurity", CausalOrder.FAMILY_FACTOR,
              "household_income", CausalOrder.FAMILY_FACTOR,
              "chronic_illness", CausalOrder.PERSON_FACTOR,
              "peer_delinquency", CausalOrder.PERSON_FACTOR,
              "child_labour", CausalOrder.PROBLEM,
              "school_dropout", CausalOrder.PROBLEM,
              "delinquency", CausalOrder.PROBLEM),
          Map.of("child_labour", 150.0, "school_dropout", 300.0, "delinquency", 420.0));
  private final List<String> codes =
      List.of(
          "child_labour",
          "chronic_illness",
          "delinquency",
          "food_insecurity",
          "household_income",
          "peer_delinquency",
          "school_dropout");

  @Test
  void personFactorIsAdjustedForFamilyFactorsAndCoincidingPersonFactorsOnly() {
    assertThat(order.confounders("chronic_illness", "delinquency", codes))
        .containsExactly("food_insecurity", "household_income", "peer_delinquency");
  }

  @Test
  void familyFactorIsNeverAdjustedForLaterPersonFactorsOrProblems() {
    assertThat(order.confounders("household_income", "delinquency", codes))
        .containsExactly("food_insecurity");
  }

  @Test
  void problemIsAdjustedForEarlierProblemsButNotLaterOnesNorTheOutcome() {
    assertThat(order.confounders("school_dropout", "delinquency", codes))
        .containsExactly(
            "child_labour",
            "chronic_illness",
            "food_insecurity",
            "household_income",
            "peer_delinquency");
    assertThat(order.confounders("child_labour", "school_dropout", codes))
        .doesNotContain("delinquency", "school_dropout");
  }

  @Test
  void unknownCodeIsRejectedWithItsName() {
    assertThatThrownBy(() -> order.confounders("mystery", "delinquency", codes))
        .hasMessage("code mystery has no place in the causal order");
  }
}
