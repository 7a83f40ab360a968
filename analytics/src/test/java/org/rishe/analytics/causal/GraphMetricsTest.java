package org.rishe.analytics.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class GraphMetricsTest {
  private static final List<String> NODES = List.of("a", "b", "c", "d");

  @Test
  void theCpdagOfAChainIsUndirected() {
    CausalGraph chain =
        new CausalGraph(
            NODES, List.of(Edge.directed(0, 1), Edge.directed(1, 2), Edge.directed(2, 3)));

    assertThat(GraphMetrics.cpdag(chain).edges())
        .containsExactly(Edge.undirected(0, 1), Edge.undirected(1, 2), Edge.undirected(2, 3));
  }

  @Test
  void theCpdagKeepsACollidersArrowsAndPropagatesThemDownstream() {
    CausalGraph collider =
        new CausalGraph(
            NODES, List.of(Edge.directed(0, 2), Edge.directed(1, 2), Edge.directed(2, 3)));

    assertThat(GraphMetrics.cpdag(collider).edges())
        .containsExactly(Edge.directed(0, 2), Edge.directed(1, 2), Edge.directed(2, 3));
  }

  @Test
  void structuralHammingDistanceCountsEachPairOnce() {
    CausalGraph truth =
        new CausalGraph(
            NODES, List.of(Edge.directed(0, 2), Edge.directed(1, 2), Edge.undirected(2, 3)));
    // One reversed, one missing (b -> c), one extra (a -- d); c -- d agrees.
    CausalGraph estimate =
        new CausalGraph(
            NODES, List.of(Edge.directed(2, 0), Edge.undirected(2, 3), Edge.undirected(0, 3)));

    GraphScore score = GraphMetrics.compare(truth, estimate);

    assertThat(score.structuralHammingDistance()).isEqualTo(3);
    assertThat(score.adjacencyPrecision()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(score.adjacencyRecall()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(score.adjacencyF1()).isCloseTo(2.0 / 3, within(1e-12));
  }

  @Test
  void endpointMatricesRoundTripInCausalLearnsConvention() {
    CausalGraph graph = new CausalGraph(NODES, List.of(Edge.directed(3, 1), Edge.undirected(0, 2)));

    int[][] matrix = graph.endpointMatrix();

    assertThat(matrix[3][1]).isEqualTo(-1);
    assertThat(matrix[1][3]).isEqualTo(1);
    assertThat(CausalGraph.fromEndpointMatrix(NODES, matrix)).isEqualTo(graph);
  }
}
