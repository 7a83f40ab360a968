package org.rishe.analytics.rootcause;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.rishe.analytics.stats.Estimate;

/**
 * One ranked chain of a problem: a path of the causal graph from a root through mediators to the
 * problem, with the interventional effects of the root on the risk-difference scale ({@link
 * InterventionalEffects}), each with a family-clustered 95% CI.
 *
 * @param path codes, root first, problem last
 * @param directed true when every link of the path is directed in the graph; false for a possible
 *     chain, some of whose links the data left undirected (read here as pointing forward)
 * @param people the people the effects were estimated on: those whose root status is known, but for
 *     any whose code of a confounder nobody of the other exposure shares (outside the overlap)
 * @param families the families of those people, the clusters of the intervals
 * @param direct interventional direct effect ψ(1,0) − ψ(0,0), with its 95% CI
 * @param indirect interventional indirect effect through the path's mediators jointly, ψ(1,1) −
 *     ψ(1,0), with its 95% CI
 * @param total total effect ψ(1,1) − ψ(0,0) = direct + indirect, with its 95% CI
 * @param shareMediated {@code indirect / total}, null when the total is about 0
 * @param riskExposed ψ(1,1): the standardised risk of the problem with everybody exposed
 * @param riskUnexposed ψ(0,0): the standardised risk with nobody exposed
 */
public record RootCauseChain(
    String problem,
    int rank,
    List<String> path,
    boolean directed,
    long people,
    long families,
    Estimate direct,
    Estimate indirect,
    Estimate total,
    Double shareMediated,
    double riskExposed,
    double riskUnexposed) {
  public RootCauseChain {
    requireNonNull(problem, "problem is null");
    path = List.copyOf(path);
    requireNonNull(direct, "direct is null");
    requireNonNull(indirect, "indirect is null");
    requireNonNull(total, "total is null");
    if (path.size() < 2 || !path.get(path.size() - 1).equals(problem)) {
      throw new IllegalArgumentException(
          "a chain of " + problem + " must end at it and have a root, got " + path);
    }
  }
}
