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
  void aTotalEffectAdjustsForSameTierCodesRankedEarlierOnly() {
    CausalOrder ranked =
        new CausalOrder(
            Map.of(
                "parent_illiterate", CausalOrder.FAMILY_FACTOR,
                "household_income", CausalOrder.FAMILY_FACTOR,
                "food_insecurity", CausalOrder.FAMILY_FACTOR,
                "informal_housing", CausalOrder.FAMILY_FACTOR,
                "out_of_school", CausalOrder.PERSON_FACTOR,
                "peer_delinquency", CausalOrder.PERSON_FACTOR,
                "child_labour", CausalOrder.PROBLEM),
            Map.of("child_labour", 150.0),
            Map.of(
                "parent_illiterate", 0,
                "household_income", 1,
                "food_insecurity", 2,
                "informal_housing", 2,
                "out_of_school", 0,
                "peer_delinquency", 1));
    List<String> all =
        List.of(
            "child_labour",
            "food_insecurity",
            "household_income",
            "informal_housing",
            "out_of_school",
            "parent_illiterate",
            "peer_delinquency");

    assertThat(ranked.totalEffectConfounders("food_insecurity", "child_labour", all))
        .containsExactly("household_income", "parent_illiterate");
    // equal ranks are not ordered; a later rank (a possible mediator) never counts
    assertThat(ranked.totalEffectConfounders("household_income", "child_labour", all))
        .containsExactly("parent_illiterate");
    assertThat(ranked.totalEffectConfounders("parent_illiterate", "child_labour", all)).isEmpty();
    assertThat(ranked.totalEffectConfounders("peer_delinquency", "child_labour", all))
        .containsExactly(
            "food_insecurity",
            "household_income",
            "informal_housing",
            "out_of_school",
            "parent_illiterate");
    // the adjusted odds ratio's confounders do not read the ranks
    assertThat(ranked.confounders("parent_illiterate", "child_labour", all))
        .containsExactly("food_insecurity", "household_income", "informal_housing");
  }

  @Test
  void unrankedSameTierCodesStayOutOfATotalEffectAndProblemsKeepTheirOnsetOrder() {
    // the order of the class's fixture has no ranks: no same-tier factor is adjusted for
    assertThat(order.totalEffectConfounders("food_insecurity", "delinquency", codes)).isEmpty();
    assertThat(order.totalEffectConfounders("peer_delinquency", "delinquency", codes))
        .containsExactly("food_insecurity", "household_income");
    // a problem sees every factor and the problems of earlier onset, as in the adjusted model
    assertThat(order.totalEffectConfounders("school_dropout", "delinquency", codes))
        .isEqualTo(order.confounders("school_dropout", "delinquency", codes));
  }

  @Test
  void aRankOnOneSideOnlyOrdersNothingButTwoRankedProblemsFollowTheirRanks() {
    CausalOrder mixed =
        new CausalOrder(
            order.tiers(),
            order.problemLags(),
            Map.of("household_income", 0, "peer_delinquency", 3, "delinquency", 0));

    // food_insecurity has no rank: neither it nor household_income is known to come first
    assertThat(mixed.totalEffectConfounders("food_insecurity", "delinquency", codes)).isEmpty();
    assertThat(mixed.totalEffectConfounders("household_income", "delinquency", codes)).isEmpty();
    // chronic_illness unranked, peer_delinquency ranked: the person factor sees the family ones
    assertThat(mixed.totalEffectConfounders("peer_delinquency", "delinquency", codes))
        .containsExactly("food_insecurity", "household_income");
    // delinquency is ranked 0 but school_dropout is unranked: their onsets order them
    assertThat(mixed.totalEffectConfounders("school_dropout", "child_labour", codes))
        .doesNotContain("delinquency");
    CausalOrder problems =
        new CausalOrder(
            order.tiers(),
            order.problemLags(),
            Map.of("delinquency", 0, "school_dropout", 1, "child_labour", 2));
    // ranked, the problems follow the ranks even against their median onsets
    assertThat(problems.totalEffectConfounders("school_dropout", "substance_use", codes))
        .contains("delinquency")
        .doesNotContain("child_labour");
  }

  @Test
  void unknownCodeIsRejectedWithItsName() {
    assertThatThrownBy(() -> order.confounders("mystery", "delinquency", codes))
        .hasMessage("code mystery has no place in the causal order");
  }
}
