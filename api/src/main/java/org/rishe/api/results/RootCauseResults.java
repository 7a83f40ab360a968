package org.rishe.api.results;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.rishe.common.results.AgeBands;

/**
 * The root-cause results of a run: the factor rows of {@code root_causes}, the causal graph ({@code
 * causal_graph_nodes}, {@code causal_graph_edges}) and the chains of each problem ({@code
 * root_cause_chains}), with the age range of the people they count (the run's {@code minimumAge}
 * and {@code maximumAge} parameters; null in a run whose manifest lacks them). A run published
 * before a step existed lacks its tables and reads them as empty.
 */
public record RootCauseResults(
    List<FactorRow> factors,
    List<Node> nodes,
    List<GraphEdge> edges,
    List<Chain> chains,
    AgeRange ageRange) {
  public RootCauseResults {
    factors = List.copyOf(factors);
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
    chains = List.copyOf(chains);
  }

  public static RootCauseResults empty() {
    return new RootCauseResults(List.of(), List.of(), List.of(), List.of(), null);
  }

  /** The ages in scope, at registration, both ends included. */
  public record AgeRange(int minimumAge, int maximumAge) {}

  /**
   * The cubes' age bands holding people out of the age range ({@link AgeBands#outside}); every band
   * when the range is not known.
   */
  public List<String> bandsOutside() {
    return ageRange == null
        ? AgeBands.labels()
        : AgeBands.outside(ageRange.minimumAge(), ageRange.maximumAge());
  }

  /** An estimate with its 95% interval; any part null where not estimable. */
  public record Interval(Double estimate, Double low, Double high) {}

  /**
   * One row of {@code root_causes}: a problem and factor, overall (region null) or in one region,
   * with the problem's population and cases in that scope.
   */
  public record FactorRow(
      String problem,
      String region,
      String factor,
      long exposedCases,
      long exposedTotal,
      long unexposedCases,
      long unexposedTotal,
      Interval relativeRisk,
      Interval oddsRatio,
      Interval adjustedOddsRatio,
      Interval attributableFraction,
      Double pValue,
      Double qValue,
      Double medianLeadDays,
      String evidence,
      long population,
      long cases,
      TotalEffect totalEffect) {}

  /**
   * A factor's total effect on the problem (g-computation): standardised risk ratio and difference,
   * the codes adjusted for besides age, sex and region, and the two-sided Wald p-value of its log
   * risk ratio with its Benjamini–Hochberg q-value over the run's total effects (null in a run
   * published before them); null on a row without one.
   */
  public record TotalEffect(
      Interval riskRatio,
      Interval riskDifference,
      List<String> adjustedFor,
      Double pValue,
      Double qValue) {
    public TotalEffect {
      adjustedFor = List.copyOf(adjustedFor);
    }
  }

  /** A variable of the graph; {@code kind} is demographic, factor or problem. */
  public record Node(String id, String kind, String labelEn, String labelFa) {
    public Node {
      requireNonNull(id, "id is null");
    }
  }

  /** An edge; {@code from -- to} when not directed; stability in [0, 1]. */
  public record GraphEdge(String from, String to, boolean directed, double stability) {}

  /**
   * An effect of a chain on its chain's {@link Chain#effectScale} with its 95% confidence bounds; a
   * bound is null where the run gives no interval (runs published before chains had intervals give
   * none).
   */
  public record Effect(double estimate, Double low, Double high) {}

  /**
   * One chain of a problem from a root through mediators to the problem.
   *
   * @param directed true when every link of the path is directed in the learnt graph; false for a
   *     possible chain, one or more of whose links the data left undirected (read forward)
   * @param shareMediated null when undefined
   * @param people how many people the effects were estimated on; null when the run does not say
   * @param effectScale the scale of direct, indirect and total: "risk difference" (interventional
   *     effects by the mediational g-formula) or, for runs published before that column, "log-odds"
   *     (difference method)
   * @param families the families of those people, the clusters of the intervals; null when the run
   *     does not say
   * @param riskExposed the standardised risk of the problem with everybody exposed to the root;
   *     null when the run does not say
   * @param riskUnexposed the same with nobody exposed; null when the run does not say
   */
  public record Chain(
      String problem,
      int rank,
      List<String> path,
      boolean directed,
      Effect direct,
      Effect indirect,
      Effect total,
      Double shareMediated,
      Long people,
      String effectScale,
      Long families,
      Double riskExposed,
      Double riskUnexposed) {
    public Chain {
      path = List.copyOf(path);
      requireNonNull(effectScale, "effectScale is null");
      requireNonNull(direct, "direct is null");
      requireNonNull(indirect, "indirect is null");
      requireNonNull(total, "total is null");
    }
  }
}
