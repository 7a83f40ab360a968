package org.rishe.analytics.rootcause;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rishe.analytics.causal.BackgroundKnowledge;

/** Which edges between problems the people's own onset order forbids. */
class OnsetOrderKnowledgeTest {
  private static final List<String> PROBLEMS = List.of("dropout", "delinquency", "malnutrition");

  @Test
  void aProblemThatOpensFirstInFourFifthsOfCoCasesCannotBeCausedByTheOther() {
    BackgroundKnowledge.Builder builder = BackgroundKnowledge.builder(PROBLEMS);
    // dropout first in 40 of 45 people with both (89%); delinquency and malnutrition 12 vs 8
    // (60%): no order; malnutrition and dropout only 6 ordered people: too few to say.
    Map<String, Long> order =
        Map.of(
            "dropout delinquency", 40L,
            "delinquency dropout", 5L,
            "delinquency malnutrition", 12L,
            "malnutrition delinquency", 8L,
            "malnutrition dropout", 6L);

    CausalGraphStep.forbidAgainstOnsetOrder(builder, PROBLEMS, order);
    BackgroundKnowledge knowledge = builder.build();

    assertThat(knowledge.isForbidden(1, 0)).as("delinquency -> dropout").isTrue();
    assertThat(knowledge.isForbidden(0, 1)).as("dropout -> delinquency").isFalse();
    assertThat(knowledge.isForbidden(1, 2)).isFalse();
    assertThat(knowledge.isForbidden(2, 1)).isFalse();
    assertThat(knowledge.isForbidden(0, 2)).isFalse();
    assertThat(knowledge.isForbidden(2, 0)).isFalse();
  }
}
