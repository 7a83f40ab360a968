package org.rishe.analytics.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BifNetworkTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({"asia", "sachs", "child", "insurance", "alarm"})
  void theBifStructureIsTheTrueGraphUnderTheVariableMapping(String network) {
    BifNetwork bif = BifNetwork.read(BenchmarkData.bif(network));
    CausalGraph truth = BenchmarkFiles.readGraph(BenchmarkData.truth(network));
    Map<String, String> mapping =
        BenchmarkFiles.readVariableMapping(
            BenchmarkData.bayesianNetworks().resolve("variable_mapping.csv"), network);

    CausalGraph dag = bif.dag();

    assertThat(dag.edges()).hasSameSizeAs(truth.edges());
    for (Edge edge : truth.edges()) {
      int from = dag.indexOf(mapping.get(truth.nodes().get(edge.from())));
      int to = dag.indexOf(mapping.get(truth.nodes().get(edge.to())));
      assertThat(dag.edges()).contains(Edge.directed(from, to));
    }
  }

  @Test
  void sampleFrequenciesMatchTheProbabilityTables() {
    BifNetwork asia = BifNetwork.read(BenchmarkData.bif("asia"));
    int rows = 40_000;

    DiscreteData data = asia.sample(rows, 11);

    int smoke = asia.names().indexOf("smoke");
    int lung = asia.names().indexOf("lung");
    StratifiedTable table = data.stratifiedTable(smoke, lung, new int[0]);
    double smokers = table.count(0, 0, 0) + table.count(0, 0, 1);
    // P(smoke = yes) = 0.5 and P(lung = yes | smoke = yes) = 0.1; allow four standard errors.
    assertThat(smokers / rows).isCloseTo(0.5, within(4 * Math.sqrt(0.25 / rows)));
    assertThat(table.count(0, 0, 0) / smokers)
        .isCloseTo(0.1, within(4 * Math.sqrt(0.09 / smokers)));
  }

  @Test
  void samplingIsDeterministicPerSeed() {
    BifNetwork asia = BifNetwork.read(BenchmarkData.bif("asia"));

    DiscreteData first = asia.sample(2_000, 5);
    DiscreteData second = asia.sample(2_000, 5);
    DiscreteData other = asia.sample(2_000, 6);

    assertThat(second.stratifiedTable(0, 7, new int[0]).counts())
        .containsExactly(first.stratifiedTable(0, 7, new int[0]).counts());
    assertThat(other.stratifiedTable(2, 4, new int[0]).counts())
        .isNotEqualTo(first.stratifiedTable(2, 4, new int[0]).counts());
  }
}
