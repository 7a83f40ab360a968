package org.rishe.analytics.rootcause;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rishe.analytics.causal.CausalGraph;
import org.rishe.analytics.causal.Edge;
import org.rishe.analytics.causal.GraphMetrics;
import org.rishe.analytics.causal.GraphScore;
import org.rishe.analytics.scope.AnalyticScope;
import org.rishe.common.contract.Entity;
import org.rishe.common.synthetic.GeneratorConfig;
import org.rishe.common.synthetic.GroundTruth;
import org.rishe.common.synthetic.SyntheticBatchGenerator;
import org.rishe.common.synthetic.TruthBuilder;
import org.rishe.ingest.spark.SparkSessions;

/**
 * The causal graph and chains against the generator's truth at 5,000 families (about 12,000
 * children), straight from the generated files: adjacency F1 among catalogue codes, and the
 * indirect root parent_illiterate in a chain of delinquency.
 */
class CausalGraphTruthTest {
  @Test
  void graphRecoversTheTrueAdjacenciesAndChainsReachIndirectRoots(@TempDir Path work) {
    SparkSession spark = SparkSessions.forTests();
    Path batch = work.resolve("batch");
    SyntheticBatchGenerator.generate(
        GeneratorConfig.defaults(batch).withFamilies(5_000).withSeed(42));
    Dataset<Row> people = GeneratedFiles.read(spark, batch, Entity.PEOPLE);
    long started = System.nanoTime();
    CausalGraphStep.Result result =
        CausalGraphStep.run(
            AnalyticScope.consentingPeople(people),
            GeneratedFiles.read(spark, batch, Entity.FAMILIES),
            AnalyticScope.ofConsentingPeople(
                GeneratedFiles.read(spark, batch, Entity.CASES), people, "person_id"),
            GeneratedFiles.read(spark, batch, Entity.OBSERVATIONS),
            GeneratedFiles.read(spark, batch, Entity.INDICATORS),
            0,
            17,
            CausalGraphSettings.defaults().withResamples(10),
            System.out::println);
    System.out.println("causal graph step " + (System.nanoTime() - started) / 1_000_000 + " ms");

    GroundTruth truth = TruthBuilder.build(List.of(), Map.of());
    GraphScore score = GraphMetrics.compare(truthGraph(result.graph(), truth), codesOnly(result));
    System.out.printf(
        Locale.ROOT,
        "adjacency precision %.3f recall %.3f F1 %.3f (tp %d, missing %d, extra %d)%n",
        score.adjacencyPrecision(),
        score.adjacencyRecall(),
        score.adjacencyF1(),
        score.truePositives(),
        score.missing(),
        score.extra());
    System.out.println(result.graph().describe());
    result.chains().stream()
        .filter(chain -> chain.problem().equals("delinquency"))
        .forEach(System.out::println);

    // Every indirect root of the truth, and whether a chain of its problem starts there: reported
    // for the record; only parent_illiterate -> delinquency is asserted.
    int found = 0;
    int indirect = 0;
    for (Map.Entry<String, List<GroundTruth.IndirectRoot>> entry :
        truth.indirectRoots().entrySet()) {
      for (GroundTruth.IndirectRoot root : entry.getValue()) {
        indirect++;
        boolean inChain =
            result.chains().stream()
                .anyMatch(
                    chain ->
                        chain.problem().equals(entry.getKey())
                            && chain.path().get(0).equals(root.root()));
        found += inChain ? 1 : 0;
        System.out.println(
            "indirect root "
                + root.root()
                + " of "
                + entry.getKey()
                + ": "
                + (inChain ? "in a chain" : "no chain"));
      }
    }
    System.out.println(
        "indirect roots heading a chain of their problem: " + found + " of " + indirect);

    assertThat(score.adjacencyF1()).isGreaterThanOrEqualTo(0.9);
    List<String> delinquencyRoots = new ArrayList<>();
    for (RootCauseChain chain : result.chains()) {
      if (chain.problem().equals("delinquency")) {
        delinquencyRoots.add(chain.path().get(0));
      }
    }
    assertThat(delinquencyRoots).contains("parent_illiterate");
  }

  private static CausalGraph truthGraph(CausalGraph estimate, GroundTruth truth) {
    List<Edge> edges = new ArrayList<>();
    for (GroundTruth.Edge edge : truth.edges()) {
      edges.add(Edge.directed(estimate.indexOf(edge.from()), estimate.indexOf(edge.to())));
    }
    return new CausalGraph(estimate.nodes(), edges);
  }

  /** The estimate without its demographic edges, which the truth does not list. */
  private static CausalGraph codesOnly(CausalGraphStep.Result result) {
    List<Edge> edges = new ArrayList<>();
    for (Edge edge : result.graph().edges()) {
      String from = result.graph().nodes().get(edge.from());
      String to = result.graph().nodes().get(edge.to());
      if (!result.kinds().get(from).equals("demographic")
          && !result.kinds().get(to).equals("demographic")) {
        edges.add(edge);
      }
    }
    return new CausalGraph(result.graph().nodes(), edges);
  }
}
