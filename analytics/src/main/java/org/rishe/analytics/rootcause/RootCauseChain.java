package org.rishe.analytics.rootcause;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.rishe.analytics.stats.Estimate;

/**
 * One ranked chain of a problem: a path of the causal graph from a root through mediators to the
 * problem, with effects of the root on the log-odds scale.
 *
 * @param path codes, root first, problem last
 * @param directed true when every link of the path is directed in the graph; false for a possible
 *     chain, some of whose links the data left undirected (read here as pointing forward)
 * @param people the people the effects were estimated on (those whose root status is known)
 * @param direct coefficient of the root adjusted also for the path's mediators, with its 95% CI
 * @param indirect {@code total - direct}, with its 95% CI
 * @param total coefficient of the root adjusted for demographics and its non-descendant
 *     contemporaries, with its 95% CI
 * @param shareMediated {@code indirect / total}, null when the total is about 0
 */
public record RootCauseChain(
    String problem,
    int rank,
    List<String> path,
    boolean directed,
    long people,
    Estimate direct,
    Estimate indirect,
    Estimate total,
    Double shareMediated) {
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
