package org.rishe.analytics.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BackgroundKnowledgeTest {
  private static final List<String> NODES = List.of("poverty", "school", "income", "health");
  // The true story: poverty -> school -> income <- health, so income is a collider.
  private static final CausalGraph DAG =
      new CausalGraph(
          NODES, List.of(Edge.directed(0, 1), Edge.directed(1, 2), Edge.directed(3, 2)));
  private static final PcSettings SETTINGS = PcSettings.defaults().withThreads(1);

  @Test
  void withoutKnowledgeTheChainAboveTheColliderIsOrientedByMeekRuleOne() {
    CausalGraph found = PcStable.discover(new DSeparationOracle(DAG), NODES, SETTINGS);

    assertThat(found.edges())
        .containsExactlyInAnyOrder(Edge.undirected(0, 1), Edge.directed(1, 2), Edge.directed(3, 2));
  }

  @Test
  void tiersOrientEdgesForwardInTimeAndNeverAgainstIt() {
    BackgroundKnowledge knowledge =
        BackgroundKnowledge.builder(NODES)
            .tier(0, "income")
            .tier(1, "poverty", "school", "health")
            .build();

    CausalGraph found = PcStable.discover(new DSeparationOracle(DAG), NODES, SETTINGS, knowledge);

    // Income comes first in time here, so nothing may point into it: the collider is suppressed
    // and both of its edges leave income.
    assertThat(found.edges()).contains(Edge.directed(2, 1), Edge.directed(2, 3));
    for (Edge edge : found.edges()) {
      assertThat(knowledge.isForbidden(edge.from(), edge.to())).as(edge.toString()).isFalse();
    }
  }

  @Test
  void aTierForbiddenWithinRemovesEdgesBetweenItsMembers() {
    BackgroundKnowledge knowledge =
        BackgroundKnowledge.builder(NODES)
            .tier(0, "poverty", "school")
            .forbidWithinTier(0)
            .tier(1, "income", "health")
            .build();

    CausalGraph found = PcStable.discover(new DSeparationOracle(DAG), NODES, SETTINGS, knowledge);

    assertThat(found.edges()).containsExactlyInAnyOrder(Edge.directed(1, 2), Edge.directed(3, 2));
  }

  @Test
  void aRequiredEdgeIsKeptAndOrientedEvenWhenTheDataSeparateIt() {
    BackgroundKnowledge knowledge =
        BackgroundKnowledge.builder(NODES).require("poverty", "health").build();

    CausalGraph found = PcStable.discover(new DSeparationOracle(DAG), NODES, SETTINGS, knowledge);

    assertThat(found.edges()).contains(Edge.directed(0, 3), Edge.directed(1, 2));
  }

  @Test
  void tiersHoldOnRealSamplesToo() {
    DiscreteData data = BenchmarkFiles.readSamples(BenchmarkData.samples("asia"));
    // X8 (dyspnoea) and X7 (x-ray) are symptoms: put them first to force every edge out of them.
    BackgroundKnowledge knowledge =
        BackgroundKnowledge.builder(data.names())
            .tier(0, "X7", "X8")
            .tier(1, "X1", "X2", "X3", "X4", "X5", "X6")
            .build();

    CausalGraph found =
        PcStable.discover(new ChiSquareTest(data), data.names(), SETTINGS, knowledge);

    assertThat(found.edges()).isNotEmpty();
    for (Edge edge : found.edges()) {
      assertThat(knowledge.isForbidden(edge.from(), edge.to())).as(edge.toString()).isFalse();
      assertThat(
              edge.directed()
                  || knowledge
                      .tierOfNode()
                      .get(edge.from())
                      .equals(knowledge.tierOfNode().get(edge.to())))
          .as("edge across tiers is directed: " + edge)
          .isTrue();
    }
  }

  @Test
  void anEdgeBothRequiredAndForbiddenIsRejected() {
    assertThatThrownBy(
            () ->
                BackgroundKnowledge.builder(NODES)
                    .forbid("poverty", "school")
                    .require("poverty", "school")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("edge 0 -> 1 is both required and forbidden: drop one of the two statements");
  }
}
